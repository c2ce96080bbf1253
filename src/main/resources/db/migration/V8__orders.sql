-- Orders (issue 7): exactly one WMS order per Shopify order of a store, its lines still to ship, the WMS feed, and
-- the reconciliation sweeps. Only what the WMS needs for shipping is kept of the customer (address, contact,
-- shipping method, note); a compliance redaction erases it and sets redacted_at.

create table shop_order (
    id                    bigserial     primary key,
    store_id              bigint        not null references store (id) on delete cascade,
    shopify_order_id      varchar(255)  not null,
    name                  varchar(64),
    state                 varchar(16)   not null,
    hold_reason           varchar(32),
    state_note            varchar(1000),
    cancel_note           varchar(500),
    shopify_created_at    timestamptz,
    shopify_updated_at    timestamptz,
    financial_status      varchar(32),
    fulfillment_status    varchar(32),
    test                  boolean       not null default false,
    cancelled_at          timestamptz,
    location_id           varchar(255),
    warehouse_code        varchar(64),
    shipping_process_code varchar(64),
    ship_name             varchar(255),
    ship_company          varchar(255),
    ship_address1         varchar(255),
    ship_address2         varchar(255),
    ship_city             varchar(255),
    ship_province         varchar(255),
    ship_province_code    varchar(16),
    ship_zip              varchar(32),
    ship_country_code     varchar(8),
    ship_phone            varchar(64),
    contact_email         varchar(255),
    contact_phone         varchar(64),
    shipping_method       varchar(255),
    shipping_code         varchar(255),
    note                  varchar(5000),
    redacted_at           timestamptz,
    feed_seq              bigint,
    feed_kind             varchar(16),
    feed_pending          boolean       not null default false,
    acknowledged_at       timestamptz,
    first_seen_at         timestamptz   not null,
    updated_at            timestamptz   not null,
    last_source           varchar(64),
    version               bigint        not null default 0,
    -- The rule that makes duplicated, concurrent and late deliveries harmless: one row per Shopify order.
    constraint shop_order_unique unique (store_id, shopify_order_id),
    constraint shop_order_state_known check (state in ('NEW', 'FILTERED', 'HELD', 'READY', 'ACCEPTED', 'CANCELLED')),
    constraint shop_order_hold_has_reason check ((state = 'HELD') = (hold_reason is not null)),
    constraint shop_order_hold_reason_known check (hold_reason in ('UNMAPPED_LINE', 'INACTIVE_PRODUCT', 'NO_WAREHOUSE', 'TOO_LARGE')),
    constraint shop_order_feed_kind_known check (feed_kind in ('ORDER', 'CANCELLATION')),
    constraint shop_order_pending_has_position check (not feed_pending or (feed_seq is not null and feed_kind is not null)),
    constraint shop_order_feed_seq_unique unique (feed_seq)
);

-- Feed positions: taken under a transaction-level advisory lock, so that positions become visible in their order.
create sequence shop_order_feed_seq;

-- The WMS reads the unacknowledged entries in position order from its cursor.
create index shop_order_feed on shop_order (feed_seq) where feed_pending;
-- The Orders page filters by store, state and hold reason and pages by id.
create index shop_order_by_state on shop_order (store_id, state, hold_reason, id);
create index shop_order_by_state_only on shop_order (state, hold_reason, id);

create table shop_order_line (
    order_id          bigint        not null references shop_order (id) on delete cascade,
    position          integer       not null,
    line_item_id      varchar(255)  not null,
    variant_id        varchar(255),
    sku               varchar(255),
    title             varchar(1000),
    product_code      varchar(64),
    inventory_item_id varchar(255),
    location_id       varchar(255),
    quantity          integer       not null,
    constraint shop_order_line_position unique (order_id, position),
    constraint shop_order_line_quantity_positive check (quantity > 0)
);

-- What the sweep of a store has covered: the next scheduled sweep starts an overlap before swept_until.
create table order_sweep_state (
    store_id     bigint      primary key references store (id) on delete cascade,
    swept_until  timestamptz not null
);

-- Every sweep, scheduled or asked for, with what it found: orders read and the gaps it had to fill.
create table order_sweep (
    id           bigserial     primary key,
    store_id     bigint        not null references store (id) on delete cascade,
    window_from  timestamptz   not null,
    window_until timestamptz   not null,
    started_at   timestamptz   not null,
    finished_at  timestamptz,
    started_by   varchar(255),
    orders_read  integer       not null default 0,
    gaps_filled  integer       not null default 0,
    gap_orders   varchar(1000),
    state        varchar(16)   not null,
    message      varchar(1000),
    constraint order_sweep_state_known check (state in ('RUNNING', 'SUCCEEDED', 'FAILED'))
);

create index order_sweep_latest on order_sweep (store_id, id);
