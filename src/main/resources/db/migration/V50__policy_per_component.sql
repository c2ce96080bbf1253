-- Each component keeps its per-store policy in a table of its own: stock (stock_policy), order intake
-- (intake_policy) and returns (return_policy). Every store has exactly one row in each: the rows below carry over
-- every store's values from the store table, and a trigger per table gives each store added later its row with the
-- columns' defaults, the one place each default is written.

create table stock_policy (
    store_id                  bigint      primary key references store (id) on delete cascade,
    sync_enabled              boolean     not null default false,
    sync_mode                 varchar(16) not null default 'DELTA',
    coalescing_window_seconds integer     not null default 30,
    constraint stock_policy_sync_mode_known check (sync_mode in ('DELTA', 'ABSOLUTE')),
    constraint stock_policy_coalescing_window_range check (coalescing_window_seconds between 0 and 3600)
);

create table intake_policy (
    store_id             bigint       primary key references store (id) on delete cascade,
    order_statuses       varchar(255) not null default 'open',
    financial_statuses   varchar(255) not null default 'paid',
    fulfillment_statuses varchar(255) not null default 'unfulfilled,partially_fulfilled',
    import_test_orders   boolean      not null default false
);

create table return_policy (
    store_id     bigint  primary key references store (id) on delete cascade,
    sync_enabled boolean not null default false,
    auto_close   boolean not null default false
);

insert into stock_policy (store_id, sync_enabled, sync_mode, coalescing_window_seconds)
select id, stock_sync_enabled, stock_sync_mode, coalescing_window_seconds from store;

insert into intake_policy (store_id, order_statuses, financial_statuses, fulfillment_statuses, import_test_orders)
select id, order_statuses, financial_statuses, fulfillment_statuses, import_test_orders from store;

insert into return_policy (store_id, sync_enabled, auto_close)
select id, return_sync_enabled, return_auto_close from store;

-- A new store's row in a policy table (the trigger's argument), with the columns' defaults.
create function policy_of_new_store() returns trigger language plpgsql as $$
begin
    execute format('insert into %I (store_id) values ($1)', tg_argv[0]) using new.id;
    return new;
end $$;

create trigger stock_policy_of_new_store after insert on store
    for each row execute function policy_of_new_store('stock_policy');
create trigger intake_policy_of_new_store after insert on store
    for each row execute function policy_of_new_store('intake_policy');
create trigger return_policy_of_new_store after insert on store
    for each row execute function policy_of_new_store('return_policy');

alter table store
    drop constraint store_stock_sync_mode_known,
    drop constraint store_coalescing_window_range,
    drop column stock_sync_enabled,
    drop column stock_sync_mode,
    drop column coalescing_window_seconds,
    drop column order_statuses,
    drop column financial_statuses,
    drop column fulfillment_statuses,
    drop column import_test_orders,
    drop column return_sync_enabled,
    drop column return_auto_close;
