/**
 * Orders: Shopify orders read again on each signal (webhook, sweep), filtered, mapped, held with a reason or fed to
 * the WMS, which reads and acknowledges the feed and answers cancellations; the Orders page; privacy requests for
 * orders.
 *
 * <p>Tables: {@code shop_order}, {@code shop_order_line}, {@code shop_order_shipped_before_cancel}, {@code shop_order_part_ack} (the parts of an order over several warehouses acknowledged), {@code shop_order_awaiting_request} (units at the WMS's own service location not requested of it: demand, not lines), {@code shop_order_another_app_line} (units another app's
 * fulfillment service fulfils), {@code order_sweep}, {@code order_sweep_state}, {@code intake_policy} (the
 * store's filters and test orders, and its fulfillment mode with the WMS's fulfillment service; published:
 * {@code control.IntakePolicies}, {@code control.FulfillmentServiceMode}), {@code fulfillment_service_warehouse}
 * (the WMS's fulfillment services per warehouse, one service per warehouse; SQL only, through
 * {@code control.IntakePolicies}), {@code order_seen_value} (the tags, sales
 * channels and shipping methods seen on a store's orders, for the filters' pickers; published:
 * {@code control.SeenOrderValues}). Fires
 * {@code entity.OrderDemand} (the unallocated lines, for stock), {@code entity.FeedEntryAdded} (observed by its own
 * {@code WmsCallback}) and {@code entity.OrderFiltersChanged} (from {@code IntakePolicies.save}). Observes
 * {@code webhooks.entity.WebhookReceived} (order topics, and a fulfillment
 * service's {@code fulfillment_order_notification}), {@code webhooks.entity.PrivacyRequest},
 * {@code entity.OrderFiltersChanged} and {@code platform.database.DatabaseReady}.
 */
package wms.shopify.orders;
