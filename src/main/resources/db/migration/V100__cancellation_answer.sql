-- Issue 19 §2: the WMS's answer to the cancellation of an order it had. CANCELLED: it cancelled the order (also what
-- a plain acknowledgement of the cancellation entry means); TOO_LATE: it had shipped already, with what had left and
-- why. Kept with the order, shown on the Orders page; the lines shipped are the WMS's products and quantities.
alter table shop_order
    add column cancellation_answer      varchar(16),
    add column cancellation_reason      varchar(1000),
    add column cancellation_answered_at timestamptz,
    add constraint shop_order_cancellation_answer_known check (cancellation_answer in ('CANCELLED', 'TOO_LATE')),
    add constraint shop_order_cancellation_answer_when check (cancellation_answer is null or state = 'CANCELLED');

create table shop_order_shipped_before_cancel (
    order_id     bigint      not null references shop_order (id) on delete cascade,
    position     integer     not null,
    product_code varchar(64) not null,
    quantity     integer     not null,
    constraint shop_order_shipped_before_cancel_position unique (order_id, position),
    constraint shop_order_shipped_before_cancel_quantity check (quantity > 0)
);
