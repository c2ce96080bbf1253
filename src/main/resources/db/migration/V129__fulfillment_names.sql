-- Tracking numbers asked for by Shopify (issue 19): a fulfillment service with tracking support is asked for the
-- tracking numbers of its fulfillments by name ("#1001.1", GET <callbackUrl>/fetch_tracking_numbers). The name Shopify
-- gave each fulfillment a shipment became is kept with it; fulfillments made before this version have none (Shopify
-- was given their tracking when they were made).

alter table shipment_fulfillment add column fulfillment_name varchar(255);

-- The callback finds a store's fulfillments by name.
create index shipment_fulfillment_by_name on shipment_fulfillment (fulfillment_name)
    where fulfillment_name is not null;
