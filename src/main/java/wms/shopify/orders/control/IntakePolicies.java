package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import wms.shopify.orders.entity.IntakePolicy;
import wms.shopify.orders.entity.OrderFiltersChanged;
import wms.shopify.platform.Published;

/**
 * The orders component's published read and save interface for its per-store intake policy ({@code intake_policy},
 * one row per store, made with the store). Other components and the Store Settings page use this, never the table.
 * A save that changes the filters fires {@link OrderFiltersChanged}, so the store's filtered-out orders are decided
 * again once it commits ({@link FilterRecheck}).
 */
@Published
@ApplicationScoped
public class IntakePolicies {

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    Event<OrderFiltersChanged> filtersChanged;

    /** The store's intake policy. */
    public IntakePolicy of(long storeId) {
        Object[] row = (Object[]) this.entityManager
                .createNativeQuery("select order_statuses, financial_statuses, "
                        + "fulfillment_statuses, import_test_orders from intake_policy where store_id = ?1")
                .setParameter(1, storeId)
                .getSingleResult();
        return new IntakePolicy((String) row[0], (String) row[1], (String) row[2], (Boolean) row[3]);
    }

    /**
     * Replaces the store's intake policy.
     *
     * @param by who changed it (for the activity log of the re-check), null for the system
     * @return the policy as saved
     * @throws IllegalArgumentException naming the values Shopify does not have; nothing is changed then
     */
    @Transactional
    public IntakePolicy save(long storeId, IntakePolicy policy, String by) {
        policy.requireKnownValues();
        boolean changed = !of(storeId).equals(policy);
        this.entityManager
                .createNativeQuery("update intake_policy set order_statuses = ?1, financial_statuses = ?2, "
                        + "fulfillment_statuses = ?3, import_test_orders = ?4 where store_id = ?5")
                .setParameter(1, policy.orderStatuses())
                .setParameter(2, policy.financialStatuses())
                .setParameter(3, policy.fulfillmentStatuses())
                .setParameter(4, policy.importTestOrders())
                .setParameter(5, storeId)
                .executeUpdate();
        if (changed) {
            this.filtersChanged.fire(new OrderFiltersChanged(storeId, by));
        }
        return policy;
    }
}
