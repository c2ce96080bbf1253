-- Cancellation requests in fulfillment-service mode (issue #19 §1): when Shopify asked the WMS to cancel an order it
-- has, and how long a store lets such a request wait for the WMS's answer before the Orders page shows it as waiting.
alter table shop_order
    add column cancellation_requested_at timestamptz;

alter table intake_policy
    add column cancellation_answer_minutes integer not null default 60,
    add constraint intake_policy_cancellation_answer_minutes_range
        check (cancellation_answer_minutes between 1 and 10080);

-- The Orders page's "waiting for the WMS" list reads only the orders with a request open.
create index shop_order_cancellation_requested on shop_order (store_id, cancellation_requested_at)
    where cancellation_requested_at is not null;

-- A cancellation request is an entry of its own kind in the feed (FeedKind.CANCELLATION_REQUEST, 20 characters).
alter table shop_order
    alter column feed_kind type varchar(32),
    drop constraint shop_order_feed_kind_known,
    add constraint shop_order_feed_kind_known check (feed_kind in ('ORDER', 'CANCELLATION', 'HOLD', 'RELEASE', 'CHANGE',
        'CANCELLATION_REQUEST'));
