package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import wms.shopify.orders.entity.OrderState;
import wms.shopify.orders.entity.ShopOrder;
import wms.shopify.orders.entity.ShopifyOrder;
import wms.shopify.shopify.control.ShopifyRequestException;
import wms.shopify.shopify.control.ShopifyUnauthorizedException;
import wms.shopify.stores.entity.Store;

/**
 * Imports one order from its current state on Shopify: the order is locked for this transaction (an advisory lock on
 * store and order, so that even an order not recorded yet is covered), read by id, and recorded. Reads of one order
 * are therefore applied in the order they were taken, whichever delivery, sweep or release took them: a read taken
 * earlier can never be applied after a later one, even when both carry the same {@code updatedAt} second. Used alike
 * by the webhooks, the sweep and a release, so every path decides the same way.
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
    @Transactional(dontRollbackOn = {ShopifyUnauthorizedException.class, ShopifyRequestException.class})
    public OrderRecords.Outcome importOrder(Store store, String orderId, String source) {
        this.records.lockOrder(store.id(), orderId);
        Optional<ShopifyOrder> order = this.shopify.read(store, orderId);
        if (order.isEmpty()) {
            return new OrderRecords.Outcome(ShopOrder.Change.NONE, OrderState.NEW, "Order " + orderId
                    + " is not on Shopify (deleted): nothing imported.");
        }
        return this.records.apply(store.id(), order.get(), source);
    }
}
