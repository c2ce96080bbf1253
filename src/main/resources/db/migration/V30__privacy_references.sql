-- Privacy requests (issue 14): which order and which customer a stored webhook body names, so that
-- customers/redact and customers/data_request find the customer's deliveries through an index instead of reading
-- every body of the store. Filled when a delivery is processed (and by V31 for the deliveries stored before).
-- References are Shopify global ids: gid://shopify/Order/123, gid://shopify/Customer/456.

alter table webhook_delivery add column order_ref varchar(255);
alter table webhook_delivery add column customer_ref varchar(255);

create index webhook_delivery_by_customer on webhook_delivery (store_id, customer_ref) where customer_ref is not null;
create index webhook_delivery_by_order on webhook_delivery (store_id, order_ref) where order_ref is not null;
-- shop/redact walks a store's deliveries in id order, a few hundred per transaction.
create index webhook_delivery_by_store on webhook_delivery (store_id, id);

-- The order or customer ('order' or 'customer') a body names: orders/* name the order (id) and its customer
-- (customer.id), returns/* their order (order.id), customers/* the customer (customer.id). Null for other topics,
-- for a body that is not a JSON object, and for an erased body ({}).
create function webhook_body_ref(topic varchar, body bytea, kind varchar) returns varchar
language plpgsql stable as $$
declare
    doc jsonb;
    ref text;
begin
    if not (topic like 'orders/%' or topic like 'returns/%' or topic like 'customers/%') then
        return null;
    end if;
    begin
        doc := convert_from(body, 'UTF8')::jsonb;
    exception when others then
        return null; -- not JSON: it names nothing
    end;
    if jsonb_typeof(doc) is distinct from 'object' then
        return null;
    end if;
    if kind = 'order' then
        if topic like 'orders/%' then
            ref := coalesce(doc ->> 'admin_graphql_api_id', 'gid://shopify/Order/' || (doc ->> 'id'));
        elsif topic like 'returns/%' and jsonb_typeof(doc -> 'order') = 'object' then
            ref := coalesce(doc #>> '{order,admin_graphql_api_id}', 'gid://shopify/Order/' || (doc #>> '{order,id}'));
        end if;
    elsif kind = 'customer' and jsonb_typeof(doc -> 'customer') = 'object' then
        ref := coalesce(doc #>> '{customer,admin_graphql_api_id}',
                'gid://shopify/Customer/' || (doc #>> '{customer,id}'));
    end if;
    return left(ref, 255);
end
$$;

-- Guest orders (no customer account) are the customer's by their e-mail; found without reading every order.
create index shop_order_by_email on shop_order (store_id, lower(contact_email)) where contact_email is not null;
