package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.orders.entity.OrderFilters;
import wms.shopify.stores.entity.OrderFiltersChanged;
import wms.shopify.stores.entity.Store;
import wms.shopify.stores.entity.StoreSettings;

/**
 * A store's order filters through the API: the same settings Store Settings edits (kept with the store), changed
 * alone. A change has the store's orders filtered out so far decided again with the new filters right after it
 * commits ({@link FilterRecheck}).
 */
@ApplicationScoped
public class OrderFilterSettings {

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    ActivityLog activity;

    @Inject
    Event<OrderFiltersChanged> filtersChanged;

    /**
     * Changes the filters.
     *
     * @throws IllegalArgumentException naming the values Shopify does not have; nothing is changed then
     */
    @Transactional(rollbackOn = IllegalArgumentException.class)
    public OrderFilters change(long storeId, OrderFilters filters, String by) {
        Store store = this.entityManager.find(Store.class, storeId);
        StoreSettings changed = store.settings().withOrderFilters(String.join(",", filters.orderStatuses()),
                String.join(",", filters.financialStatuses()), String.join(",", filters.fulfillmentStatuses()),
                filters.includeTestOrders());
        boolean different = !store.settings().sameOrderFilters(changed);
        store.changeSettings(changed);
        if (different) {
            this.filtersChanged.fire(new OrderFiltersChanged(storeId, by));
        }
        OrderFilters saved = OrderFilters.of(store.settings());
        this.activity.record(OrderRecords.CATEGORY, "Order filters of " + store.domain() + " changed: order status "
                + saved.orderStatuses() + ", financial status " + saved.financialStatuses() + ", fulfillment status "
                + saved.fulfillmentStatuses() + ", test orders " + (saved.includeTestOrders() ? "in" : "out") + ".",
                by);
        return saved;
    }
}
