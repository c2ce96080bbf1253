-- Issue #18, Shopify bundles: a change parked (or pending) for a variant that Sync Products has since found to be a
-- bundle's parent is not sent again. Published by catalog: the store's bundle parents by inventory item (the view
-- store_variant_mapping leaves them out, so stock could not tell "now a bundle" from "not mapped"). Served by the
-- index store_variant_inventory_item (V118).
create or replace view store_bundle_item as
    select v.store_id, v.inventory_item_id, v.sku, v.product_title from store_variant v where v.bundle;

-- Issue #18, the buffer shown on Shopify as the level's safety_stock state instead of hidden, as the merchant chooses
-- per rule. Shopify's available stays what stock_may_sell says; the units the rule's buffer withheld go to
-- safety_stock (part of on_hand, not for sale), written by the same push (a second mutation of its request).
alter table stock_rule add column buffer_as_safety_stock boolean not null default false;
alter table stock_rule add constraint stock_rule_safety_stock_has_buffer
    check (not buffer_as_safety_stock or buffer is not null);

-- The units of safety_stock the connector has put at the level (Shopify applied them): a push adds the target less
-- these, so a merchant's own safety stock there is never read nor overwritten. in_push_safety: the target a push
-- carries (null: the push writes no safety_stock for the level).
alter table stock_change add column safety_shown bigint not null default 0;
alter table stock_change add column in_push_safety bigint;

-- A push's safety_stock part: the inventoryAdjustQuantities input sent with the push's own (null: none). The
-- available part (payload) is empty when only safety_stock changes.
alter table stock_push add column safety_payload text;

-- The units a rule's buffer withheld, when the rule shows them as safety stock (0 otherwise): the buffer, at most
-- what was left after the share and the demand (stock_may_sell's steps 1 and 2), never below 0.
create function stock_safety_stock(p_sellable bigint, p_demand bigint, p_unexplained bigint, p_rule stock_rule)
    returns bigint language sql immutable as $$
    select case when p_rule.id is null or not p_rule.buffer_as_safety_stock then 0
        else least(p_rule.buffer, greatest(0, case when p_rule.share_percent is null then p_sellable
            else greatest(0, p_sellable) * p_rule.share_percent / 100 end - p_demand + least(0, p_unexplained))) end
$$;

-- At a level: Absolute mode after the level's demand (as stock_level_may_sell), Delta mode on the WMS quantity alone
-- (as stock_level_shown); 0 for a kit (its buffer is always hidden) and for a store without a rule that shows one.
create function stock_level_safety_stock(p_store_id bigint, p_inventory_item_id varchar, p_product_id bigint,
        p_location_id varchar, p_sellable bigint, p_unexplained bigint, p_absolute boolean)
    returns bigint language sql stable as $$
    select case when p_sellable is null
            or not exists (select 1 from stock_rule r where r.store_id = p_store_id and r.buffer_as_safety_stock)
            or exists (select 1 from kit_component k where k.kit_product_id = p_product_id) then 0
        when p_absolute then stock_safety_stock(p_sellable, stock_level_demand(p_store_id, p_inventory_item_id,
            p_location_id, p_product_id), p_unexplained, stock_rule_of(p_store_id, p_product_id, p_location_id))
        else stock_safety_stock(p_sellable, 0, 0, stock_rule_of(p_store_id, p_product_id, p_location_id)) end
$$;
