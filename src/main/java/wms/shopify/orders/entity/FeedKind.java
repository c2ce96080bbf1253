package wms.shopify.orders.entity;

/** What a feed entry asks of the WMS. */
public enum FeedKind {
    /** Ship this order (new, or changed before the WMS acknowledged it). */
    ORDER,
    /** Cancel this order: Shopify cancelled it before it shipped. */
    CANCELLATION,
    /**
     * Fulfillment-service mode: the merchant asks the WMS to cancel an order it accepted; the WMS answers with the
     * cancellation-request acceptance or rejection call (an acknowledgement only says it saw the request).
     */
    CANCELLATION_REQUEST
}
