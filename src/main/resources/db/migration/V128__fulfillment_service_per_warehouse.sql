-- Fulfillment-service mode, one service per warehouse (issue #19 §1): the merchant chooses one service for all
-- warehouses (the default, as before) or one per warehouse the store sells from. The one service stays recorded on
-- intake_policy; the services per warehouse are rows of fulfillment_service_warehouse, each recorded as soon as
-- Shopify registered it, so a switch that failed halfway is completed by a retry without registering one twice.
alter table intake_policy
    add column fulfillment_service_scope varchar(24) not null default 'ONE_FOR_ALL',
    add constraint intake_policy_fulfillment_service_scope_known
        check (fulfillment_service_scope in ('ONE_FOR_ALL', 'PER_WAREHOUSE')),
    drop constraint intake_policy_fulfillment_service_recorded,
    add constraint intake_policy_fulfillment_service_recorded
        check (fulfillment_mode = 'MERCHANT_MANAGED' or fulfillment_service_scope = 'PER_WAREHOUSE'
               or (fulfillment_service_id is not null and fulfillment_service_location_id is not null));

create table fulfillment_service_warehouse (
    store_id       bigint       not null references store (id) on delete cascade,
    warehouse_code varchar(255) not null,
    service_id     varchar(255) not null,
    location_id    varchar(255) not null,
    created_at     timestamptz  not null default now(),
    primary key (store_id, warehouse_code),
    constraint fulfillment_service_warehouse_service_unique unique (store_id, service_id)
);
