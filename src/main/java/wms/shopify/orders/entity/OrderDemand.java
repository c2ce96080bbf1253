package wms.shopify.orders.entity;

import java.util.List;
import java.util.Objects;

/**
 * The lines of one open Shopify order that the WMS has not taken on yet, as the orders component knows them. It fires
 * this CDI event synchronously, inside its own transaction, every time that set changes: after an order is imported
 * or updated (its lines still to fulfil, whether the order is in the WMS feed, held, or kept from the WMS by the
 * store's filters: Shopify took the units off sale all the same), and with no lines once the WMS acknowledged the
 * order, or it is cancelled or fulfilled. Stock sync keeps the latest set per order and, in Absolute mode, subtracts
 * it from the WMS sellable quantity: Shopify already took these units off sale, and the WMS has not yet.
 *
 * @param storeId the connector's store id
 * @param shopifyOrderId the order's GID, {@code gid://shopify/Order/...}
 * @param lines the quantities not yet taken on by the WMS per (inventory item, location); empty releases the order
 */
public record OrderDemand(long storeId, String shopifyOrderId, List<Line> lines) {

    public OrderDemand {
        Objects.requireNonNull(shopifyOrderId, "shopifyOrderId");
        lines = List.copyOf(lines);
    }

    /**
     * @param inventoryItemId the line variant's inventory item GID
     * @param locationId the GID of the Shopify location the line is assigned to (its fulfillment order's location)
     * @param quantity the units not yet allocated by the WMS, positive
     */
    public record Line(String inventoryItemId, String locationId, long quantity) {}
}
