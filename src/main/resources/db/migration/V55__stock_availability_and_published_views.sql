-- Issue #16, stock's slice. Two things, neither changes what is stored:
--
-- 1. The one availability calculation (owned by stock). What a level's unallocated orders hold back
--    (stock_level_demand) and what Absolute mode lets Shopify sell (stock_may_sell) are written here once; the push,
--    the drift reconciliation and the Stock page call them, so an availability rule is added in one place.
--
-- 2. Read-only views that other components publish for stock (and anyone else) to read instead of naming their
--    tables. Each is documented in its owner's doc page (docs/stores.md, docs/products.md, docs/architecture.md);
--    the owner keeps it true when its tables change. Plain views: PostgreSQL inlines them, so a statement that
--    reads them plans as it did on the tables (the hot paths stay one statement each).

-- Stock: the units of the store's orders the WMS has not allocated yet, at one level (store, item, location).
create function stock_level_demand(p_store_id bigint, p_inventory_item_id varchar, p_location_id varchar)
    returns bigint language sql stable as $$
    select coalesce(sum(d.quantity), 0)::bigint from order_demand d
    where d.store_id = p_store_id and d.inventory_item_id = p_inventory_item_id and d.location_id = p_location_id
$$;

-- Stock: what Absolute mode writes to Shopify's "available": the WMS sellable quantity, less the unallocated order
-- units (Shopify already took them off sale, the WMS has not), less the drops seen on Shopify that no known order
-- explains yet (unexplained is zero or negative; a rise never adds stock the WMS does not have); never below zero.
create function stock_may_sell(p_sellable bigint, p_demand bigint, p_unexplained bigint)
    returns bigint language sql immutable as $$
    select greatest(0, p_sellable - p_demand + least(0, p_unexplained))
$$;

-- Published by stores: each store's domain and connection status (the names of StoreStatus).
create view store_connection as
    select s.id as store_id, s.domain, s.status from store s;

-- Published by stores: the store's Shopify locations and the WMS warehouse each is mapped to (null: unmapped).
create view store_location_mapping as
    select l.store_id, l.shopify_location_id as location_id, l.warehouse_id, l.active from store_location l;

-- Published by catalog: the store's Shopify variants, their inventory item and the WMS product each is mapped to.
create view store_variant_mapping as
    select v.store_id, v.inventory_item_id, v.product_id, v.sku, v.tracked from store_variant v;

-- Published by catalog: the WMS products' codes.
create view product_code as
    select p.id as product_id, p.code from wms_product p;

-- Published by warehouses: the WMS warehouses' codes.
create view warehouse_code as
    select w.id as warehouse_id, w.code from warehouse w;

-- Published by plugins: the plugins a merchant has activated (Plugins page).
create view active_plugin as
    select p.code from plugin p where p.active;
