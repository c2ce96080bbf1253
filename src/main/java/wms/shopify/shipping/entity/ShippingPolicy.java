package wms.shopify.shipping.entity;

/**
 * How shipments of one store are pushed, as the merchant set it on Store Settings. A new store's values are the
 * defaults of the {@code shipping_policy} table.
 *
 * @param notifyCustomer whether Shopify e-mails the customer (with tracking) when a shipment becomes a fulfillment,
 *        unless the WMS says otherwise for the shipment
 * @param fulfillmentPerParcel whether each parcel of a shipment becomes a fulfillment of its own with its tracking
 *        number (when the WMS says which lines are in which parcel), rather than every tracking number on one
 */
public record ShippingPolicy(boolean notifyCustomer, boolean fulfillmentPerParcel) {}
