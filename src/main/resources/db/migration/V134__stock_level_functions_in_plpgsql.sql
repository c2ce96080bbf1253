-- The per-level availability entry points, in PL/pgSQL with the same results as their SQL versions (V118, V130).
--
-- Why: V118's SQL functions cannot be inlined (their body holds a sub-select), so PostgreSQL ran each call as a
-- query of its own, starting an executor and planning the SQL functions it calls (stock_level_demand,
-- stock_rule_of, stock_kit_may_sell) again for every level. A push's claim calls stock_level_may_sell once per change:
-- at a 100 000-SKU recount that was 48 s of PostgreSQL's 72 s until every quantity was right (pg_stat_statements,
-- docs/performance.md). PL/pgSQL keeps the plans of its statements and the state of its simple expressions for the
-- transaction, so a claim of 250 changes plans them once.

create or replace function stock_level_may_sell(p_store_id bigint, p_inventory_item_id varchar, p_product_id bigint,
        p_location_id varchar, p_warehouse_id bigint, p_sellable bigint, p_unexplained bigint)
    returns bigint language plpgsql stable as $$
begin
    if exists (select 1 from kit_component k where k.kit_product_id = p_product_id) then
        return stock_kit_may_sell(p_store_id, p_product_id, p_location_id, p_warehouse_id, p_unexplained);
    end if;
    return stock_may_sell(p_sellable, stock_level_demand(p_store_id, p_inventory_item_id, p_location_id,
        p_product_id), p_unexplained, stock_rule_of(p_store_id, p_product_id, p_location_id));
end
$$;

create or replace function stock_level_shown(p_store_id bigint, p_product_id bigint, p_location_id varchar,
        p_warehouse_id bigint, p_sellable bigint)
    returns bigint language plpgsql stable as $$
begin
    if exists (select 1 from kit_component k where k.kit_product_id = p_product_id) then
        return stock_kit_shown(p_store_id, p_product_id, p_location_id, p_warehouse_id, null, null);
    end if;
    return stock_shown(p_sellable, stock_rule_of(p_store_id, p_product_id, p_location_id));
end
$$;

-- The claim calls this one per change too (V130: the units a rule's buffer shows as Shopify's safety_stock).
create or replace function stock_level_safety_stock(p_store_id bigint, p_inventory_item_id varchar,
        p_product_id bigint, p_location_id varchar, p_sellable bigint, p_unexplained bigint, p_absolute boolean)
    returns bigint language plpgsql stable as $$
begin
    if p_sellable is null
            or not exists (select 1 from stock_rule r where r.store_id = p_store_id and r.buffer_as_safety_stock)
            or exists (select 1 from kit_component k where k.kit_product_id = p_product_id) then
        return 0;
    end if;
    if p_absolute then
        return stock_safety_stock(p_sellable, stock_level_demand(p_store_id, p_inventory_item_id, p_location_id,
            p_product_id), p_unexplained, stock_rule_of(p_store_id, p_product_id, p_location_id));
    end if;
    return stock_safety_stock(p_sellable, 0, 0, stock_rule_of(p_store_id, p_product_id, p_location_id));
end
$$;
