package wms.shopify.stock.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.sql.DataSource;
import wms.shopify.stock.entity.ResolvedMovement;
import wms.shopify.stores.entity.StoreStatus;

/**
 * Stores new movements (a known movement id is a no-op) and, in the same transaction, fans each one out to every
 * store where stock sync is on, the product is mapped to a tracked variant and the warehouse to an active location:
 * the pending change of that (store, inventory item, location) absorbs it (sum of deltas, latest sellable by
 * sequence) and becomes due after the first-push delay, or when the store's coalescing window since the last push
 * closes. In Delta mode a movement of an order of the same store adds nothing (Shopify counted that sale itself);
 * a movement naming an order lowers that order's unallocated demand by its units.
 */
@ApplicationScoped
public class MovementLedger {

    /** The store statuses stock syncs with (from the enum, never a literal). */
    private static final String[] CONNECTED = StoreStatus.names(StoreStatus::isConnected);

    @Resource(lookup = "jdbc/wms")
    DataSource dataSource;

    @Inject
    StockSettings settings;

    @Transactional
    public IntakeResult record(List<ResolvedMovement> movements) {
        try (Connection db = this.dataSource.getConnection()) {
            Map<String, Long> inserted = insert(db, movements);
            List<String> duplicates = movements.stream()
                    .map(ResolvedMovement::movementId)
                    .filter(id -> !inserted.containsKey(id))
                    .toList();
            List<ResolvedMovement> fresh = movements.stream()
                    .filter(m -> inserted.containsKey(m.movementId()))
                    .toList();
            if (fresh.isEmpty()) {
                return new IntakeResult(0, duplicates, 0);
            }
            lockNamed(db, fresh);
            // Tables in the order every transaction takes them (stock levels, order demand, pending changes), and the
            // rows of each in key order, so that concurrent calls, order imports and pushes never deadlock.
            // First the availability rules, shared: a rule change (exclusive) never falls between the rule a Delta
            // movement is computed with and its commit.
            StockRules.lockShared(db);
            // The kits made of what moved, as they were shown before these movements (Delta mode adds the change).
            Map<String, KitLevel> kitsBefore = kitLevels(db, fresh);
            levels(db, fresh);
            DemandLedger.allocated(db, fresh);
            int changes = fanOut(db, fresh, inserted, kitsBefore);
            return new IntakeResult(fresh.size(), duplicates, changes);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record stock movements: " + e.getMessage(), e);
        }
    }

