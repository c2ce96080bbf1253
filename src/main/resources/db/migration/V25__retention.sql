-- Retention (issue 14): what grows with traffic is pruned in small batches by the retention round
-- (wms.shopify.retention). The round is claimed by one instance at a time through a lease on the one row of
-- retention_round, which also keeps what the last round did for the Activity page. Each pruning query gets the
-- index that finds its oldest rows without reading the table; see docs/operations.md for what is kept regardless.

create table retention_round (
    id          smallint      primary key,
    holder      varchar(255),
    lease_until timestamptz,
    started_at  timestamptz,
    finished_at timestamptz,
    summary     varchar(2000),
    constraint retention_round_single check (id = 1)
);

insert into retention_round (id) values (1);

-- A webhook delivery's body is erased first (after WEBHOOK_BODY days); its row, tiny then, stays longer so that a
-- delivery Shopify sends again is still recognised by its webhook id, and webhook health keeps its history.
alter table webhook_delivery add column body_erased_at timestamptz;

create index webhook_delivery_body_to_erase on webhook_delivery (received_at)
    where body_erased_at is null and outcome in ('PROCESSED', 'KEPT', 'REFUSED');
create index webhook_delivery_finished on webhook_delivery (received_at) where outcome in ('PROCESSED', 'KEPT', 'REFUSED');

-- Finished pushes by the time they finished (a parked push, FAILED, is never finished: it goes out again).
create index stock_push_finished on stock_push (finished_at) where state in ('PUSHED', 'STALE', 'REJECTED');

create index stock_movement_received on stock_movement (received_at);

-- Finished orders (cancelled, filtered out, or accepted and shipped) and closed returns, by their last change.
create index shop_order_finished on shop_order (updated_at)
    where not feed_pending and (state in ('CANCELLED', 'FILTERED') or shipping_state = 'SHIPPED');
create index shop_return_closed on shop_return (updated_at) where state = 'CLOSED' and not feed_pending;
-- Deleting an order looks for the returns that still point at it.
create index shop_return_order on shop_return (order_id) where order_id is not null;

-- Deleting a return looks for its receipts not disposed of, and removes its receipts with it (on delete cascade).
create index return_receipt_of_return on return_receipt (return_id);

-- Finished runs (order sweeps, stock reconciliations, product syncs) by their start.
create index order_sweep_started on order_sweep (started_at) where state <> 'RUNNING';
create index stock_reconciliation_started on stock_reconciliation (started_at) where state <> 'RUNNING';
create index product_sync_started on product_sync (started_at) where state <> 'RUNNING';
