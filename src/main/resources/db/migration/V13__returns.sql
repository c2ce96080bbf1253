-- Returns (issue 8): returns requested or approved on Shopify become expected returns in a WMS feed (cursor and
-- per-revision acknowledgement, like the order feed); what the WMS receives is recorded as a receipt and disposed
-- of on Shopify (RESTOCKED at the order's location, or NOT_RESTOCKED), then the return is closed when the store
-- asks for it. One row per Shopify return of a store.

create table shop_return (
    id                 bigserial     primary key,
    store_id           bigint        not null references store (id) on delete cascade,
    shopify_return_id  varchar(255)  not null,
    shopify_order_id   varchar(255)  not null,
    order_id           bigint        references shop_order (id) on delete set null,
    name               varchar(64),
    shopify_status     varchar(16)   not null,
    state              varchar(16)   not null,
    note               varchar(1000),
    feed_seq           bigint,
    feed_pending       boolean       not null default false,
    acknowledged_at    timestamptz,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    version            bigint        not null default 0,
    constraint shop_return_unique unique (store_id, shopify_return_id),
    constraint shop_return_state_known check (state in ('EXPECTED', 'RECEIVED', 'CLOSED', 'HELD')),
    constraint shop_return_feed_seq_unique unique (feed_seq),
    constraint shop_return_pending_has_position check (not feed_pending or feed_seq is not null)
);

create sequence shop_return_feed_seq;
create index shop_return_feed on shop_return (feed_seq) where feed_pending;

create table shop_return_line (
    return_id                 bigint        not null references shop_return (id) on delete cascade,
    position                  integer       not null,
    return_line_item_id       varchar(255)  not null,
    fulfillment_line_item_id  varchar(255)  not null,
    line_item_id              varchar(255),
    sku                       varchar(255),
    product_code              varchar(64),
    quantity                  integer       not null,
    received                  integer       not null default 0,
    constraint shop_return_line_position unique (return_id, position),
    constraint shop_return_line_quantity_positive check (quantity > 0),
    constraint shop_return_line_received_fits check (received between 0 and quantity)
);

-- What the WMS reported received, disposed of on Shopify by the returns queue; never twice (the WMS's receipt id).
create table return_receipt (
    id               bigserial     primary key,
    receipt_key      varchar(100)  not null,
    return_id        bigint        not null references shop_return (id) on delete cascade,
    state            varchar(16)   not null,
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz,
    unclear_since    timestamptz,
    baseline         varchar(4000),
    planned          varchar(4000),
    reason           varchar(1000),
    closed_return    boolean       not null default false,
    received_at      timestamptz   not null,
    updated_at       timestamptz   not null,
    version          bigint        not null default 0,
    constraint return_receipt_key_unique unique (receipt_key),
    constraint return_receipt_state_known check (state in ('QUEUED', 'PUSHING', 'DONE', 'FAILED')),
    constraint return_receipt_failed_has_reason check (state <> 'FAILED' or reason is not null)
);

create index return_receipt_due on return_receipt (state, next_attempt_at);

create table return_receipt_line (
    receipt_id    bigint       not null references return_receipt (id) on delete cascade,
    position      integer      not null,
    product_code  varchar(64)  not null,
    quantity      integer      not null,
    restock       boolean      not null,
    constraint return_receipt_line_position unique (receipt_id, position),
    constraint return_receipt_line_quantity_positive check (quantity > 0)
);
