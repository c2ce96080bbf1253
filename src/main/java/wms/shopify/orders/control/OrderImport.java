package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import wms.shopify.orders.entity.ImportedOrder;
import wms.shopify.orders.entity.OrderState;
import wms.shopify.orders.entity.ShopifyOrderSnapshot;
import wms.shopify.stores.entity.Store;

/**
 * Imports one order from its current state on Shopify, by id. Used alike by the webhooks, the sweep, a release and
 * a filter re-check, so every path decides the same way.
 *
 * <p>The order is read from Shopify (with the Shopify client's retries) outside any transaction of this import, then
 * recorded in a short transaction of its own that locks the order and applies the read only if no other read of it
 * was applied since this one began ({@link OrderRecords#applyRead}); otherwise the order is read again. So reads of
 * one order are applied in the order they were taken, whichever delivery, sweep or release took them, even when
 * both carry the same {@code updatedAt} second, and nothing is applied twice. Should other imports of the order keep
 * winning, the last attempt reads the order while holding its lock ({@link OrderRecords#readUnderLock}): the one
 * exception to the rule, written down in docs/architecture.md.
 */
@ApplicationScoped
public class OrderImport {

    /**
     * Reads before the import holds the order's lock across its read. Each lost attempt means another import of the
     * same order was applied meanwhile, and concurrent imports of one order are few (a burst of its topics).
     */
    static final int OPTIMISTIC_READS = 4;

    private static final Logger LOG = Logger.getLogger(OrderImport.class.getName());

    @Inject
    ShopifyOrders shopify;

    @Inject
    OrderRecords records;

    /**
     * Reads and records the order.
     *
     * @throws wms.shopify.adminapi.control.ShopifyUnavailableException when Shopify cannot answer now (try again)
     * @throws wms.shopify.adminapi.control.ShopifyUnauthorizedException when the store's token is refused
     */
    public OrderRecords.Outcome importOrder(Store store, String orderId, String source) {
        for (int attempt = 1; attempt < OPTIMISTIC_READS; attempt++) {
            OrderRecords.Applied known = this.records.applied(store.id(), orderId);
            Optional<ShopifyOrderSnapshot> order = this.shopify.read(store, orderId);
            if (order.isEmpty()) {
                return deleted(orderId);
            }
            Optional<OrderRecords.Outcome> outcome = this.records.applyRead(store.id(), order.get(), known, source);
            if (outcome.isPresent()) {
                return outcome.get();
            }
            int lost = attempt;
            LOG.fine(() -> "Order " + orderId + " of " + store.domain() + " was imported by another path while "
                    + "it was read (attempt " + lost + "): read again.");
        }
        LOG.info(() -> "Order " + orderId + " of " + store.domain() + " kept changing while it was read: read "
                + "once more while holding its lock.");
        return this.records
                .readUnderLock(store.id(), orderId, () -> this.shopify.read(store, orderId), source)
                .orElseGet(() -> deleted(orderId));
    }

    private static OrderRecords.Outcome deleted(String orderId) {
        return new OrderRecords.Outcome(
                ImportedOrder.Change.NONE,
                OrderState.NEW,
                "Order " + orderId + " is not on Shopify (deleted): nothing imported.");
    }
}
