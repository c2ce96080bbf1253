package wms.shopify.shipping.entity;

/** Where a shipment stands on its way to Shopify. */
public enum ShipmentState {
    /** Stored and queued (or waiting for its next attempt). */
    QUEUED,
    /** An attempt is under way, or was when the connector stopped: its outcome must be checked before another. */
    PUSHING,
    /** Shopify has the fulfillment. */
    FULFILLED,
    /** Parked after the attempts were spent or Shopify refused it: shown with the reason, retried by hand. */
    FAILED
}
