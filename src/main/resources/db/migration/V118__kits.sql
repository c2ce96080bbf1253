-- Issue #18, WMS kits. A kit is a WMS product made of others ("gift set" = 2 mugs + 1 coffee): it has no stock of its
-- own in the WMS; what a store may sell of it at a location is what its components make up there.
--
-- 1. The kit's components (owned by catalog, registered through PUT /api/v1/products), published to stock as the view
--    kit_component. Kits of kits are refused by the catalog (a component is never a kit), so one level of components
--    is all the arithmetic below needs.
create table wms_kit_component (
    kit_product_id       bigint not null references wms_product (id) on delete cascade,
    component_product_id bigint not null references wms_product (id),
    quantity             bigint not null,
    primary key (kit_product_id, component_product_id),
    constraint wms_kit_component_not_itself check (kit_product_id <> component_product_id),
    constraint wms_kit_component_quantity_range check (quantity between 1 and 1000000)
);

-- A component's movement finds the kits it is part of.
create index wms_kit_component_of_component on wms_kit_component (component_product_id);

-- Published by catalog: each kit's components and how many of each one kit takes.
create view kit_component as
    select k.kit_product_id, k.component_product_id, k.quantity from wms_kit_component k;

-- 2. The units of components that a store's unallocated kit orders hold (owned by stock, kept by DemandLedger): an
--    order line of a kit is demand for its components, quantity × units per kit, at the line's location. A movement
--    naming the order lowers it as it lowers the order's own lines.
create table kit_demand (
    store_id         bigint       not null references store (id) on delete cascade,
    shopify_order_id varchar(255) not null,
    product_id       bigint       not null references wms_product (id),
    location_id      varchar(255) not null,
    quantity         bigint       not null,
    updated_at       timestamptz  not null,
    primary key (store_id, shopify_order_id, product_id, location_id),
    constraint kit_demand_positive check (quantity > 0)
);

create index kit_demand_level on kit_demand (store_id, product_id, location_id);

-- A level's unallocated order units, kits included: the orders of the level's own item (stock_level_demand) and the
-- units of the level's product that the store's kit orders hold at the location.
create function stock_level_demand(p_store_id bigint, p_inventory_item_id varchar, p_location_id varchar,
        p_product_id bigint)
    returns bigint language sql stable as $$
    select stock_level_demand(p_store_id, p_inventory_item_id, p_location_id)
        + (select coalesce(sum(k.quantity), 0)::bigint from kit_demand k
            where k.store_id = p_store_id and k.product_id = p_product_id and k.location_id = p_location_id)
$$;

-- What a store may sell of one product at a location (the one availability calculation: demand of every variant of
-- the product there and of kits holding it, the drops Shopify showed that no order explains, the product's rule),
-- given the WMS's sellable quantity of it at the location's warehouse. A component of a kit need not be sold on the
-- store itself: it then has no variant, no order of its own and no unexplained drop, only its kits' demand.
create function stock_product_may_sell(p_store_id bigint, p_product_id bigint, p_location_id varchar,
        p_sellable bigint)
    returns bigint language sql stable as $$
    select stock_may_sell(p_sellable,
        coalesce((select sum(stock_level_demand(p_store_id, v.inventory_item_id, p_location_id))
            from store_variant_mapping v where v.store_id = p_store_id and v.product_id = p_product_id
                and v.inventory_item_id is not null), 0)::bigint
            + (select coalesce(sum(k.quantity), 0)::bigint from kit_demand k
                where k.store_id = p_store_id and k.product_id = p_product_id and k.location_id = p_location_id),
        coalesce((select sum(c.unexplained) from store_variant_mapping v join stock_change c
            on c.store_id = v.store_id and c.inventory_item_id = v.inventory_item_id and c.location_id = p_location_id
            where v.store_id = p_store_id and v.product_id = p_product_id), 0)::bigint,
        stock_rule_of(p_store_id, p_product_id, p_location_id))
$$;

-- The rule applied to a kit's own result: the most specific rule for the kit, only when it names the kit (its code
-- or a group of codes holding it), and without its share. A store's rules for every product, and every share,
-- already shaped each component's part, so applying them again would take them twice.
create function stock_kit_rule(p_store_id bigint, p_kit_id bigint, p_location_id varchar)
    returns stock_rule language sql stable as $$
    select jsonb_populate_record(null::stock_rule, to_jsonb(r) - 'share_percent')
    from stock_rule_of(p_store_id, p_kit_id, p_location_id) r
    where r.product_code is not null or r.product_prefix is not null
$$;

-- The whole kits the WMS's quantities make up at a warehouse: the minimum over the components of
-- ⌊sellable ÷ units per kit⌋ (a component the WMS never reported counts 0). What the Stock page shows as the kit's
-- WMS quantity; null when the product is no kit.
create function stock_kit_quantity(p_kit_id bigint, p_warehouse_id bigint)
    returns bigint language sql stable as $$
    select min(greatest(0, coalesce(l.sellable, 0)) / k.quantity)::bigint
    from kit_component k left join stock_level l on l.product_id = k.component_product_id
        and l.warehouse_id = p_warehouse_id
    where k.kit_product_id = p_kit_id
