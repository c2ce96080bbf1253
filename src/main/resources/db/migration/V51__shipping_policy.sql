-- Shipping's per-store policy in its own table, as stock's, intake's and returns' (V50): whether Shopify e-mails the
-- customer when a shipment is pushed. Every store keeps its value; a store added later gets the column's default.

create table shipping_policy (
    store_id                    bigint  primary key references store (id) on delete cascade,
    notify_customer_on_shipment boolean not null default true
);

insert into shipping_policy (store_id, notify_customer_on_shipment)
select id, notify_customer_on_shipment from store;

create trigger shipping_policy_of_new_store after insert on store
    for each row execute function policy_of_new_store('shipping_policy');

alter table store drop column notify_customer_on_shipment;
