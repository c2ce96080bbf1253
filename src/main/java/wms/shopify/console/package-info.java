/**
 * Console: pages that compose what several components publish and belong to none of them. Today the Store Settings
 * page and its one-transaction save over {@code stores.control.LocationMapping}, {@code stock.control.StockPolicies},
 * {@code orders.control.IntakePolicies}, {@code shipping.control.ShippingPolicies} and
 * {@code returns.control.ReturnPolicies}; and the Activity page's log table, filtered by store
 * ({@code activity.control.ActivityLog} with {@code stores.control.Stores}); the Dashboard and the traces of an
 * item and of an order (issue #21), read-only queries over what stock, orders, shipping, returns and webhooks keep,
 * each bounded and served by an index (V112), with the webhook answer times of
 * {@code webhooks.control.WebhookMetrics} and the cost budget of {@code adminapi.control.AdminApi}. No component
 * imports it.
 *
 * <p>Tables: none of its own. Fires no event; observes CDI's {@code Startup}, to check the dashboard's settings
 * ({@code control.DashboardSettings}) when the connector starts.
 */
package wms.shopify.console;
