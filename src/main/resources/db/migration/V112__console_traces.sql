-- The operator's console (issue #21): the dashboard's and the traces' reads, each served by an index and bounded by
-- a time window or a limit, so that none reads a whole table.
--  * Sync lag (dashboard): the pushes Shopify took in the last 24 hours, per store, newest first.
create index stock_push_pushed on stock_push (store_id, finished_at desc) where state = 'PUSHED';
--  * Trace of one item: the movements a level's change absorbed, newest first (the primary key leads by movement).
create index stock_movement_target_by_change on stock_movement_target (change_id, movement_id desc);
--  * Dashboard: orders waiting in the WMS's feed per store, oldest first (the feed's own index has no store).
create index shop_order_feed_of_store on shop_order (store_id, updated_at) where feed_pending;
--  * Dashboard: parked shipments per store (shipment_due leads by state and due time, not by store).
create index shipment_failed_of_store on shipment (store_id) where state = 'FAILED';
--  (An order's returns and a return's receipts are found through V25's shop_return_order and
--  return_receipt_of_return.)
--  * Dashboard: parked pushes per store (the Stock page's retry takes them back).
create index stock_push_parked on stock_push (store_id) where state = 'FAILED';
