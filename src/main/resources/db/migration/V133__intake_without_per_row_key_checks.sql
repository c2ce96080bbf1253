-- Issue #20, P1: the stock intake's database time per movement. A call of 1000 new movements wrote 1000 movements,
-- up to 1000 levels (stock_level) and 1000 links (stock_movement_target: which movement each pending change absorbed),
-- and each of these rows' foreign keys was checked row by row: a look-up with a row lock (FOR KEY SHARE) of the
-- product, the warehouse, the movement and the change, 6000 per call, and one of the push for each link when a push
-- took it. Each check was one more query inside the statement. Here each is replaced by what makes it hold by
-- construction, and what the keys did on delete is kept by triggers, so that nothing a user or a test can observe
-- changes:
--
-- 1. stock_movement_target.movement_id and .change_id: replaced by nothing. MovementLedger.record (through
--    StockChanges.linkMovements, the only writer of links) links only movements inserted in the same transaction
--    (the ids their insert returned) to changes the same transaction's upsert (StockChanges.ABSORB) returned,
--    inserted or updated by it and so locked by it until commit. A movement is deleted only by retention, and only
--    once no link names it.
-- 2. stock_movement.product_id, .warehouse_id, .order_store_id and stock_level.product_id, .warehouse_id: replaced by
--    one statement per call (MovementLedger.lockNamed) that takes the same locks the checks took (FOR KEY SHARE), once
--    per product, warehouse and order store the call's new movements name, and fails the call when one is gone; the
--    levels a call writes are those of its new movements. The locks are held until commit, as the checks' were, so no
--    product, warehouse or store a committed row names can have been deleted meanwhile.
-- 3. On delete, as the keys did: deleting a movement or a change deletes its links (on delete cascade); a store's
--    deletion leaves its movements with no order store (on delete set null); deleting a product or a warehouse that a
--    movement or a level names is refused (foreign_key_violation, as "no action" did). One statement per deletion,
--    instead of a look-up per row written.
--
-- 4. stock_movement_target.push_id, set when a push takes the change (StockChanges.bind, the only writer of it):
--    replaced by nothing. It is always the push the same transaction has just inserted (PushRecords). Deleting a push
--    leaves its links without one (on delete set null), by a trigger as above.
--
-- The pending changes' own keys (stock_change: store, product, warehouse, push) are checked as before.

alter table stock_movement_target drop constraint stock_movement_target_movement_id_fkey;
alter table stock_movement_target drop constraint stock_movement_target_change_id_fkey;
alter table stock_movement_target drop constraint stock_movement_target_push_id_fkey;
alter table stock_movement drop constraint stock_movement_product_id_fkey;
alter table stock_movement drop constraint stock_movement_warehouse_id_fkey;
alter table stock_movement drop constraint stock_movement_order_store_id_fkey;
alter table stock_level drop constraint stock_level_product_id_fkey;
alter table stock_level drop constraint stock_level_warehouse_id_fkey;

create function stock_movement_links_deleted() returns trigger language plpgsql as $$
begin
    delete from stock_movement_target t using deleted_movements d where t.movement_id = d.id;
    return null;
end
$$;

create trigger stock_movement_deleted after delete on stock_movement
    referencing old table as deleted_movements for each statement
    execute function stock_movement_links_deleted();

create function stock_change_links_deleted() returns trigger language plpgsql as $$
begin
    delete from stock_movement_target t using deleted_changes d where t.change_id = d.id;
    return null;
end
$$;

create trigger stock_change_deleted after delete on stock_change
    referencing old table as deleted_changes for each statement
    execute function stock_change_links_deleted();

create function stock_push_links_deleted() returns trigger language plpgsql as $$
begin
    update stock_movement_target t set push_id = null from deleted_pushes d where t.push_id = d.id;
    return null;
end
$$;

create trigger stock_push_deleted after delete on stock_push
    referencing old table as deleted_pushes for each statement
    execute function stock_push_links_deleted();

create function stock_movements_of_deleted_store() returns trigger language plpgsql as $$
begin
    update stock_movement m set order_store_id = null from deleted_stores d where m.order_store_id = d.id;
    return null;
end
$$;

create trigger stock_store_deleted after delete on store
    referencing old table as deleted_stores for each statement
    execute function stock_movements_of_deleted_store();

create function stock_refuse_deleted_product() returns trigger language plpgsql as $$
begin
    if exists (select 1 from stock_movement m join deleted_products d on m.product_id = d.id)
            or exists (select 1 from stock_level l join deleted_products d on l.product_id = d.id) then
        raise foreign_key_violation using message =
            'update or delete on table "wms_product" violates a key of stock_movement or stock_level: '
            || 'the product still has stock movements or a stock level';
    end if;
    return null;
end
$$;

create trigger stock_product_deleted after delete on wms_product
    referencing old table as deleted_products for each statement
    execute function stock_refuse_deleted_product();

create function stock_refuse_deleted_warehouse() returns trigger language plpgsql as $$
begin
    if exists (select 1 from stock_movement m join deleted_warehouses d on m.warehouse_id = d.id)
            or exists (select 1 from stock_level l join deleted_warehouses d on l.warehouse_id = d.id) then
        raise foreign_key_violation using message =
            'update or delete on table "warehouse" violates a key of stock_movement or stock_level: '
            || 'the warehouse still has stock movements or stock levels';
    end if;
    return null;
end
$$;

create trigger stock_warehouse_deleted after delete on warehouse
    referencing old table as deleted_warehouses for each statement
    execute function stock_refuse_deleted_warehouse();
