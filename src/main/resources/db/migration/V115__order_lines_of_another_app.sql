-- Issue #17: the units of an order that Shopify assigned to another app's fulfillment service location (a 3PL's).
-- They are not the WMS's to ship: kept beside the order's own lines so that the Orders page and the feed entry list
-- them as "fulfilled by <service>", and an order with nothing else is decided ANOTHER_APP (not handed to the WMS).
create table shop_order_another_app_line (
    order_id      bigint        not null references shop_order (id) on delete cascade,
    position      integer       not null,
    line_item_id  varchar(255)  not null,
    sku           varchar(255),
    title         varchar(1000),
    product_code  varchar(64),
    location_id   varchar(255)  not null,
    service_name  varchar(255)  not null,
    quantity      integer       not null,
    constraint shop_order_another_app_line_position unique (order_id, position),
    constraint shop_order_another_app_line_quantity_positive check (quantity > 0)
);

alter table shop_order drop constraint shop_order_state_known;
alter table shop_order add constraint shop_order_state_known
    check (state in ('NEW', 'FILTERED', 'HELD', 'READY', 'ACCEPTED', 'CANCELLED', 'ANOTHER_APP'));

-- Such an order is finished for the connector like a filtered-out one: retention prunes it after the same time
-- (Pruning's FINISHED_ORDERS query names the same states, so that this index serves it).
drop index shop_order_finished;
create index shop_order_finished on shop_order (updated_at)
    where not feed_pending and (state in ('CANCELLED', 'FILTERED', 'ANOTHER_APP') or shipping_state = 'SHIPPED');
