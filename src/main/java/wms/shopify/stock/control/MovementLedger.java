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
import javax.sql.DataSource;
import wms.shopify.stock.entity.ResolvedMovement;

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

    /**
     * The one order in which every transaction locks pending changes (stock_change rows): by store, inventory item
     * and location, compared byte by byte (Java's String order for these ASCII ids). Intake locks them as it absorbs
     * movements, a push's bookkeeping when it finishes; two transactions that lock some of the same rows in the same
     * order wait for each other instead of deadlocking (before, concurrent calls listing items in different orders
     * deadlocked and one of them was answered 500).
     */
    static final String LOCK_ORDER = "store_id, inventory_item_id collate \"C\", location_id collate \"C\"";

    /**
     * The assignments that mark a level's change as changed again (for a {@code stock_change c} updated together
     * with its {@code store s}): a new generation, and an idle change made due after the first-push delay (the one
     * parameter, in seconds) but not before the store's coalescing window since its last push has passed.
     */
    static final String CHANGED_AGAIN = """
            generation = c.generation + 1,
                first_change_at = coalesce(c.first_change_at, now()),
                due_at = case when c.state = 'IDLE' then greatest(now() + make_interval(secs => ?),
                    coalesce(c.last_pushed_at + make_interval(secs => s.coalescing_window_seconds), now()))
                    else c.due_at end,
                state = case when c.state = 'IDLE' then 'PENDING' else c.state end,
                updated_at = now()
            """;

    /**
     * Locks the pending changes that {@code condition} selects (the table's alias is {@code c}) in {@link #LOCK_ORDER},
     * before one statement updates several of them: an update takes its rows in the order of its plan (a bitmap or
     * sequential scan: the table's physical order), and a batch of updates in the order of its batch.
     */
    static void lockInOrder(Connection db, String condition, Object... parameters) throws SQLException {
        try (PreparedStatement lock = db.prepareStatement("select c.id from stock_change c where " + condition
                + " order by " + LOCK_ORDER + " for update of c")) {
            for (int i = 0; i < parameters.length; i++) {
                lock.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    // locked
                }
            }
        }
    }

    /** All changes of a call in one statement: one row per (store, item, location), absorbed into what is there. */
    private static final String UPSERT = """
            insert into stock_change (store_id, inventory_item_id, location_id, product_id, warehouse_id, state,
                delta, sellable, sellable_sequence, generation, due_at, first_change_at, updated_at)
            select t.store_id, t.item, t.location, t.product, t.warehouse,
                case when t.touch then 'PENDING' else 'IDLE' end, t.delta, t.sellable, t.sequence,
                case when t.touch then 1 else 0 end,
                now() + make_interval(secs => ?),
                case when t.touch then now() end, now()
            from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::boolean[], ?::bigint[],
                ?::bigint[], ?::bigint[])
                as t(store_id, item, location, product, warehouse, touch, delta, sellable, sequence)
            order by t.store_id, t.item collate "C", t.location collate "C"
            on conflict (store_id, inventory_item_id, location_id) do update set
                delta = stock_change.delta + excluded.delta,
                sellable = case when stock_change.sellable_sequence is null
                    or excluded.sellable_sequence >= stock_change.sellable_sequence then excluded.sellable
                    else stock_change.sellable end,
                sellable_sequence = greatest(stock_change.sellable_sequence, excluded.sellable_sequence),
                generation = stock_change.generation + excluded.generation,
                first_change_at = coalesce(stock_change.first_change_at, excluded.first_change_at),
                due_at = case when stock_change.state = 'IDLE' and excluded.state = 'PENDING'
                    then greatest(excluded.due_at, coalesce(stock_change.last_pushed_at + make_interval(secs =>
                        (select s.coalescing_window_seconds from store s where s.id = stock_change.store_id)),
                        excluded.due_at))
                    else stock_change.due_at end,
                state = case when stock_change.state = 'IDLE' then excluded.state else stock_change.state end,
                updated_at = now()
            returning id, store_id, inventory_item_id, location_id
            """;

    @Resource(lookup = "jdbc/wms")
    DataSource dataSource;

    @Inject
    StockSettings settings;

    @Transactional
    public IntakeResult record(List<ResolvedMovement> movements) {
        try (Connection db = this.dataSource.getConnection()) {
            Map<String, Long> inserted = insert(db, movements);
            List<String> duplicates = movements.stream().map(ResolvedMovement::movementId)
                    .filter(id -> !inserted.containsKey(id)).toList();
            List<ResolvedMovement> fresh = movements.stream().filter(m -> inserted.containsKey(m.movementId()))
                    .toList();
            if (fresh.isEmpty()) {
                return new IntakeResult(0, duplicates, 0);
            }
            // Tables in the order every transaction takes them (stock levels, order demand, pending changes), and the
            // rows of each in key order, so that concurrent calls, order imports and pushes never deadlock.
            levels(db, fresh);
            allocations(db, fresh);
            int changes = fanOut(db, fresh, inserted);
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

    /** The WMS's latest sellable per (product, warehouse), by sequence. */
    private static void levels(Connection db, List<ResolvedMovement> fresh) throws SQLException {
        // In key order: concurrent calls lock the same levels in the same order.
        Map<List<Long>, ResolvedMovement> latest = new java.util.TreeMap<>(java.util.Comparator
                .<List<Long>>comparingLong(k -> k.get(0)).thenComparingLong(k -> k.get(1)));
        for (ResolvedMovement m : fresh) {
            latest.merge(List.of(m.productId(), m.warehouseId()), m, (a, b) -> b.sequence() >= a.sequence() ? b : a);
        }
        try (PreparedStatement upsert = db.prepareStatement("""
                insert into stock_level (product_id, warehouse_id, sellable, sequence, updated_at)
                values (?, ?, ?, ?, now())
                on conflict (product_id, warehouse_id) do update set
                    sellable = case when excluded.sequence >= stock_level.sequence then excluded.sellable
                        else stock_level.sellable end,
                    sequence = greatest(stock_level.sequence, excluded.sequence), updated_at = now()
                """)) {
            for (ResolvedMovement m : latest.values()) {
                upsert.setLong(1, m.productId());
                upsert.setLong(2, m.warehouseId());
                upsert.setLong(3, m.sellableAfter());
                upsert.setLong(4, m.sequence());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private record Target(long storeId, String mode, int window, String item, String location, long productId,
            long warehouseId) {
    }

    private static final class Absorbed {
        long delta;
        long sellable = -1;
        long sequence = -1;
        boolean touch;
        final List<Long> movements = new ArrayList<>();
    }

    private int fanOut(Connection db, List<ResolvedMovement> fresh, Map<String, Long> ids) throws SQLException {
        Map<Long, ResolvedMovement> byId = new HashMap<>();
        for (ResolvedMovement m : fresh) {
            byId.put(ids.get(m.movementId()), m);
        }
        Map<Target, Absorbed> changes = new LinkedHashMap<>();
        try (PreparedStatement targets = db.prepareStatement("""
                select m.id, s.id, s.stock_sync_mode, s.coalescing_window_seconds, v.inventory_item_id,
                    l.shopify_location_id
                from stock_movement m
                join store_location l on l.warehouse_id = m.warehouse_id and l.active
                join store s on s.id = l.store_id and s.stock_sync_enabled and s.status = 'CONNECTED'
                join store_variant v on v.store_id = s.id and v.product_id = m.product_id
                    and v.inventory_item_id is not null and v.tracked
                where m.id = any(?)
                order by m.id
                """)) {
            targets.setArray(1, db.createArrayOf("bigint", byId.keySet().toArray()));
            try (ResultSet rows = targets.executeQuery()) {
                while (rows.next()) {
                    ResolvedMovement m = byId.get(rows.getLong(1));
                    long storeId = rows.getLong(2);
                    String mode = rows.getString(3);
                    Target target = new Target(storeId, mode, rows.getInt(4), rows.getString(5), rows.getString(6),
                            m.productId(), m.warehouseId());
                    Absorbed absorbed = changes.computeIfAbsent(target, t -> new Absorbed());
                    absorbed.movements.add(rows.getLong(1));
                    if ("DELTA".equals(mode)) {
                        boolean ownOrder = m.orderStoreId() != null && m.orderStoreId() == storeId;
                        if (!ownOrder && m.delta() != 0) {
                            absorbed.delta += m.delta();
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
        if (changes.isEmpty()) {
            return 0;
        }
        double delay = this.settings.firstPushDelaySeconds();
        List<Map.Entry<Target, Absorbed>> entries = new ArrayList<>(changes.entrySet());
        int n = entries.size();
        Object[] stores = new Object[n];
        Object[] items = new Object[n];
        Object[] locations = new Object[n];
        Object[] products = new Object[n];
        Object[] warehouses = new Object[n];
        Object[] touches = new Object[n];
        Object[] deltas = new Object[n];
        Object[] sellables = new Object[n];
        Object[] sequences = new Object[n];
        Map<String, Absorbed> byKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Target t = entries.get(i).getKey();
            Absorbed a = entries.get(i).getValue();
            stores[i] = t.storeId();
            items[i] = t.item();
            locations[i] = t.location();
            products[i] = t.productId();
            warehouses[i] = t.warehouseId();
            touches[i] = a.touch;
            deltas[i] = a.delta;
            sellables[i] = a.sellable;
            sequences[i] = a.sequence;
            byKey.put(t.storeId() + "\n" + t.item() + "\n" + t.location(), a);
        }
        List<Object> linkMovements = new ArrayList<>();
        List<Object> linkChanges = new ArrayList<>();
        try (PreparedStatement upsert = db.prepareStatement(UPSERT)) {
            upsert.setDouble(1, delay);
            upsert.setArray(2, db.createArrayOf("bigint", stores));
            upsert.setArray(3, db.createArrayOf("varchar", items));
            upsert.setArray(4, db.createArrayOf("varchar", locations));
            upsert.setArray(5, db.createArrayOf("bigint", products));
            upsert.setArray(6, db.createArrayOf("bigint", warehouses));
            upsert.setArray(7, db.createArrayOf("boolean", touches));
            upsert.setArray(8, db.createArrayOf("bigint", deltas));
            upsert.setArray(9, db.createArrayOf("bigint", sellables));
            upsert.setArray(10, db.createArrayOf("bigint", sequences));
            try (ResultSet rows = upsert.executeQuery()) {
                while (rows.next()) {
                    Absorbed a = byKey.get(rows.getLong(2) + "\n" + rows.getString(3) + "\n" + rows.getString(4));
                    for (Long movement : a.movements) {
                        linkMovements.add(movement);
                        linkChanges.add(rows.getLong(1));
                    }
                }
            }
        }
        try (PreparedStatement link = db.prepareStatement("insert into stock_movement_target (movement_id, change_id) "
                + "select * from unnest(?::bigint[], ?::bigint[]) on conflict do nothing")) {
            link.setArray(1, db.createArrayOf("bigint", linkMovements.toArray()));
            link.setArray(2, db.createArrayOf("bigint", linkChanges.toArray()));
            link.executeUpdate();
        }
        return changes.size();
    }

    /**
     * A movement naming an order that lowers sellable is that order's allocation: its demand shrinks as much (lines
     * fully allocated are deleted first, so that no quantity drops to zero or below).
     */
    private static void allocations(Connection db, List<ResolvedMovement> fresh) throws SQLException {
        for (ResolvedMovement m : fresh) {
            if (m.orderStoreId() == null || m.delta() >= 0) {
                continue;
            }
            String lines = " where d.store_id = ? and d.shopify_order_id = ? and (d.inventory_item_id, d.location_id) in ("
                    + "select v.inventory_item_id, l.shopify_location_id from store_variant v "
                    + "join store_location l on l.store_id = v.store_id "
                    + "where v.store_id = ? and v.product_id = ? and l.warehouse_id = ?)";
            try (PreparedStatement remove = db.prepareStatement("delete from order_demand d" + lines
                    + " and d.quantity <= ?");
                    PreparedStatement reduce = db.prepareStatement("update order_demand d set quantity = d.quantity - ?, "
                            + "updated_at = now()" + lines)) {
                remove.setLong(1, m.orderStoreId());
                remove.setString(2, m.shopifyOrderId());
                remove.setLong(3, m.orderStoreId());
                remove.setLong(4, m.productId());
                remove.setLong(5, m.warehouseId());
                remove.setLong(6, -m.delta());
                remove.executeUpdate();
                reduce.setLong(1, -m.delta());
                reduce.setLong(2, m.orderStoreId());
                reduce.setString(3, m.shopifyOrderId());
                reduce.setLong(4, m.orderStoreId());
                reduce.setLong(5, m.productId());
                reduce.setLong(6, m.warehouseId());
                reduce.executeUpdate();
            }
        }
    }
}
