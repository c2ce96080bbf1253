-- Every verified Shopify webhook delivery, stored with its headers and raw body before it is acknowledged.
-- The unique Shopify webhook id makes a repeated delivery a no-op.

create table webhook_delivery (
    id           bigserial    primary key,
    webhook_id   varchar(255) not null,
    store_id     bigint       not null references store (id) on delete cascade,
    topic        varchar(128) not null,
    event_id     varchar(255),
    triggered_at varchar(64),
    api_version  varchar(32),
    headers      text         not null,
    body         bytea        not null,
    received_at  timestamptz  not null,
    outcome      varchar(32)  not null default 'RECEIVED',
    outcome_note varchar(1000),
    processed_at timestamptz,
    constraint webhook_delivery_webhook_id_unique unique (webhook_id),
    constraint webhook_delivery_outcome_known check (outcome in ('RECEIVED', 'PROCESSED', 'KEPT', 'FAILED'))
);

create index webhook_delivery_recent on webhook_delivery (store_id, received_at desc);
