-- Shipments as warehouses make them (issue 19): a shipment becomes one fulfillment per Shopify location its units sit
-- at (fulfillmentCreate takes fulfillment orders of one location only), and one per parcel too when the store ships
-- one fulfillment per parcel; the WMS may say which lines are in which parcel, and whether Shopify notifies the
-- customer of this shipment (else the store's setting).

create table shipment_fulfillment (
    shipment_id     bigint         not null references shipment (id) on delete cascade,
    position        integer        not null,
    parcel          integer,
    location_id     varchar(255),
    planned_lines   text           not null,
    fulfillment_id  varchar(255),
    constraint shipment_fulfillment_position unique (shipment_id, position)
);

-- A Shopify fulfillment belongs to at most one shipment: the claimed ones are found by their id.
create index shipment_fulfillment_by_id on shipment_fulfillment (fulfillment_id);

-- What an attempt had planned or made before: kept as the shipment's first fulfillment, so that a shipment in flight
-- during the upgrade is still recognised, never sent twice.
insert into shipment_fulfillment (shipment_id, position, parcel, location_id, planned_lines, fulfillment_id)
select id, 0, null, null, planned_lines, fulfillment_id from shipment where planned_lines is not null;

create table shipment_parcel_line (
    shipment_id   bigint       not null references shipment (id) on delete cascade,
    position      integer      not null,
    parcel        integer      not null,
    product_code  varchar(64)  not null,
    quantity      integer      not null,
    constraint shipment_parcel_line_position unique (shipment_id, position),
    constraint shipment_parcel_line_quantity_positive check (quantity > 0)
);

-- Null: the store's setting (shipping_policy.notify_customer_on_shipment).
alter table shipment add column notify_customer boolean;

-- Whether each parcel becomes a fulfillment of its own (with its own tracking number), or all tracking numbers go on
-- one fulfillment (the behaviour before, the default).
alter table shipping_policy add column fulfillment_per_parcel boolean not null default false;
