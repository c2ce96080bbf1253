package wms.shopify.orders.entity;

/** Who fulfils a store's orders on Shopify's side: the merchant's own locations, or the WMS as fulfillment service. */
public enum FulfillmentMode {
    /** The connector reads the merchant's fulfillment orders and ships them (the default, and the behaviour before). */
    MERCHANT_MANAGED,
    /**
     * The WMS is registered as a Shopify fulfillment service with a location of its own: the merchant requests
     * fulfillment, the WMS accepts or rejects each request.
     */
    FULFILLMENT_SERVICE
}
