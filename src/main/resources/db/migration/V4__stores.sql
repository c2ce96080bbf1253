-- Shopify stores connected by OAuth, their settings, and their locations mapped to WMS warehouses.
-- Tokens are stored encrypted (AES-GCM, key from configuration); the database never sees them in clear.

create table store (
    id                        bigserial    primary key,
    domain                    varchar(255) not null,
    name                      varchar(255),
    status                    varchar(32)  not null,
    status_reason             varchar(500),
    access_token              text,
    access_token_expires_at   timestamptz,
    refresh_token             text,
    refresh_token_expires_at  timestamptz,
    scopes                    varchar(1000),
    installed_at              timestamptz  not null,
    installed_by              varchar(255),
    disconnected_at           timestamptz,
    subscriptions_checked_at  timestamptz,
    stock_sync_enabled        boolean      not null default false,
    stock_sync_mode           varchar(16)  not null default 'DELTA',
    coalescing_window_seconds integer      not null default 30,
    order_statuses            varchar(255) not null default 'open',
    financial_statuses        varchar(255) not null default 'paid',
    fulfillment_statuses      varchar(255) not null default 'unfulfilled,partially_fulfilled',
    import_test_orders        boolean      not null default false,
    return_sync_enabled       boolean      not null default false,
    return_auto_close         boolean      not null default false,
    version                   bigint       not null default 0,
    constraint store_domain_unique unique (domain),
    constraint store_domain_format check (domain ~ '^[a-z0-9][a-z0-9-]*\.myshopify\.com$'),
    constraint store_status_known check (status in ('CONNECTED', 'DISCONNECTED', 'TOKEN_PROBLEM')),
    constraint store_connected_has_token check (status <> 'CONNECTED' or access_token is not null),
    constraint store_stock_sync_mode_known check (stock_sync_mode in ('DELTA', 'ABSOLUTE')),
    constraint store_coalescing_window_range check (coalescing_window_seconds between 0 and 3600)
);

create table store_location (
    id                  bigserial    primary key,
    store_id            bigint       not null references store (id) on delete cascade,
    shopify_location_id varchar(255) not null,
    name                varchar(255) not null,
    active              boolean      not null default true,
    warehouse_id        bigint       references warehouse (id),
    shipping_process_id bigint       references shipping_process (id),
    default_for_orders  boolean      not null default false,
    constraint store_location_unique unique (store_id, shopify_location_id)
);

-- At most one default location per store; "exactly one once locations are mapped" is checked when settings are saved.
create unique index store_location_one_default on store_location (store_id) where default_for_orders;
create index store_location_warehouse on store_location (warehouse_id);