$$;

-- Absolute mode: what a store may sell of a kit at a location: the minimum over its components of
-- ⌊what the store may sell of the component ÷ units per kit⌋ (so demand, kits' demand included, and the components'
-- rules apply once, the same way as for the components themselves), less the drops Shopify showed of the kit that
-- no order explains, then the kit's own rule (stock_kit_rule). The kit's own order lines are not subtracted again:
-- they are in its components' demand (kit_demand).
create function stock_kit_may_sell(p_store_id bigint, p_kit_id bigint, p_location_id varchar, p_warehouse_id bigint,
        p_unexplained bigint)
    returns bigint language sql stable as $$
    select stock_may_sell(coalesce(min(stock_product_may_sell(p_store_id, k.component_product_id, p_location_id,
            coalesce(l.sellable, 0)) / k.quantity), 0)::bigint, 0, p_unexplained,
        stock_kit_rule(p_store_id, p_kit_id, p_location_id))
    from kit_component k left join stock_level l on l.product_id = k.component_product_id
        and l.warehouse_id = p_warehouse_id
    where k.kit_product_id = p_kit_id
$$;

-- Delta mode: what a store is shown of a kit (Shopify subtracts its own sales): the minimum over the components of
-- ⌊what the component is shown (stock_shown) ÷ units per kit⌋, then the kit's own rule. p_moved, when not null, is
-- a component taken at p_moved_sellable instead of its latest WMS quantity: the kit before a movement of it.
create function stock_kit_shown(p_store_id bigint, p_kit_id bigint, p_location_id varchar, p_warehouse_id bigint,
        p_moved bigint, p_moved_sellable bigint)
    returns bigint language sql stable as $$
    select stock_may_sell(coalesce(min(greatest(0, stock_shown(case when k.component_product_id = p_moved
            then p_moved_sellable else coalesce(l.sellable, 0) end,
            stock_rule_of(p_store_id, k.component_product_id, p_location_id))) / k.quantity), 0)::bigint, 0, 0,
        stock_kit_rule(p_store_id, p_kit_id, p_location_id))
    from kit_component k left join stock_level l on l.product_id = k.component_product_id
        and l.warehouse_id = p_warehouse_id
    where k.kit_product_id = p_kit_id
$$;

-- One entry for every caller (push, reconciliation, Stock page, rules preview): what Absolute mode writes at a level
-- (store, inventory item, product, location, warehouse) given its WMS quantity and unexplained drops: a kit's
-- calculation for a kit, the product's otherwise.
create function stock_level_may_sell(p_store_id bigint, p_inventory_item_id varchar, p_product_id bigint,
        p_location_id varchar, p_warehouse_id bigint, p_sellable bigint, p_unexplained bigint)
    returns bigint language sql stable as $$
    select case when exists (select 1 from kit_component k where k.kit_product_id = p_product_id)
        then stock_kit_may_sell(p_store_id, p_product_id, p_location_id, p_warehouse_id, p_unexplained)
        else stock_may_sell(p_sellable, stock_level_demand(p_store_id, p_inventory_item_id, p_location_id,
            p_product_id), p_unexplained, stock_rule_of(p_store_id, p_product_id, p_location_id)) end
$$;

-- The same for Delta mode: what the store is shown at a level (stock_shown, or a kit's stock_kit_shown).
create function stock_level_shown(p_store_id bigint, p_product_id bigint, p_location_id varchar,
        p_warehouse_id bigint, p_sellable bigint)
    returns bigint language sql stable as $$
    select case when exists (select 1 from kit_component k where k.kit_product_id = p_product_id)
        then stock_kit_shown(p_store_id, p_product_id, p_location_id, p_warehouse_id, null, null)
        else stock_shown(p_sellable, stock_rule_of(p_store_id, p_product_id, p_location_id)) end
$$;

-- The explanation of a kit's level (Stock page, item trace): the component that limits it, as
-- "code: available ÷ units per kit = kits" (Absolute mode: what the store may sell of it); null for a product that is
-- no kit. Ties go to the first code.
create function stock_kit_limit(p_store_id bigint, p_kit_id bigint, p_location_id varchar, p_warehouse_id bigint)
    returns text language sql stable as $$
    select p.code || ': ' || x.available || ' ÷ ' || x.quantity || ' = ' || (x.available / x.quantity)
    from (select k.component_product_id, k.quantity, stock_product_may_sell(p_store_id, k.component_product_id,
            p_location_id, coalesce(l.sellable, 0)) as available
        from kit_component k left join stock_level l on l.product_id = k.component_product_id
            and l.warehouse_id = p_warehouse_id
        where k.kit_product_id = p_kit_id) x
    join product_code p on p.product_id = x.component_product_id
    order by x.available / x.quantity, p.code
    limit 1
$$;

-- An order's lines name inventory items; which product (and so which kit) one is, is looked up per store and item.
create index store_variant_inventory_item on store_variant (store_id, inventory_item_id);
