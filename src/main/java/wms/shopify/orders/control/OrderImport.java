package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import wms.shopify.orders.entity.OrderState;
import wms.shopify.orders.entity.ShopOrder;
import wms.shopify.orders.entity.ShopifyOrder;
import wms.shopify.stores.entity.Store;

/**
 * Imports one order from its current state on Shopify: read by id first (outside any lock), then recorded. Used
 * alike by the webhooks, the sweep and a release, so every path decides the same way.
 */
@ApplicationScoped
public class OrderImport {

    @Inject
    ShopifyOrders shopify;

    @Inject
    OrderRecords records;

    /**
     * Reads and records the order.
     *
     * @throws wms.shopify.shopify.control.ShopifyUnavailableException when Shopify cannot answer now (try again)
     * @throws wms.shopify.shopify.control.ShopifyUnauthorizedException when the store's token is refused
     */
    public OrderRecords.Outcome importOrder(Store store, String orderId, String source) {
        Optional<ShopifyOrder> order = this.shopify.read(store, orderId);
        if (order.isEmpty()) {
            return new OrderRecords.Outcome(ShopOrder.Change.NONE, OrderState.NEW, "Order " + orderId
                    + " is not on Shopify (deleted): nothing imported.");
        }
        return this.records.apply(store.id(), order.get(), source);
    }
}
