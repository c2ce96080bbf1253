/**
 * Console: pages that compose what several components publish and belong to none of them. Today the Store Settings
 * page and its one-transaction save over {@code stores.control.LocationMapping}, {@code stock.control.StockPolicies},
 * {@code orders.control.IntakePolicies}, {@code shipping.control.ShippingPolicies} and
 * {@code returns.control.ReturnPolicies}; and the Activity page's log table, filtered by store
 * ({@code activity.control.ActivityLog} with {@code stores.control.Stores}). No component imports it.
 *
 * <p>Tables: none of its own. Fires no event and observes none.
 */
package wms.shopify.console;
