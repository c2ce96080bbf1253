package wms.shopify.orders.entity;

/** What a feed entry asks of the WMS. */
public enum FeedKind {
    /** Ship this order (new, or changed before the WMS acknowledged it). */
    ORDER,
    /** Cancel this order: Shopify cancelled it before it shipped. */
    CANCELLATION
}
