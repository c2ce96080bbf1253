-- Privacy requests at a million stored deliveries (docs/performance.md): run with psql against a scratch
-- database migrated to the connector's schema (V31 or later), never against a real one.
\timing on
insert into store (id, domain, status, installed_at) values (1, 'big.myshopify.com', 'DISCONNECTED', now()), (2, 'other.myshopify.com', 'DISCONNECTED', now());
-- a million deliveries of store 1: orders/create of 200 000 orders by 20 000 customers, 4 webhooks per order, plus returns
insert into webhook_delivery (webhook_id, store_id, topic, headers, body, received_at)
select 'w' || g, 1, case when g % 5 = 4 then 'returns/request' else 'orders/updated' end, '',
       convert_to(case when g % 5 = 4
           then '{"id":' || g || ',"order":{"id":' || (g / 5) || ',"admin_graphql_api_id":"gid://shopify/Order/' || (g / 5) || '"},"return_line_items":[{"customer_note":"too small"}]}'
           else '{"id":' || (g / 5) || ',"admin_graphql_api_id":"gid://shopify/Order/' || (g / 5) || '","email":"c' || ((g / 5) % 20000) || '@example.com","customer":{"id":' || ((g / 5) % 20000) || ',"admin_graphql_api_id":"gid://shopify/Customer/' || ((g / 5) % 20000) || '","first_name":"A","last_name":"B"},"shipping_address":{"address1":"Street 1","city":"Town","zip":"12345"}}' end, 'UTF8'),
       now()
from generate_series(1, 1000000) g;
-- what processing records (DeliveryReferences), here for all rows at once
update webhook_delivery set order_ref = webhook_body_ref(topic, body, 'order'), customer_ref = webhook_body_ref(topic, body, 'customer');
analyze webhook_delivery;
select count(*) as deliveries, count(order_ref) as with_order, count(customer_ref) as with_customer from webhook_delivery;
-- customers/redact of customer 4242: the orders its deliveries name (DeliveryErasure.ordersOf)
explain (analyze, costs off) select distinct order_ref from webhook_delivery where store_id = 1 and customer_ref = 'gid://shopify/Customer/4242' and order_ref is not null order by order_ref;
-- one erase batch (DeliveryErasure.eraseCustomerBatch: the select, then the update of those ids)
select array_agg(distinct order_ref)::text as orders from webhook_delivery where store_id = 1 and customer_ref = 'gid://shopify/Customer/4242' \gset
explain (analyze, costs off) select id from webhook_delivery where store_id = 1 and (customer_ref = 'gid://shopify/Customer/4242' or order_ref = any(:'orders'::varchar[])) and id > 0 and id <> -1 order by id limit 500;
begin;
update webhook_delivery set body = '{}', order_ref = null, customer_ref = null where id = any(array(select id from webhook_delivery where store_id = 1 and (customer_ref = 'gid://shopify/Customer/4242' or order_ref = any(:'orders'::varchar[])) order by id limit 500)) and body <> '{}';
commit;
select count(*) as erased_for_4242 from webhook_delivery where body = '{}';
-- shop/redact: the whole store, 500 per transaction (DeliveryErasure.eraseStoreBatch's statements, in a loop)
do $$
declare
    after bigint := 0;
    last bigint;
begin
    loop
        select max(id) into last from (select id from webhook_delivery where store_id = 1 and id > after and body <> '{}' order by id limit 500) b;
        exit when last is null;
        update webhook_delivery set body = '{}', order_ref = null, customer_ref = null
            where id = any(array(select id from webhook_delivery where store_id = 1 and id > after and body <> '{}' order by id limit 500)) and body <> '{}';
        after := last;
        commit;
    end loop;
end $$;
select count(*) filter (where body = '{}') as erased, count(*) as deliveries from webhook_delivery;
