package wms.shopify.orders.entity;

/** Where a Shopify order stands between Shopify and the WMS. */
public enum OrderState {
    /** Just recorded; decided within the same transaction, never left so. */
    NEW,
    /** Does not pass the store's filters (yet): re-evaluated on every later update. */
    FILTERED,
    /** Passes the filters but cannot be handed over: a line or the warehouse cannot be mapped. */
    HELD,
    /** In the WMS feed, not acknowledged yet. */
    READY,
    /** Acknowledged by the WMS: it ships it. */
    ACCEPTED,
    /** Cancelled on Shopify before shipping; if the WMS had it, the feed carries the cancellation. */
    CANCELLED,
    /**
     * Every unit is at another app's fulfillment service location (a 3PL's): that app fulfils it, the WMS is not
     * handed it. Decided again on every later update (moved to the merchant's location, it is handed over).
     */
    ANOTHER_APP
}
