/**
 * Retention: the round that prunes what grows with traffic, kind by kind, in small batches, and the Data section of
 * the Activity page. It deletes from the other components' tables by design (each kind's rule names what must be
 * kept), the one component that does.
 *
 * <p>Tables: {@code retention_round}; prunes {@code webhook_delivery}, {@code activity_event}, {@code stock_push},
 * {@code stock_movement}, {@code stock_movement_target}, {@code stock_reconciliation}, {@code stock_change},
 * {@code order_demand}, {@code shop_order}, {@code order_sweep}, {@code shop_return}, {@code return_receipt},
 * {@code shipment}, {@code product_sync}. Fires no event. Observes {@code platform.database.DatabaseReady}.
 */
package wms.shopify.retention;
