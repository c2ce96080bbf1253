-- Issue #19: in fulfillment-service mode, the units of an order assigned to the WMS's own service location that the
-- merchant has not requested of the service yet (or whose request the WMS rejected). Shopify took them off sale when
-- the order was placed, but the WMS has not been given them: they are the store's unallocated demand like the lines
-- of an order in the feed, so that Absolute mode never puts them back on sale. Kept per order, replaced on each read.
create table shop_order_awaiting_request (
    order_id           bigint        not null references shop_order (id) on delete cascade,
    position           integer       not null,
    inventory_item_id  varchar(255)  not null,
    location_id        varchar(255)  not null,
    quantity           integer       not null,
    constraint shop_order_awaiting_request_position unique (order_id, position),
    constraint shop_order_awaiting_request_quantity_positive check (quantity > 0)
);
