-- The Orders page's lazy table (issue #21): the date range (last update) and the order name filters served by an
-- index, so that no page reads every order.
create index shop_order_by_update on shop_order (updated_at desc, id desc);
create index shop_order_name_search on shop_order using gin (lower(name) gin_trgm_ops);
