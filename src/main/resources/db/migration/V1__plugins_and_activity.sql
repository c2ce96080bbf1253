-- The plugins the merchant can activate (the Shopify marketplace plugin is the first) and the activity log.

create table plugin (
    code        varchar(64)  primary key,
    category    varchar(64)  not null,
    name        varchar(128) not null,
    active      boolean      not null default false,
    changed_at  timestamptz,
    changed_by  varchar(255),
    version     bigint       not null default 0,
    constraint plugin_code_format check (code ~ '^[a-z][a-z0-9-]*$'),
    constraint plugin_change_recorded check (changed_at is not null or changed_by is null)
);

insert into plugin (code, category, name, active) values ('shopify', 'Marketplaces', 'Shopify', false);

create table activity_event (
    id          bigserial     primary key,
    occurred_at timestamptz   not null,
    category    varchar(64)   not null,
    message     varchar(2000) not null,
    actor       varchar(255),
    constraint activity_event_message_present check (length(trim(message)) > 0),
    constraint activity_event_category_format check (category ~ '^[a-z][a-z0-9-]*$')
);

create index activity_event_recent on activity_event (occurred_at desc, id desc);
