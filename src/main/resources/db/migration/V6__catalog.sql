-- The WMS catalog (products the WMS registers through its API), every Shopify variant a store's Sync Products
-- read with the WMS product it is mapped to, and the syncs themselves.

create table wms_product (
    id         bigserial    primary key,
    code       varchar(64)  not null,
    sku        varchar(255),
    barcode    varchar(255),
    name       varchar(255) not null,
    active     boolean      not null default true,
    updated_at timestamptz  not null,
    constraint wms_product_code_unique unique (code),
    constraint wms_product_code_present check (length(trim(code)) > 0),
    constraint wms_product_name_present check (length(trim(name)) > 0)
);

-- Matching looks products up by trimmed SKU and barcode; duplicates are allowed (and reported), so not unique.
create index wms_product_sku on wms_product (trim(sku)) where active;
create index wms_product_barcode on wms_product (trim(barcode)) where active;

-- One row per Shopify variant of a store, keyed by the variant id: what Shopify said at the last sync, and the
-- mapping (product and how it was made). A later SKU edit on Shopify changes sku here, never the mapping.
create table store_variant (
    id                bigserial     primary key,
    store_id          bigint        not null references store (id) on delete cascade,
    variant_id        varchar(255)  not null,
    inventory_item_id varchar(255),
    product_title     varchar(1000) not null,
    variant_title     varchar(1000),
    sku               varchar(255),
    barcode           varchar(255),
    tracked           boolean       not null,
    stocked_at_mapped boolean       not null,
    status            varchar(16)   not null,
    status_note       varchar(1000),
    product_id        bigint        references wms_product (id),
    manual            boolean       not null default false,
    mapped_at         timestamptz,
    mapped_by         varchar(255),
    seen_at           timestamptz   not null,
    constraint store_variant_unique unique (store_id, variant_id),
    constraint store_variant_status_known check (status in ('SKU', 'BARCODE', 'MANUAL', 'UNMAPPED', 'AMBIGUOUS')),
    constraint store_variant_mapped_has_product check ((status in ('SKU', 'BARCODE', 'MANUAL')) = (product_id is not null)),
    -- manual: the merchant decided (mapped or unmapped by hand); a sync never changes such a row's mapping
    constraint store_variant_manual_status check (status <> 'MANUAL' or manual)
);

-- The Product Mapping page pages by (status, id) and by id alone, keyset, so 50 000 variants page as fast as 50.
create index store_variant_by_status on store_variant (store_id, status, id);
create index store_variant_problems on store_variant (store_id, id) where not tracked or not stocked_at_mapped;
create index store_variant_product on store_variant (product_id);

create table product_sync (
    id            bigserial     primary key,
    store_id      bigint        not null references store (id) on delete cascade,
    state         varchar(16)   not null,
    started_at    timestamptz   not null,
    started_by    varchar(255),
    finished_at   timestamptz,
    variants_read integer       not null default 0,
    matched       integer       not null default 0,
    unmapped      integer       not null default 0,
    ambiguous     integer       not null default 0,
    problems      integer       not null default 0,
    message       varchar(1000),
    constraint product_sync_state_known check (state in ('RUNNING', 'SUCCEEDED', 'FAILED'))
);

-- One sync per store at a time, enforced here so that two clicks or two server instances cannot both start one.
create unique index product_sync_one_running on product_sync (store_id) where state = 'RUNNING';
create index product_sync_latest on product_sync (store_id, id);
