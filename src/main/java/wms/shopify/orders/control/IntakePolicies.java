package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import wms.shopify.orders.entity.IntakePolicy;
import wms.shopify.orders.entity.OrderFiltersChanged;
import wms.shopify.orders.entity.StoredIntakePolicy;
import wms.shopify.platform.Published;
import wms.shopify.platform.database.PerStoreRows;

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
        return stored(storeId).policy();
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
        StoredIntakePolicy stored = stored(storeId);
        boolean changed = !stored.policy().equals(policy);
        stored.take(policy);
        if (changed) {
            this.filtersChanged.fire(new OrderFiltersChanged(storeId, by));
        }
        return policy;
    }

    private StoredIntakePolicy stored(long storeId) {
        return PerStoreRows.of(this.entityManager, StoredIntakePolicy.class, storeId);
    }
}
