-- Issue 19 §2: fulfillment holds. An order on hold on Shopify before the WMS acknowledged it is held here
-- (ON_HOLD_AT_SHOPIFY) and out of the feed; one the WMS has gets a HOLD entry, and a RELEASE entry when the hold is
-- released. shopify_hold_* is the hold as the order last had it (Shopify's FulfillmentHoldReason and its notes).
alter table shop_order
    add column shopify_hold_reason varchar(64),
    add column shopify_hold_notes  varchar(1000);

alter table shop_order drop constraint shop_order_feed_kind_known;
alter table shop_order add constraint shop_order_feed_kind_known
    check (feed_kind in ('ORDER', 'CANCELLATION', 'HOLD', 'RELEASE'));

alter table shop_order drop constraint shop_order_hold_reason_known;
alter table shop_order add constraint shop_order_hold_reason_known
    check (hold_reason in ('UNMAPPED_LINE', 'INACTIVE_PRODUCT', 'NO_WAREHOUSE', 'TOO_LARGE', 'ON_HOLD_AT_SHOPIFY'));
