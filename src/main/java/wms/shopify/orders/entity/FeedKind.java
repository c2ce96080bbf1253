package wms.shopify.orders.entity;

/** What a feed entry asks of the WMS. */
public enum FeedKind {
    /** Ship this order (new, or changed before the WMS acknowledged it). */
    ORDER,
    /** Cancel this order: Shopify cancelled it before it shipped. */
    CANCELLATION,
    /** Stop this order (the WMS has it): it was put on hold on Shopify; the entry says why. */
    HOLD,
    /** Carry on with this order: its hold on Shopify was released. */
    RELEASE,
    /** This order's lines changed on Shopify (an edit) after the WMS accepted it: take the change, or reject it. */
    CHANGE,
    /**
     * Fulfillment-service mode: the merchant asks the WMS to cancel an order it accepted; the WMS answers with the
     * cancellation-request acceptance or rejection call (an acknowledgement only says it saw the request).
     */
    CANCELLATION_REQUEST
}
