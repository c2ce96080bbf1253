package wms.shopify.stock.entity;

/**
 * A validated movement with its product, warehouse and order store resolved to the connector's ids.
 *
 * @param orderStoreId the store of the order it belongs to, or null
 * @param shopifyOrderId that order's GID, or null
 */
public record ResolvedMovement(
        String movementId,
        MovementKind kind,
        long productId,
        long warehouseId,
        long delta,
        long sellableAfter,
        long sequence,
        Long orderStoreId,
        String shopifyOrderId) {}