    /** Inserts all in one statement; answers the database id of each movement that was new. */
    private static Map<String, Long> insert(Connection db, List<ResolvedMovement> movements) throws SQLException {
        int n = movements.size();
        Object[] ids = new Object[n];
        Object[] kinds = new Object[n];
        Object[] products = new Object[n];
        Object[] warehouses = new Object[n];
        Object[] deltas = new Object[n];
        Object[] sellables = new Object[n];
        Object[] sequences = new Object[n];
        Object[] orderStores = new Object[n];
        Object[] orders = new Object[n];
        for (int i = 0; i < n; i++) {
            ResolvedMovement m = movements.get(i);
            ids[i] = m.movementId();
            kinds[i] = m.kind().name();
            products[i] = m.productId();
            warehouses[i] = m.warehouseId();
            deltas[i] = m.delta();
            sellables[i] = m.sellableAfter();
            sequences[i] = m.sequence();
            orderStores[i] = m.orderStoreId();
            orders[i] = m.shopifyOrderId();
        }
        Map<String, Long> inserted = new HashMap<>();
        try (PreparedStatement insert = db.prepareStatement("""
                insert into stock_movement (movement_id, kind, product_id, warehouse_id, delta, sellable_after,
                    sequence, order_store_id, shopify_order_id, received_at)
                select t.*, now() from unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[],
                    ?::bigint[], ?::bigint[], ?::bigint[], ?::varchar[]) as t
                order by 1
                on conflict (movement_id) do nothing
                returning movement_id, id
                """)) {
            insert.setArray(1, db.createArrayOf("varchar", ids));
            insert.setArray(2, db.createArrayOf("varchar", kinds));
            insert.setArray(3, db.createArrayOf("bigint", products));
            insert.setArray(4, db.createArrayOf("bigint", warehouses));
            insert.setArray(5, db.createArrayOf("bigint", deltas));
            insert.setArray(6, db.createArrayOf("bigint", sellables));
            insert.setArray(7, db.createArrayOf("bigint", sequences));
            insert.setArray(8, db.createArrayOf("bigint", orderStores));
            insert.setArray(9, db.createArrayOf("varchar", orders));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return inserted;
    }

    /**
     * Locks the products, warehouses and order stores the new movements name (FOR KEY SHARE, once each, until
     * commit), which the movements and the levels written for them reference: what their foreign keys did row by row
     * before V133 (see there), in one statement. Fails the call when one of them is gone (deleted since the call's
     * codes were resolved).
     */
    static void lockNamed(Connection db, List<ResolvedMovement> fresh) throws SQLException {
        SortedSet<Long> products = new TreeSet<>();
        SortedSet<Long> warehouses = new TreeSet<>();
        SortedSet<Long> stores = new TreeSet<>();
        for (ResolvedMovement m : fresh) {
            products.add(m.productId());
            warehouses.add(m.warehouseId());
            if (m.orderStoreId() != null) {
                stores.add(m.orderStoreId());
            }
        }
        try (PreparedStatement lock = db.prepareStatement("""
                select (select count(*) from (select 1 from product_code where product_id = any(?)
                        order by product_id for key share) p),
                    (select count(*) from (select 1 from warehouse_code where warehouse_id = any(?)
                        order by warehouse_id for key share) w),
                    (select count(*) from (select 1 from store_connection where store_id = any(?)
                        order by store_id for key share) s)
                """)) {
            lock.setArray(1, db.createArrayOf("bigint", products.toArray()));
            lock.setArray(2, db.createArrayOf("bigint", warehouses.toArray()));
            lock.setArray(3, db.createArrayOf("bigint", stores.toArray()));
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                if (row.getLong(1) != products.size()
                        || row.getLong(2) != warehouses.size()
                        || row.getLong(3) != stores.size()) {
                    throw new SQLException("a product, warehouse or store the movements name was deleted meanwhile");
                }
            }
        }
    }

    /** The WMS's latest sellable per (product, warehouse), by sequence. */
    private static void levels(Connection db, List<ResolvedMovement> fresh) throws SQLException {
        // In key order: concurrent calls lock the same levels in the same order.
        Map<List<Long>, ResolvedMovement> latest = new java.util.TreeMap<>(
                java.util.Comparator.<List<Long>>comparingLong(k -> k.get(0)).thenComparingLong(k -> k.get(1)));
        for (ResolvedMovement m : fresh) {
            latest.merge(List.of(m.productId(), m.warehouseId()), m, (a, b) -> b.sequence() >= a.sequence() ? b : a);
        }
        int n = latest.size();
        Object[] products = new Object[n];
        Object[] warehouses = new Object[n];
        Object[] sellables = new Object[n];
        Object[] sequences = new Object[n];
        int i = 0;
        for (ResolvedMovement m : latest.values()) {
            products[i] = m.productId();
            warehouses[i] = m.warehouseId();
            sellables[i] = m.sellableAfter();
            sequences[i] = m.sequence();
            i++;
        }
        // One statement for the call's levels (in key order, as above), not one per level.
        try (PreparedStatement upsert = db.prepareStatement("""
                insert into stock_level (product_id, warehouse_id, sellable, sequence, updated_at)
                select t.product_id, t.warehouse_id, t.sellable, t.sequence, now()
                from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) with ordinality as t(product_id, warehouse_id, sellable, sequence, position)
                order by t.position
                on conflict (product_id, warehouse_id) do update set
                    sellable = case when excluded.sequence >= stock_level.sequence then excluded.sellable
                        else stock_level.sellable end,
                    sequence = greatest(stock_level.sequence, excluded.sequence), updated_at = now()
                """)) {
            upsert.setArray(1, db.createArrayOf("bigint", products));
            upsert.setArray(2, db.createArrayOf("bigint", warehouses));
            upsert.setArray(3, db.createArrayOf("bigint", sellables));
            upsert.setArray(4, db.createArrayOf("bigint", sequences));
            upsert.executeUpdate();
        }
    }

