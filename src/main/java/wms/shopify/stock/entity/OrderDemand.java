package wms.shopify.stock.entity;

import java.util.List;
import java.util.Objects;

/**
 * The lines of one Shopify order that the WMS has not allocated yet, as the orders component knows them. It fires
 * this CDI event synchronously, inside its own transaction, every time that set changes: after an order is imported
 * or updated (its current unallocated lines) and when it is cancelled, closed or no longer concerns the WMS (no
 * lines). Stock sync keeps the latest set per order and, in Absolute mode, subtracts it from the WMS sellable
 * quantity: Shopify already took these units off sale, and the WMS has not yet.
 *
 * @param storeId the connector's store id
 * @param shopifyOrderId the order's GID, {@code gid://shopify/Order/...}
 * @param lines the unallocated quantities per (inventory item, location); empty releases the order entirely
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
    public record Line(String inventoryItemId, String locationId, long quantity) {
    }
}
