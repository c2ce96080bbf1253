-- The tags, sales channels and shipping methods seen on a store's orders, so that Store Settings' pickers offer the
-- values Shopify actually gives without scanning shop_order: one row per distinct value, written when an order's read
-- is applied (insert, nothing if already there). The primary key serves the pickers' lookups (store, kind, prefix).
create table order_seen_value (
    store_id bigint       not null references store (id) on delete cascade,
    kind     varchar(16)  not null,
    value    varchar(255) not null,
    primary key (store_id, kind, value),
    constraint order_seen_value_kind_known check (kind in ('TAG', 'SALES_CHANNEL', 'SHIPPING_METHOD'))
);
