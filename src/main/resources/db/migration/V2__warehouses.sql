-- The WMS's warehouses and shipping processes, registered by the WMS through its API. Store locations are mapped
-- to them. Codes are the WMS's own identifiers.

create table warehouse (
    id         bigserial    primary key,
    code       varchar(64)  not null,
    name       varchar(255) not null,
    active     boolean      not null default true,
    updated_at timestamptz  not null,
    constraint warehouse_code_unique unique (code),
    constraint warehouse_code_present check (length(trim(code)) > 0),
    constraint warehouse_name_present check (length(trim(name)) > 0)
);

create table shipping_process (
    id           bigserial    primary key,
    code         varchar(64)  not null,
    name         varchar(255) not null,
    warehouse_id bigint       references warehouse (id),
    active       boolean      not null default true,
    updated_at   timestamptz  not null,
    constraint shipping_process_code_unique unique (code),
    constraint shipping_process_code_present check (length(trim(code)) > 0),
    constraint shipping_process_name_present check (length(trim(name)) > 0)
);

create index shipping_process_warehouse on shipping_process (warehouse_id);
