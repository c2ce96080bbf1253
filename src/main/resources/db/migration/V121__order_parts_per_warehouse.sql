-- Issue #19 §3: an order whose lines ship from several warehouses is one feed entry per warehouse (a "part"), each
-- acknowledged and shipped on its own.
-- Each line names the warehouse (and shipping process) of its location, so that the parts are the order's lines
-- grouped by warehouse. Lines written before this version were all handed to the order's one warehouse: they take it.
alter table shop_order_line add column warehouse_code varchar(64);
alter table shop_order_line add column shipping_process_code varchar(64);
update shop_order_line l set warehouse_code = o.warehouse_code, shipping_process_code = o.shipping_process_code
    from shop_order o where o.id = l.order_id;

-- The acknowledgements of the parts of the order's current entry: an entry leaves the feed once every part's
-- warehouse has acknowledged its revision. Rows of older revisions are removed when the order gets a new entry.
create table shop_order_part_ack (
    order_id         bigint       not null references shop_order (id) on delete cascade,
    position         integer      not null,
    warehouse_code   varchar(64)  not null,
    revision         bigint       not null,
    acknowledged_at  timestamptz  not null,
    constraint shop_order_part_ack_position unique (order_id, position)
);

-- The warehouse a shipment of such an order ships from (the part it belongs to); null for an order of one warehouse.
alter table shipment add column warehouse_code varchar(64);
