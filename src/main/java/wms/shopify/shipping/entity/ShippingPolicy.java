package wms.shopify.shipping.entity;

/**
 * How shipments of one store are pushed, as the merchant set it on Store Settings. A new store's values are the
 * defaults of the {@code shipping_policy} table.
 *
 * @param notifyCustomer whether Shopify e-mails the customer (with tracking) when a shipment becomes a fulfillment
 */
public record ShippingPolicy(boolean notifyCustomer) {}
