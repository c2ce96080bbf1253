package wms.shopify.returns.entity;

/** Where a receipt stands on its way to Shopify. */
public enum ReceiptState {
    QUEUED,
    PUSHING,
    /** Disposed of on Shopify (and the return closed, with automatic closing on). */
    DONE,
    /** Parked after the attempts were spent or Shopify refused it: the reason says why. */
    FAILED
}
