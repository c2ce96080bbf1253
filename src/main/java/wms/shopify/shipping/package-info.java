/**
 * Shipping: shipments the WMS reports, pushed to Shopify as fulfillments with tracking (one per location their units
 * sit at, and per parcel when the store says so), retried with back-off behind
 * a breaker and bulkhead per store, parked with the reason when they fail.
 *
 * <p>Tables: {@code shipment}, {@code shipment_line}, {@code shipment_parcel}, {@code shipment_parcel_line},
 * {@code shipment_fulfillment}, {@code shipping_policy}
 * (published: {@code control.ShippingPolicies}). Fires no event. Observes
 * {@code platform.database.DatabaseReady} and {@code webhooks.entity.TrackingNumbersAsked} (Shopify's
 * {@code fetch_tracking_numbers}, answered from the shipments by fulfillment name: {@code control.TrackingNumbers}).
 */
package wms.shopify.shipping;
