package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.orders.entity.OrderFilters;
import wms.shopify.stores.entity.Store;

/**
 * A store's order filters through the API: the same settings Store Settings edits (kept with the store), changed
 * alone. Orders filtered out so far are decided again with the new filters on their next update or release.
 */
@ApplicationScoped
public class OrderFilterSettings {

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    ActivityLog activity;

    /**
     * Changes the filters.
     *
     * @throws IllegalArgumentException naming the values Shopify does not have; nothing is changed then
     */
    @Transactional(rollbackOn = IllegalArgumentException.class)
    public OrderFilters change(long storeId, OrderFilters filters, String by) {
        Store store = this.entityManager.find(Store.class, storeId);
        store.changeSettings(store.settings().withOrderFilters(String.join(",", filters.orderStatuses()),
                String.join(",", filters.financialStatuses()), String.join(",", filters.fulfillmentStatuses()),
                filters.includeTestOrders()));
        OrderFilters saved = OrderFilters.of(store.settings());
        this.activity.record(OrderRecords.CATEGORY, "Order filters of " + store.domain() + " changed: order status "
                + saved.orderStatuses() + ", financial status " + saved.financialStatuses() + ", fulfillment status "
                + saved.fulfillmentStatuses() + ", test orders " + (saved.includeTestOrders() ? "in" : "out") + ".",
                by);
        return saved;
    }
}
