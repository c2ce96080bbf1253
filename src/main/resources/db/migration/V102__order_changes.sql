-- Issue 19 §2: edits of an order after the WMS accepted it. What is ordered per line item (currentQuantity, with its
-- WMS product) as the latest entry gave it (shop_order_ordered_line) and as the WMS acknowledged it
-- (shop_order_given_line); the difference is a CHANGE entry, which the WMS acknowledges or rejects with a reason.
create table shop_order_ordered_line (
    order_id     bigint       not null references shop_order (id) on delete cascade,
    position     integer      not null,
    line_item_id varchar(255) not null,
    product_code varchar(64),
    quantity     integer      not null,
    constraint shop_order_ordered_line_position unique (order_id, position),
    constraint shop_order_ordered_line_quantity check (quantity >= 0)
);

create table shop_order_given_line (
    order_id     bigint       not null references shop_order (id) on delete cascade,
    position     integer      not null,
    line_item_id varchar(255) not null,
    product_code varchar(64),
    quantity     integer      not null,
    constraint shop_order_given_line_position unique (order_id, position),
    constraint shop_order_given_line_quantity check (quantity >= 0)
);

alter table shop_order
    add column change_rejection   varchar(1000),
    add column change_rejected_at timestamptz;

alter table shop_order drop constraint shop_order_feed_kind_known;
alter table shop_order add constraint shop_order_feed_kind_known
    check (feed_kind in ('ORDER', 'CANCELLATION', 'HOLD', 'RELEASE', 'CHANGE'));
