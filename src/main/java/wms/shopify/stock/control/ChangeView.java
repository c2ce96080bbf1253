package wms.shopify.stock.control;

import java.time.Instant;

/** A pending, in-flight or parked change of one level, as the Stock page lists it. */
public record ChangeView(
        long id,
        String store,
        String sku,
        String product,
        String inventoryItemId,
        String locationId,
        String state,
        long delta,
        Long sellable,
        Long shopifyKnown,
        long demand,
        Instant dueAt,
        Long pushId,
        String reason,
        Instant updatedAt)
        implements java.io.Serializable {}
