package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import wms.shopify.orders.entity.FulfillmentSetup;
import wms.shopify.orders.entity.IntakePolicy;
import wms.shopify.orders.entity.OrderFiltersChanged;
import wms.shopify.orders.entity.StoredIntakePolicy;
import wms.shopify.orders.entity.WarehouseService;
import wms.shopify.platform.Published;
import wms.shopify.platform.database.PerStoreRows;

/**
 * The orders component's published read and save interface for its per-store intake policy ({@code intake_policy},
 * one row per store, made with the store). Other components and the Store Settings page use this, never the table.
 * A save that changes the filters fires {@link OrderFiltersChanged}, so the store's filtered-out orders are decided
 * again once it commits ({@link FilterRecheck}). The store's fulfillment mode is kept in the same row
 * ({@link #fulfillmentSetup}), apart from the filters: switching it registers or removes a fulfillment service on
 * Shopify ({@link FulfillmentServiceMode}), which a filter change never does.
 */
@Published
@ApplicationScoped
public class IntakePolicies {

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    Event<OrderFiltersChanged> filtersChanged;

    /** The longest a store may let a cancellation request wait (7 days), as the table's check has it. */
    public static final int MOST_CANCELLATION_ANSWER_MINUTES = 10080;

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

    /**
     * The store's fulfillment mode and, in fulfillment-service mode, its registered services and their locations
     * (the one for all warehouses, or those per warehouse). Read in a transaction of its own: read outside one, the
     * policy came from the request's earlier read, so a switch answered the mode from before it.
     */
    @Transactional
    public FulfillmentSetup fulfillmentSetup(long storeId) {
        return stored(storeId).fulfillmentSetup(warehouseServices(storeId));
    }

    /**
     * The store's own fulfillment-service location ids (the locations Shopify made for the WMS's services); empty in
     * merchant-managed mode. A location listed here is "ours": its fulfillment orders are requested of the WMS.
     */
    public Set<String> ownServiceLocations(long storeId) {
        return fulfillmentSetup(storeId).locationIds();
    }

    /**
     * Records the store's fulfillment mode, its scope and its one service (after Shopify registered or removed it);
     * the services per warehouse are recorded one by one ({@link #recordWarehouseService}).
     */
    @Transactional
    public FulfillmentSetup recordFulfillmentSetup(long storeId, FulfillmentSetup setup) {
        stored(storeId).take(setup);
        return setup.withWarehouseServices(warehouseServices(storeId));
    }

    /** Records a service Shopify registered for one warehouse, at once (a retry then registers only the others). */
    @Transactional
    public void recordWarehouseService(long storeId, WarehouseService service) {
        this.entityManager
                .createNativeQuery("insert into fulfillment_service_warehouse (store_id, warehouse_code, service_id, "
                        + "location_id) values (?, ?, ?, ?)")
                .setParameter(1, storeId)
                .setParameter(2, service.warehouseCode())
                .setParameter(3, service.serviceId())
                .setParameter(4, service.locationId())
                .executeUpdate();
    }

    /** Forgets a warehouse's service (Shopify removed it, or the app was uninstalled). */
    @Transactional
    public void forgetWarehouseService(long storeId, String serviceId) {
        this.entityManager
                .createNativeQuery("delete from fulfillment_service_warehouse where store_id = ? and service_id = ?")
                .setParameter(1, storeId)
                .setParameter(2, serviceId)
                .executeUpdate();
    }

    /** The services registered per warehouse, by warehouse code. */
    private List<WarehouseService> warehouseServices(long storeId) {
        List<WarehouseService> services = new ArrayList<>();
        for (Object row : this.entityManager
                .createNativeQuery("select warehouse_code, service_id, location_id from fulfillment_service_warehouse "
                        + "where store_id = ? order by warehouse_code")
                .setParameter(1, storeId)
                .getResultList()) {
            Object[] columns = (Object[]) row;
            services.add(new WarehouseService((String) columns[0], (String) columns[1], (String) columns[2]));
        }
        return services;
    }

    /** How long a cancellation request may wait for the WMS's answer before the Orders page shows it as waiting. */
    public int cancellationAnswerMinutes(long storeId) {
        return stored(storeId).cancellationAnswerMinutes();
    }

    /**
     * Sets how long a cancellation request may wait for the WMS's answer.
     *
     * @throws IllegalArgumentException outside 1 minute to 7 days; nothing is changed then
     */
    @Transactional
    public void saveCancellationAnswerMinutes(long storeId, int minutes) {
        if (minutes < 1 || minutes > MOST_CANCELLATION_ANSWER_MINUTES) {
            throw new IllegalArgumentException("The time a cancellation request may wait must be 1 to "
                    + MOST_CANCELLATION_ANSWER_MINUTES + " minutes (7 days).");
        }
        stored(storeId).cancellationAnswerMinutes(minutes);
    }

    private StoredIntakePolicy stored(long storeId) {
        return PerStoreRows.of(this.entityManager, StoredIntakePolicy.class, storeId);
    }
}
