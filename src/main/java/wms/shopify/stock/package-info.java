/**
 * Stock sync: the WMS's stock movements fanned out to the pending change of every store location that sells the
 * product, coalesced, pushed to Shopify in batches (Delta or Absolute mode), reconciled; the Stock page; the answer
 * to Shopify's {@code fetch_stock} at the WMS's fulfillment service locations ({@code control.FulfillmentServiceStock},
 * the webhooks component's {@code ServiceStock}).
 *
 * <p>Tables: {@code stock_movement}, {@code stock_movement_target}, {@code stock_change}, {@code stock_push},
 * {@code stock_level}, {@code stock_reconciliation}, {@code order_demand}, {@code kit_demand} (the units of components that kit orders hold), {@code stock_policy} (published: {@code control.StockPolicies}), {@code stock_rule} (the availability rules, {@code control.StockRules}). Fires no event. Observes
 * {@code orders.entity.OrderDemand}, {@code returns.entity.ShopifyRestock} and
 * {@code platform.database.DatabaseReady}.
 */
package wms.shopify.stock;
