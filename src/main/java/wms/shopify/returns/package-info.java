/**
 * Returns: Shopify returns read into expected returns and the return feed, receipts the WMS reports disposed of and
 * closed in Shopify, goods received without a return created there.
 *
 * <p>Tables: {@code shop_return}, {@code shop_return_line}, {@code return_receipt}, {@code return_receipt_line},
 * {@code return_policy} (published: {@code control.ReturnPolicies}).
 * Fires {@code entity.ShopifyRestock} (units Shopify restocked, for stock). Observes
 * {@code webhooks.entity.WebhookReceived} (return topics) and {@code platform.database.DatabaseReady}.
 */
package wms.shopify.returns;
