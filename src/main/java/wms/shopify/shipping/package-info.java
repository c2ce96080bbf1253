/**
 * Shipping: shipments the WMS reports, pushed to Shopify as fulfillments with tracking, retried with back-off behind
 * a breaker and bulkhead per store, parked with the reason when they fail.
 *
 * <p>Tables: {@code shipment}, {@code shipment_line}, {@code shipment_parcel}, {@code shipping_policy}
 * (published: {@code control.ShippingPolicies}). Fires no event. Observes
 * {@code platform.database.DatabaseReady}.
 */
package wms.shopify.shipping;