    private record Target(
            long storeId, String mode, int window, String item, String location, long productId, long warehouseId) {}

    private static final class Absorbed {
        long delta;
        long sellable = -1;
        long sequence = -1;
        // Delta mode with a rule: what the rule shows less the WMS quantity before the earliest movement, taken
        // when the level is new (Shopify was left with the WMS quantity; the rule starts from there).
        long baseline;
        long baselineSequence = Long.MAX_VALUE;
        boolean touch;
        final List<Long> movements = new ArrayList<>();
    }

    /**
     * A kit's level that a call's movements reach (a movement of one of its components at a warehouse a store's
     * location is mapped to).
     *
     * @param shown what the store is shown of the kit in Delta mode ({@code stock_kit_shown})
     * @param quantity the whole kits the WMS's quantities make up ({@code stock_kit_quantity}), the kit's sellable
     * @param movements the movements (database ids) of its components in the call
     */
    private record KitLevel(
            long storeId,
            String mode,
            int window,
            String item,
            String location,
            long kitId,
            long warehouseId,
            long shown,
            long quantity,
            List<Long> movements) {

        String key() {
            return storeId + "\n" + item + "\n" + location;
        }
    }

    /** The kits' levels that these movements reach, each as the calculation gives it now (in SQL, once). */
    private static Map<String, KitLevel> kitLevels(Connection db, List<ResolvedMovement> fresh) throws SQLException {
        Map<String, KitLevel> levels = new HashMap<>();
        Object[] products = new Object[fresh.size()];
        Object[] warehouses = new Object[fresh.size()];
        Object[] movementIds = new Object[fresh.size()];
        for (int i = 0; i < fresh.size(); i++) {
            products[i] = fresh.get(i).productId();
            warehouses[i] = fresh.get(i).warehouseId();
            movementIds[i] = fresh.get(i).movementId();
        }
        try (PreparedStatement query = db.prepareStatement("""
                select sp.store_id, sp.sync_mode, sp.coalescing_window_seconds, v.inventory_item_id, l.location_id,
                    k.kit_product_id, k.warehouse_id,
                    stock_kit_shown(sp.store_id, k.kit_product_id, l.location_id, k.warehouse_id, null, null),
                    stock_kit_quantity(k.kit_product_id, k.warehouse_id),
                    (select array_agg(sm.id order by sm.id) from stock_movement sm
                        join kit_component kc on kc.component_product_id = sm.product_id
                            and kc.kit_product_id = k.kit_product_id
                        where sm.movement_id = any(?) and sm.warehouse_id = k.warehouse_id)
                from (select distinct kc.kit_product_id, m.warehouse_id from kit_component kc
                    join unnest(?::bigint[], ?::bigint[]) as m(product_id, warehouse_id)
                        on kc.component_product_id = m.product_id) k
                join store_location_mapping l on l.warehouse_id = k.warehouse_id and l.active
                join stock_policy sp on sp.store_id = l.store_id and sp.sync_enabled
                join store_connection sc on sc.store_id = sp.store_id and sc.status = any(?)
                join store_variant_mapping v on v.store_id = sp.store_id and v.product_id = k.kit_product_id
                    and v.inventory_item_id is not null and v.tracked
                """)) {
            query.setArray(1, db.createArrayOf("varchar", movementIds));
            query.setArray(2, db.createArrayOf("bigint", products));
            query.setArray(3, db.createArrayOf("bigint", warehouses));
            query.setArray(4, db.createArrayOf("varchar", CONNECTED));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    java.sql.Array moved = rows.getArray(10);
                    List<Long> movements = new ArrayList<>();
                    if (moved != null) {
                        for (Object id : (Object[]) moved.getArray()) {
                            movements.add(((Number) id).longValue());
                        }
                    }
                    KitLevel level = new KitLevel(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getInt(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getLong(6),
                            rows.getLong(7),
                            rows.getLong(8),
                            rows.getLong(9),
                            movements);
                    levels.put(level.key(), level);
                }
            }
        }
        return levels;
    }

    private int fanOut(
            Connection db, List<ResolvedMovement> fresh, Map<String, Long> ids, Map<String, KitLevel> kitsBefore)
            throws SQLException {
        Map<Long, ResolvedMovement> byId = new HashMap<>();
        for (ResolvedMovement m : fresh) {
            byId.put(ids.get(m.movementId()), m);
        }
        int n = byId.size();
        Object[] movementIds = new Object[n];
        Object[] products = new Object[n];
        Object[] warehouses = new Object[n];
        Object[] deltas = new Object[n];
        Object[] sellables = new Object[n];
        int i = 0;
        for (Map.Entry<Long, ResolvedMovement> movement : byId.entrySet()) {
            ResolvedMovement m = movement.getValue();
            movementIds[i] = movement.getKey();
            products[i] = m.productId();
            warehouses[i] = m.warehouseId();
            deltas[i] = m.delta();
            sellables[i] = m.sellableAfter();
            i++;
        }
        Map<Target, Absorbed> changes = new LinkedHashMap<>();
        // The movements as this call has them (not read back from stock_movement), and each level's rule looked up
        // only in stores that have rules: a function call per row otherwise spent on finding none.
        try (PreparedStatement targets = db.prepareStatement("""
                select m.id, sp.store_id, sp.sync_mode, sp.coalescing_window_seconds, v.inventory_item_id,
                    l.location_id, stock_shown(m.sellable_after, rr.r) - stock_shown(m.sellable_after - m.delta, rr.r),
                    stock_shown(m.sellable_after - m.delta, rr.r) - (m.sellable_after - m.delta)
                from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
                    as m(id, product_id, warehouse_id, delta, sellable_after)
                join store_location_mapping l on l.warehouse_id = m.warehouse_id and l.active
                join stock_policy sp on sp.store_id = l.store_id and sp.sync_enabled
                join store_connection sc on sc.store_id = sp.store_id and sc.status = any(?)
                join store_variant_mapping v on v.store_id = sp.store_id and v.product_id = m.product_id
                    and v.inventory_item_id is not null and v.tracked
                left join (select distinct store_id from stock_rule) ruled on ruled.store_id = sp.store_id
                left join lateral (select x from stock_rule_of(sp.store_id, m.product_id, l.location_id) x
                    where ruled.store_id is not null offset 0) rr(r) on true
                order by m.id
                """)) {
            targets.setArray(1, db.createArrayOf("bigint", movementIds));
            targets.setArray(2, db.createArrayOf("bigint", products));
            targets.setArray(3, db.createArrayOf("bigint", warehouses));
            targets.setArray(4, db.createArrayOf("bigint", deltas));
            targets.setArray(5, db.createArrayOf("bigint", sellables));
            targets.setArray(6, db.createArrayOf("varchar", CONNECTED));
            // (kits are not targets of their own: the movements name components; their kits follow below)
            try (ResultSet rows = targets.executeQuery()) {
                while (rows.next()) {
                    ResolvedMovement m = byId.get(rows.getLong(1));
                    long storeId = rows.getLong(2);
                    String mode = rows.getString(3);
                    Target target = new Target(
                            storeId,
                            mode,
                            rows.getInt(4),
                            rows.getString(5),
                            rows.getString(6),
                            m.productId(),
                            m.warehouseId());
                    Absorbed absorbed = changes.computeIfAbsent(target, t -> new Absorbed());
                    absorbed.movements.add(rows.getLong(1));
                    if ("DELTA".equals(mode)) {
                        // What the store is shown moves by the rule's difference (the delta itself without a rule);
                        // an order of the same store was already taken off by Shopify, so its units are not again.
                        boolean ownOrder = m.orderStoreId() != null && m.orderStoreId() == storeId;
                        long shown = rows.getLong(7) - (ownOrder ? m.delta() : 0);
                        if (shown != 0) {
                            absorbed.delta += shown;
                            absorbed.touch = true;
                        }
                        if (m.sequence() < absorbed.baselineSequence) {
                            absorbed.baselineSequence = m.sequence();
                            absorbed.baseline = rows.getLong(8);
                        }
                        if (absorbed.baseline != 0) {
                            absorbed.touch = true;
                        }
                    } else {
                        absorbed.touch = true;
                    }
                    if (m.sequence() >= absorbed.sequence) {
                        absorbed.sequence = m.sequence();
                        absorbed.sellable = m.sellableAfter();
                    }
                }
            }
        }
        // The kits made of what moved: Absolute mode recomputes them when it claims them; Delta mode adds what the
        // store is shown of the kit now less before these movements, unless every one of them is an order of that
        // store (Shopify took that sale off itself, as for any level).
        for (KitLevel kit : kitLevels(db, fresh).values()) {
            Target target = new Target(
                    kit.storeId(),
                    kit.mode(),
                    kit.window(),
                    kit.item(),
                    kit.location(),
                    kit.kitId(),
                    kit.warehouseId());
            Absorbed absorbed = changes.computeIfAbsent(target, t -> new Absorbed());
            absorbed.movements.addAll(kit.movements());
            absorbed.sellable = kit.quantity();
            absorbed.sequence = Long.MAX_VALUE;
            if ("DELTA".equals(kit.mode())) {
                KitLevel before = kitsBefore.get(kit.key());
                long shownBefore = before == null ? 0 : before.shown();
                boolean ownOrders = kit.movements().stream()
                        .map(byId::get)
                        .allMatch(m -> m != null && m.orderStoreId() != null && m.orderStoreId() == kit.storeId());
                long shown = ownOrders ? 0 : kit.shown() - shownBefore;
                if (shown != 0) {
                    absorbed.delta += shown;
                    absorbed.touch = true;
                }
                // A kit's first level: Shopify is taken to hold the whole kits the WMS's quantities made up before.
                absorbed.baselineSequence = Long.MIN_VALUE;
                absorbed.baseline = before == null ? 0 : before.shown() - before.quantity();
                if (absorbed.baseline != 0) {
                    absorbed.touch = true;
                }
            } else {
                absorbed.touch = true;
            }
        }
        if (changes.isEmpty()) {
            return 0;
        }
        double delay = this.settings.firstPushDelaySeconds();
        List<StockChanges.Absorption> absorptions = new ArrayList<>();
        Map<String, Absorbed> byKey = new HashMap<>();
        for (Map.Entry<Target, Absorbed> entry : changes.entrySet()) {
            Target t = entry.getKey();
            Absorbed a = entry.getValue();
            absorptions.add(new StockChanges.Absorption(
                    t.storeId(),
                    t.item(),
                    t.location(),
                    t.productId(),
                    t.warehouseId(),
                    a.touch,
                    a.delta,
                    a.sellable,
                    a.sequence));
            byKey.put(t.storeId() + "\n" + t.item() + "\n" + t.location(), a);
        }
        List<Object> linkMovements = new ArrayList<>();
        List<Object> linkChanges = new ArrayList<>();
        Map<Long, Long> shifts = new HashMap<>();
        for (StockChanges.Level level : StockChanges.absorb(db, delay, absorptions)) {
            Absorbed a = byKey.get(level.storeId() + "\n" + level.inventoryItemId() + "\n" + level.locationId());
            if (level.inserted() && a.baseline != 0) {
                shifts.put(level.changeId(), a.baseline);
            }
            for (Long movement : a.movements) {
                linkMovements.add(movement);
                linkChanges.add(level.changeId());
            }
        }
        StockChanges.linkMovements(db, linkMovements, linkChanges);
        if (!shifts.isEmpty()) {
            StockChanges.shiftToRule(db, shifts);
        }
        return changes.size();
    }
}
