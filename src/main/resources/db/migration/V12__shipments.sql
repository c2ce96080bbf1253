-- Shipping (issue 8): the shipments the WMS reports, each pushed to Shopify as one fulfillment. A shipment is
-- stored before it is queued (the database holds the truth, JMS carries the work); the WMS's shipment id makes a
-- repeated report harmless, and a Shopify fulfillment belongs to at most one shipment.

create table shipment (
    id                 bigserial     primary key,
    shipment_key       varchar(100)  not null,
    order_id           bigint        not null references shop_order (id) on delete cascade,
    store_id           bigint        not null references store (id) on delete cascade,
    state              varchar(16)   not null,
    carrier            varchar(255),
    tracking_company   varchar(255),
    shipped_at         timestamptz   not null,
    fingerprint        varchar(64)   not null,
    attempts           integer       not null default 0,
    next_attempt_at    timestamptz,
    unclear_since      timestamptz,
    planned_lines      varchar(4000),
    fulfillment_id     varchar(255),
    reason             varchar(1000),
    tracking_pending   boolean       not null default false,
    received_at        timestamptz   not null,
    updated_at         timestamptz   not null,
    fulfilled_at       timestamptz,
    version            bigint        not null default 0,
    constraint shipment_key_unique unique (shipment_key),
    constraint shipment_fulfillment_unique unique (fulfillment_id),
    constraint shipment_state_known check (state in ('QUEUED', 'PUSHING', 'FULFILLED', 'FAILED')),
    constraint shipment_failed_has_reason check (state <> 'FAILED' or reason is not null),
    constraint shipment_fulfilled_has_id check (state <> 'FULFILLED' or fulfillment_id is not null)
);

create index shipment_of_order on shipment (order_id);
-- The retry sweep finds shipments that are due; the Orders page lists the failed ones.
create index shipment_due on shipment (state, next_attempt_at);

create table shipment_line (
    shipment_id   bigint       not null references shipment (id) on delete cascade,
    position      integer      not null,
    product_code  varchar(64)  not null,
    quantity      integer      not null,
    constraint shipment_line_position unique (shipment_id, position),
    constraint shipment_line_quantity_positive check (quantity > 0)
);

create table shipment_parcel (
    shipment_id      bigint         not null references shipment (id) on delete cascade,
    position         integer        not null,
    tracking_number  varchar(255),
    tracking_url     varchar(2000),
    constraint shipment_parcel_position unique (shipment_id, position)
);

-- What the WMS has shipped of an order, for the feed and the Orders page: null, PARTIALLY_SHIPPED or SHIPPED.
alter table shop_order add column shipping_state varchar(24);
alter table shop_order add constraint shop_order_shipping_state_known
    check (shipping_state in ('PARTIALLY_SHIPPED', 'SHIPPED'));

-- Whether Shopify e-mails the customer when a shipment is pushed (Store Settings).
alter table store add column notify_customer_on_shipment boolean not null default true;
