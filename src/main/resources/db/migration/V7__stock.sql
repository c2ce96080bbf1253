-- Stock sync: the WMS's stock movements, the pending change per (store, inventory item, location) that absorbs
-- them until it is pushed, every push with its idempotency key and exact payload (written before it is sent, so a
-- retry after a crash sends the same request with the same key), the unallocated order demand per order, and the
-- drift reconciliations.

-- The WMS's latest sellable quantity per (product, warehouse), by the movements' sequence.
create table stock_level (
    product_id   bigint      not null references wms_product (id),
    warehouse_id bigint      not null references warehouse (id),
    sellable     bigint      not null,
    sequence     bigint      not null,
    updated_at   timestamptz not null,
    primary key (product_id, warehouse_id)
);

create table stock_movement (
    id               bigserial    primary key,
    movement_id      varchar(128) not null,
    kind             varchar(32)  not null,
    product_id       bigint       not null references wms_product (id),
    warehouse_id     bigint       not null references warehouse (id),
    delta            bigint       not null,
    sellable_after   bigint       not null,
    sequence         bigint       not null,
    order_store_id   bigint       references store (id) on delete set null,
    shopify_order_id varchar(255),
    received_at      timestamptz  not null,
    constraint stock_movement_id_unique unique (movement_id),
    constraint stock_movement_kind_known check (kind in ('RECEIVING', 'PICKING', 'ADJUSTMENT', 'TRANSFER',
        'RETURN_RECEIPT', 'ALLOCATION'))
);

-- One write to Shopify: the exact input and key are stored before the first attempt and reused by every retry.
create table stock_push (
    id                 bigserial     primary key,
    store_id           bigint        not null references store (id) on delete cascade,
    mode               varchar(16)   not null,
    idempotency_key    varchar(64)   not null,
    payload            text          not null,
    quantities         integer       not null,
    state              varchar(16)   not null,
    attempts           integer       not null default 0,
    next_attempt_at    timestamptz   not null,
    lease_until        timestamptz,
    reason             varchar(2000),
    created_at         timestamptz   not null,
    finished_at        timestamptz,
    oldest_change_at   timestamptz,
    constraint stock_push_key_unique unique (idempotency_key),
    constraint stock_push_mode_known check (mode in ('DELTA', 'ABSOLUTE')),
    constraint stock_push_state_known check (state in ('SENDING', 'PUSHED', 'STALE', 'REJECTED', 'FAILED'))
);

create index stock_push_open on stock_push (store_id, next_attempt_at) where state = 'SENDING';
create index stock_push_recent on stock_push (id desc);

-- The pending change of one (store, inventory item, location): IDLE (nothing to push), PENDING (due at due_at),
-- PUSHING (carried by push_id) or FAILED (parked with its reason). Movements arriving meanwhile keep absorbing.
create table stock_change (
    id                 bigserial     primary key,
    store_id           bigint        not null references store (id) on delete cascade,
    inventory_item_id  varchar(255)  not null,
    location_id        varchar(255)  not null,
    product_id         bigint        not null references wms_product (id),
    warehouse_id       bigint        not null references warehouse (id),
    state              varchar(16)   not null,
    delta              bigint        not null default 0,
    sellable           bigint,
    sellable_sequence  bigint,
    shopify_known      bigint,
    reread             boolean       not null default false,
    unexplained        bigint        not null default 0,
    generation         bigint        not null default 0,
    due_at             timestamptz,
    first_change_at    timestamptz,
    last_pushed_at     timestamptz,
    push_id            bigint        references stock_push (id) on delete set null,
    in_push_position   integer,
    in_push_delta      bigint,
    in_push_quantity   bigint,
    in_push_generation bigint,
    reason             varchar(2000),
    updated_at         timestamptz   not null,
    constraint stock_change_unique unique (store_id, inventory_item_id, location_id),
    constraint stock_change_state_known check (state in ('IDLE', 'PENDING', 'PUSHING', 'FAILED')),
    constraint stock_change_pushing_has_push check ((state = 'PUSHING') = (push_id is not null)),
    constraint stock_change_unexplained_not_positive check (unexplained <= 0)
);

create index stock_change_due on stock_change (store_id, due_at) where state = 'PENDING';
create index stock_change_push on stock_change (push_id) where push_id is not null;
create index stock_change_failed on stock_change (store_id) where state = 'FAILED';

-- Which movements a change absorbed and which push carried them (the push's referenceDocumentUri leads here).
create table stock_movement_target (
    movement_id bigint not null references stock_movement (id) on delete cascade,
    change_id   bigint not null references stock_change (id) on delete cascade,
    push_id     bigint references stock_push (id) on delete set null,
    primary key (movement_id, change_id)
);

create index stock_movement_target_open on stock_movement_target (change_id) where push_id is null;
create index stock_movement_target_push on stock_movement_target (push_id);

-- The latest unallocated lines of each order, as the orders component reports them (OrderDemand).
create table order_demand (
    store_id          bigint       not null references store (id) on delete cascade,
    shopify_order_id  varchar(255) not null,
    inventory_item_id varchar(255) not null,
    location_id       varchar(255) not null,
    quantity          bigint       not null,
    updated_at        timestamptz  not null,
    primary key (store_id, shopify_order_id, inventory_item_id, location_id),
    constraint order_demand_positive check (quantity > 0)
);

create index order_demand_level on order_demand (store_id, inventory_item_id, location_id);

create table stock_reconciliation (
    id          bigserial     primary key,
    store_id    bigint        not null references store (id) on delete cascade,
    state       varchar(16)   not null,
    started_at  timestamptz   not null,
    started_by  varchar(255),
    finished_at timestamptz,
    checked     integer       not null default 0,
    differences integer       not null default 0,
    corrected   integer       not null default 0,
    report      text,
    message     varchar(2000),
    constraint stock_reconciliation_state_known check (state in ('RUNNING', 'SUCCEEDED', 'FAILED'))
);

create unique index stock_reconciliation_one_running on stock_reconciliation (store_id) where state = 'RUNNING';
create index stock_reconciliation_latest on stock_reconciliation (store_id, id desc);
