-- The order filter preview (issues 19 and 21): Store Settings and the API say how many of a store's recent orders a
-- change of the filters would filter out, by deciding the orders again with the one rule that decides them on every
-- read (OrderFilters.refusal). shop_order kept the order's statuses, test flag, cancellation, shipping method and
-- destination country; it now keeps what else that rule looks at: whether Shopify closed the order, its tags (one a
-- line, '' when it has none) and its sales channel (sourceName). Null tags: not known (an order last read before this
-- version, or one erased for privacy), and such an order is left out of the preview, never guessed.
alter table shop_order
    add column shopify_closed boolean,
    add column tags           text,
    add column sales_channel  varchar(255);

-- The preview reads the store's last 500 orders (newest id first) without scanning the store's others.
create index shop_order_recent on shop_order (store_id, id);
