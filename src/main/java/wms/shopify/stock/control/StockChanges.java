package wms.shopify.stock.control;

import jakarta.json.Json;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import wms.shopify.returns.entity.ShopifyRestock;
import wms.shopify.stock.entity.LevelToRead;

/**
 * The pending changes' repository ({@code stock_change}, with the links of movements to them in
 * {@code stock_movement_target}): every statement that writes them, and the one order in which they are locked. Each
 * method runs on the caller's connection, inside the caller's transaction; the callers (intake, demand, restocks,
 * pushes, reconciliation) decide when, this class decides how.
 *
 * <p>The lock order: every transaction locks pending changes by store, inventory item and location, compared byte
 * by byte (Java's String order for these ASCII ids). Two transactions that lock some of the same rows in the same
 * order wait for each other instead of deadlocking (before, concurrent calls listing items in different orders
 * deadlocked and one of them was answered 500). An update takes its rows in the order of its plan (a bitmap or
 * sequential scan: the table's physical order) and a batch in the order of its batch, so a statement that updates
 * several rows locks them first ({@link #lockInOrder}), and batches are sent in key order.
 */
final class StockChanges {

    /** The lock order, as SQL over {@code stock_change c}. */
    static final String LOCK_ORDER = "store_id, inventory_item_id collate \"C\", location_id collate \"C\"";

    /**
     * The assignments that mark a level's change as changed again (for a {@code stock_change c} updated together
     * with its store's {@code stock_policy sp}): a new generation, and an idle change made due after the first-push delay (the one
     * parameter, in seconds) but not before the store's coalescing window since its last push has passed.
     */
    private static final String CHANGED_AGAIN = """
            generation = c.generation + 1,
                first_change_at = coalesce(c.first_change_at, now()),
                due_at = case when c.state = 'IDLE' then greatest(now() + make_interval(secs => ?),
                    coalesce(c.last_pushed_at + make_interval(secs => sp.coalescing_window_seconds), now()))
                    else c.due_at end,
                state = case when c.state = 'IDLE' then 'PENDING' else c.state end,
                updated_at = now()
            """;

    /** All changes of a call in one statement: one row per (store, item, location), absorbed into what is there. */
    private static final String ABSORB = """
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
                        (select sp.coalescing_window_seconds from stock_policy sp
                            where sp.store_id = stock_change.store_id)),
                        excluded.due_at))
                    else stock_change.due_at end,
                state = case when stock_change.state = 'IDLE' then excluded.state else stock_change.state end,
                updated_at = now()
            returning id, store_id, inventory_item_id, location_id, (xmax = 0)
            """;

    private StockChanges() {}

    /**
     * What a call's movements bring to one level.
     *
     * @param touch whether the level has something new to write (else it is only recorded, idle)
     */
    record Absorption(
            long storeId,
            String inventoryItemId,
            String locationId,
            long productId,
            long warehouseId,
            boolean touch,
            long delta,
            long sellable,
            long sequence) {}

    /**
     * A level's change, as stored.
     *
     * @param inserted whether this absorption made the level's row (its first movement), rather than updated it
     */
    record Level(long changeId, long storeId, String inventoryItemId, String locationId, boolean inserted) {}

    /**
     * A due change claimed for a push.
     *
     * @param maySell what Absolute mode writes ({@code stock_may_sell}); meaningless without a sellable quantity, 0 in
     *     Delta mode
     * @param bundle when Sync Products has found the variant to be a bundle's parent since the change was made (its
     *     SKU, else its product's title): Shopify computes its stock, so nothing is written ({@link #resolveBundles})
     * @param safetyStock the units its rule's buffer withholds and shows in Shopify's {@code safety_stock} state
     *     ({@code stock_level_safety_stock}; 0 when the buffer is hidden)
     * @param safetyShown the units of {@code safety_stock} the connector has put there so far
     */
    record Due(
            long id,
            String inventoryItemId,
            String locationId,
            long delta,
            long maySell,
            Long known,
            Timestamp firstChange,
            String bundle,
            long safetyStock,
            long safetyShown) {

        /** A due change of an ordinary variant (not a bundle's parent), no buffer shown as safety stock. */
        Due(long id, String inventoryItemId, String locationId, long delta, long maySell, Long known, Timestamp first) {
            this(id, inventoryItemId, locationId, delta, maySell, known, first, null, 0, 0);
        }

        /** What the level's safety_stock on Shopify must change by: the target less the connector's units there. */
        long safetyDelta() {
            return this.safetyStock - this.safetyShown;
        }
    }

    /** Locks the changes that {@code condition} selects (alias {@code c}) in {@link #LOCK_ORDER}. */
    private static void lockInOrder(Connection db, String condition, Object... parameters) throws SQLException {
        lockInOrder(db, (Map<String, Long>) null, condition, parameters);
    }

    /**
     * Locks as {@link #lockInOrder(Connection, String, Object...)} does and, when {@code idsByLevel} is given, keeps
     * the id of each locked change under its level ("item\nlocation").
     */
    private static void lockInOrder(Connection db, Map<String, Long> idsByLevel, String condition, Object... parameters)
            throws SQLException {
        try (PreparedStatement lock =
                db.prepareStatement("select c.id, c.inventory_item_id, c.location_id from stock_change c where "
                        + condition + " order by " + LOCK_ORDER + " for update of c")) {
            for (int i = 0; i < parameters.length; i++) {
                lock.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    if (idsByLevel != null) {
                        idsByLevel.put(rows.getString(2) + "\n" + rows.getString(3), rows.getLong(1));
                    }
                }
            }
        }
    }

    /**
     * Intake: absorbs the levels' new movements into their changes (sum of deltas, latest sellable by sequence), in
     * one statement and in the lock order; an idle change that is touched becomes due after the first-push delay,
     * or when the store's coalescing window since its last push closes.
     */
    static List<Level> absorb(Connection db, double delaySeconds, List<Absorption> levels) throws SQLException {
        int n = levels.size();
        Object[] stores = new Object[n];
        Object[] items = new Object[n];
        Object[] locations = new Object[n];
        Object[] products = new Object[n];
        Object[] warehouses = new Object[n];
        Object[] touches = new Object[n];
        Object[] deltas = new Object[n];
        Object[] sellables = new Object[n];
        Object[] sequences = new Object[n];
        for (int i = 0; i < n; i++) {
            Absorption a = levels.get(i);
            stores[i] = a.storeId();
            items[i] = a.inventoryItemId();
            locations[i] = a.locationId();
            products[i] = a.productId();
            warehouses[i] = a.warehouseId();
            touches[i] = a.touch();
            deltas[i] = a.delta();
            sellables[i] = a.sellable();
            sequences[i] = a.sequence();
        }
        List<Level> absorbed = new ArrayList<>();
        try (PreparedStatement upsert = db.prepareStatement(ABSORB)) {
            upsert.setDouble(1, delaySeconds);
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
                    absorbed.add(new Level(
                            rows.getLong(1),
                            rows.getLong(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getBoolean(5)));
                }
            }
        }
        return absorbed;
    }

    /**
     * Intake, Delta mode: levels whose row the intake just made (locked by it) start from what their rule shows
     * instead of the WMS quantity Shopify was left with (change id → {@code stock_shown(before) − before}).
     */
    static void shiftToRule(Connection db, Map<Long, Long> shifts) throws SQLException {
        try (PreparedStatement shift = db.prepareStatement("update stock_change set delta = delta + ? where id = ?")) {
            for (Map.Entry<Long, Long> level : new TreeMap<>(shifts).entrySet()) {
                shift.setLong(1, level.getValue());
                shift.setLong(2, level.getKey());
                shift.addBatch();
            }
            shift.executeBatch();
        }
    }

    /**
     * Intake: which movements each change absorbed (pairs of equal length); a push links them to itself. The
     * movements are the call's new ones and each change is one level once, so no pair is there already (V133 relies
     * on it: the links' keys are not checked row by row).
     */
    static void linkMovements(Connection db, List<Object> movements, List<Object> changes) throws SQLException {
        try (PreparedStatement link = db.prepareStatement("insert into stock_movement_target (movement_id, change_id) "
                + "select * from unnest(?::bigint[], ?::bigint[])")) {
            link.setArray(1, db.createArrayOf("bigint", movements.toArray()));
            link.setArray(2, db.createArrayOf("bigint", changes.toArray()));
            link.executeUpdate();
        }
    }

    /**
     * Order demand: the store's unallocated units at these levels changed by these amounts ("item\nlocation" →
     * change, sorted: the key order). In Absolute mode the level's change is due, and a rise first explains
     * Shopify-side drops noticed without their order ({@code unexplained}); what it does not explain is kept as
     * {@code explained_ahead}, for the reads to come: a sale is never subtracted twice, whichever comes first. The
     * two are the halves of one balance (known orders' units less drops found), which only this and a read of a
     * stale level change. A fall (the WMS took an order on) changes neither: that order's drop may not be found yet.
     */
    static void demandChanged(Connection db, long storeId, SortedMap<String, Long> changes, double delaySeconds)
            throws SQLException {
        try (PreparedStatement due = db.prepareStatement("""
                update stock_change c set
                    unexplained = least(0, c.unexplained + greatest(0, ?)),
                    explained_ahead = c.explained_ahead + greatest(0, greatest(0, ?) + c.unexplained),
                """ + CHANGED_AGAIN + """
                from stock_policy sp
                where sp.store_id = c.store_id and c.store_id = ? and c.inventory_item_id = ? and c.location_id = ?
                    and sp.sync_enabled and sp.sync_mode = 'ABSOLUTE' and c.sellable is not null
                """)) {
            for (Map.Entry<String, Long> level : changes.entrySet()) {
                if (level.getValue() == 0) {
                    continue;
                }
                String[] key = level.getKey().split("\n", 2);
                due.setLong(1, level.getValue());
                due.setLong(2, level.getValue());
                due.setDouble(3, delaySeconds);
                due.setLong(4, storeId);
                due.setString(5, key[0]);
                due.setString(6, key[1]);
                due.addBatch();
            }
            due.executeBatch();
        }
    }

    /**
     * The kits' levels of the store whose availability an order's demand moves (alias {@code c}): kits holding a
     * product of the order's lines (parameters: store, items, locations) or a component whose kit demand changed
     * (products, locations).
     */
    private static final String KITS_OF_DEMAND = """
            (c.product_id, c.location_id) in (select kc.kit_product_id, d.location
                from (select v.product_id as product, t.location from unnest(?::varchar[], ?::varchar[])
                        as t(item, location)
                    join store_variant_mapping v on v.store_id = ? and v.inventory_item_id = t.item
                    union select * from unnest(?::bigint[], ?::varchar[])) as d(product, location)
                join kit_component kc on kc.component_product_id = d.product)
            """;

    /** The parameters of {@link #KITS_OF_DEMAND}: store, "item\nlocation" levels, "product\nlocation" levels. */
    private static Object[] kitsOfDemand(
            Connection db, long storeId, Collection<String> itemLevels, Collection<String> productLevels)
            throws SQLException {
        List<Object> items = new ArrayList<>();
        List<Object> itemLocations = new ArrayList<>();
        for (String level : itemLevels) {
            String[] key = level.split("\n", 2);
            items.add(key[0]);
            itemLocations.add(key[1]);
        }
        List<Object> products = new ArrayList<>();
        List<Object> productLocations = new ArrayList<>();
        for (String level : productLevels) {
            String[] key = level.split("\n", 2);
            products.add(Long.valueOf(key[0]));
            productLocations.add(key[1]);
        }
        return new Object[] {
            db.createArrayOf("varchar", items.toArray()),
            db.createArrayOf("varchar", itemLocations.toArray()),
            storeId,
            db.createArrayOf("bigint", products.toArray()),
            db.createArrayOf("varchar", productLocations.toArray())
        };
    }

    /**
     * Order demand with kits: locks, in the lock order, every level the demand moves: the order's own lines'
     * ("item\nlocation"), the components' whose kit demand changed ("product\nlocation") and the kits' made of
     * either, before {@link #demandChanged} and {@link #kitDemandChanged} update them.
     */
    static void lockDemandLevels(
            Connection db, long storeId, Collection<String> itemLevels, Collection<String> productLevels)
            throws SQLException {
        Object[] kits = kitsOfDemand(db, storeId, itemLevels, productLevels);
        Object[] parameters = new Object[1 + kits.length + 4];
        parameters[0] = storeId;
        System.arraycopy(kits, 0, parameters, 1, kits.length);
        parameters[1 + kits.length] = kits[0];
        parameters[2 + kits.length] = kits[1];
        parameters[3 + kits.length] = kits[3];
        parameters[4 + kits.length] = kits[4];
        // The kits', then the lines' (item and location), then the components' (product and location).
        lockInOrder(db, "c.store_id = ? and (" + KITS_OF_DEMAND + """
                    or (c.inventory_item_id, c.location_id) in (select * from unnest(?::varchar[], ?::varchar[]))
                    or (c.product_id, c.location_id) in (select * from unnest(?::bigint[], ?::varchar[])))
                """, parameters);
    }

    /**
     * Order demand of kits (issue #18): a kit line is demand for its components, which Shopify did not take off
     * sale (it lowered the kit's own level only). The components' levels whose kit demand changed ("product\nlocation"
     * → change in units) are due: Absolute mode recomputes them; Delta mode takes a rise off what the store is shown
     * (the WMS's allocation naming the order is then not pushed again, as for any order of the store). In Absolute
     * mode the kits made of a product whose demand changed (the order's own lines included) are due too. The levels
     * are locked already ({@link #lockDemandLevels}).
     */
    static void kitDemandChanged(
            Connection db, long storeId, Collection<String> itemLevels, Map<String, Long> kitChanges, double delay)
            throws SQLException {
        List<Object> products = new ArrayList<>();
        List<Object> locations = new ArrayList<>();
        List<Object> changes = new ArrayList<>();
        kitChanges.forEach((level, change) -> {
            if (change != 0) {
                String[] key = level.split("\n", 2);
                products.add(Long.valueOf(key[0]));
                locations.add(key[1]);
                changes.add(change);
            }
        });
        if (!products.isEmpty()) {
            try (PreparedStatement components = db.prepareStatement("""
                    update stock_change c set
                        delta = c.delta + case when sp.sync_mode = 'DELTA'
                            then stock_shown(c.sellable - t.change, stock_rule_of(c.store_id, c.product_id,
                                c.location_id)) - stock_shown(c.sellable, stock_rule_of(c.store_id, c.product_id,
                                c.location_id))
                            else 0 end,
                    """ + CHANGED_AGAIN + """
                    from stock_policy sp, unnest(?::bigint[], ?::varchar[], ?::bigint[]) as t(product, location, change)
                    where sp.store_id = c.store_id and sp.sync_enabled and c.store_id = ? and c.product_id = t.product
                        and c.location_id = t.location and c.sellable is not null
                        and (sp.sync_mode = 'ABSOLUTE' or t.change > 0)
                    """)) {
                components.setDouble(1, delay);
                components.setArray(2, db.createArrayOf("bigint", products.toArray()));
                components.setArray(3, db.createArrayOf("varchar", locations.toArray()));
                components.setArray(4, db.createArrayOf("bigint", changes.toArray()));
                components.setLong(5, storeId);
                components.executeUpdate();
            }
        }
        Object[] kits = kitsOfDemand(db, storeId, itemLevels, kitChanges.keySet());
        try (PreparedStatement due =
                db.prepareStatement("update stock_change c set " + CHANGED_AGAIN + """
                from stock_policy sp
                where sp.store_id = c.store_id and sp.sync_enabled and sp.sync_mode = 'ABSOLUTE' and c.store_id = ?
                    and c.sellable is not null and
                """ + KITS_OF_DEMAND)) {
            due.setDouble(1, delay);
            due.setLong(2, storeId);
            for (int i = 0; i < kits.length; i++) {
                due.setObject(3 + i, kits[i]);
            }
            due.executeUpdate();
        }
    }

    /** A Shopify restock: marks its Absolute levels to be read again and makes them due; answers how many. */
    static int markToReadAgain(Connection db, ShopifyRestock restock, double delaySeconds) throws SQLException {
        String levels = """
                c.store_id = ? and c.location_id = ? and c.sellable is not null
                    and c.state in ('IDLE', 'PENDING', 'PUSHING')
                    and c.inventory_item_id in (select v.inventory_item_id from store_variant_mapping v
                        join product_code p on p.product_id = v.product_id
                        where v.store_id = c.store_id and p.code = any(?) and v.inventory_item_id is not null)
                """;
        java.sql.Array codes =
                db.createArrayOf("varchar", restock.productCodes().toArray());
        // Several levels, which intake may be recording movements of.
        lockInOrder(db, levels, restock.storeId(), restock.locationId(), codes);
        try (PreparedStatement due = db.prepareStatement("""
                update stock_change c set reread = true,
                """ + CHANGED_AGAIN + """
                from stock_policy sp
                where sp.store_id = c.store_id and sp.sync_enabled and sp.sync_mode = 'ABSOLUTE' and
                """ + levels)) {
            due.setDouble(1, delaySeconds);
            due.setLong(2, restock.storeId());
            due.setString(3, restock.locationId());
            due.setArray(4, codes);
            return due.executeUpdate();
        }
    }

    /**
     * Absolute changes that are due but whose Shopify quantity is unknown, was found stale, or is known to be lower
     * than last seen: known orders owe drops not found yet ({@code explained_ahead}), so what the connector last saw
     * is not what Shopify holds (at most 250). Before issue #18 such a level whose new target equalled the old
     * figure (a sale and a receipt) was left idle, never written, and Shopify kept the sale's drop.
     */
    static List<LevelToRead> toRead(Connection db, long storeId) throws SQLException {
        List<LevelToRead> levels = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("""
                select id, inventory_item_id, location_id, explained_ahead from stock_change
                where store_id = ? and state = 'PENDING' and due_at <= now() and sellable is not null
                    and (shopify_known is null or reread or explained_ahead > 0)
                    and not exists (select 1 from store_bundle_item b where b.store_id = stock_change.store_id
                        and b.inventory_item_id = stock_change.inventory_item_id)
                order by location_id, id limit 250
                """)) {
            select.setLong(1, storeId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    levels.add(new LevelToRead(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getLong(4)));
                }
            }
        }
        return levels;
    }

    /**
     * What Shopify holds now for levels that were read (see {@link PushRecords#levelsRead}); a level not stocked at
     * its location (null) is parked with the reason. The drop a read of a known level finds is taken from its
     * balance (known orders' units less drops found): the units owed when the read was decided ({@code owed}) are
     * all in it (their sales came first), so whatever the drop does not cover of them was no sale (a cancellation, a
     * restock) and lapses; a drop beyond them is explained by orders that arrived while the read was under way, and
     * what remains is unexplained; those orders' units the drop does not cover stay owed (their sales may have come
     * after the read). Before issue #18 those were forgotten, and their sales later subtracted twice. A first read
     * is the baseline: every earlier sale is in it.
     *
     * @param owed per change id, its {@code explained_ahead} when the read was decided (absent: 0)
     */
    static void levelsRead(Connection db, Map<Long, Long> available, Map<Long, Long> owed) throws SQLException {
        lockInOrder(
                db,
                "c.id = any(?) and c.state = 'PENDING'",
                db.createArrayOf("bigint", available.keySet().toArray()));
        try (PreparedStatement known = db.prepareStatement("""
                update stock_change set
                    unexplained = case when shopify_known is null then unexplained
                        else least(0, least(0, unexplained + least(?, explained_ahead)
                            - greatest(0, shopify_known - ?)) + explained_ahead - least(?, explained_ahead)) end,
                    explained_ahead = case when shopify_known is null then explained_ahead - least(?, explained_ahead)
                        else greatest(0, least(0, unexplained + least(?, explained_ahead)
                            - greatest(0, shopify_known - ?)) + explained_ahead - least(?, explained_ahead)) end,
                    shopify_known = ?, reread = false, updated_at = now()
                where id = ? and state = 'PENDING'
                """);
                PreparedStatement missing = db.prepareStatement("""
                        update stock_change set state = 'FAILED', reason = 'The inventory item is not stocked at '
                            || 'this location on Shopify: activate it there (or unmap the variant), then retry.',
                            updated_at = now()
                        where id = ? and state = 'PENDING'
                        """)) {
            for (Map.Entry<Long, Long> level : available.entrySet()) {
                if (level.getValue() == null) {
                    missing.setLong(1, level.getKey());
                    missing.addBatch();
                } else {
                    long asked = owed.getOrDefault(level.getKey(), 0L);
                    long read = level.getValue();
                    long[] values = {asked, read, asked, asked, asked, read, asked, read, level.getKey()};
                    for (int i = 0; i < values.length; i++) {
                        known.setLong(i + 1, values[i]);
                    }
                    known.addBatch();
                }
            }
            known.executeBatch();
            missing.executeBatch();
        }
    }

    /**
     * Claims up to {@code limit} due changes of the store not claimed by anyone else ({@code SKIP LOCKED}), with
     * what Absolute mode would write (the one availability calculation, {@code stock_may_sell}); in Absolute mode
     * only those whose Shopify quantity is known and fresh (no known order owes a drop not found yet). A change of
     * an item Sync Products has since found to be a bundle's parent is claimed whatever its mode and Shopify
     * quantity, marked {@link Due#bundle}, for the caller to resolve without writing it (it is never read either).
     */
    static List<Due> claimDue(Connection db, long storeId, boolean absolute, int limit) throws SQLException {
        List<Due> due = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("""
                select c.id, c.inventory_item_id, c.location_id, c.delta, c.shopify_known, c.first_change_at,
                    case when ? then stock_level_may_sell(c.store_id, c.inventory_item_id, c.product_id,
                        c.location_id, c.warehouse_id, c.sellable, c.unexplained) else 0 end, b.name,
                    stock_level_safety_stock(c.store_id, c.inventory_item_id, c.product_id, c.location_id,
                        c.sellable, c.unexplained, ?), c.safety_shown
                from stock_change c
                left join lateral (select coalesce(nullif(b.sku, ''), b.product_title) as name
                    from store_bundle_item b where b.store_id = c.store_id
                        and b.inventory_item_id = c.inventory_item_id limit 1) b on true
                where c.store_id = ? and c.state = 'PENDING' and c.due_at <= now()
                    and (not ? or b.name is not null or (c.sellable is not null and c.shopify_known is not null
                        and not c.reread and c.explained_ahead = 0))
                order by c.due_at, c.id limit ? for update of c skip locked
                """)) {
            // Delta mode writes no quantity: the calculation is left out of its claims.
            select.setBoolean(1, absolute);
            select.setBoolean(2, absolute);
            select.setLong(3, storeId);
            select.setBoolean(4, absolute);
            select.setInt(5, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(new Due(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getLong(4),
                            rows.getLong(7),
                            (Long) rows.getObject(5),
                            rows.getTimestamp(6),
                            rows.getString(8),
                            rows.getLong(9),
                            rows.getLong(10)));
                }
            }
        }
        return due;
    }

    /**
     * Changes of items that Sync Products has found to be a bundle's parent since they were made (issue #18): Shopify
     * computes a bundle's stock from its components' and refuses every write to it, so they go idle, resolved, with
     * nothing pushed and their delta dropped. Either the claimed changes given ({@code ids}, already locked by the
     * claim) or, when {@code ids} is null, the parked ones (state FAILED) of the store (of every store when null),
     * which the caller has locked in the lock order.
     *
     * @return per store, the bundles' names (SKU, else product title) of the changes resolved
     */
    static Map<Long, List<String>> resolveBundles(Connection db, List<Long> ids, Long storeId) throws SQLException {
        Map<Long, List<String>> resolved = new TreeMap<>();
        if (ids != null && ids.isEmpty()) {
            return resolved;
        }
        try (PreparedStatement resolve = db.prepareStatement("""
                update stock_change c set state = 'IDLE', due_at = null, first_change_at = null, delta = 0,
                    reason = null, updated_at = now()
                from store_bundle_item b
                where b.store_id = c.store_id and b.inventory_item_id = c.inventory_item_id and
                """
                + (ids == null ? " c.state = 'FAILED' and (?::bigint is null or c.store_id = ?)" : " c.id = any(?)")
                + " returning c.store_id, coalesce(nullif(b.sku, ''), b.product_title)")) {
            if (ids == null) {
                resolve.setObject(1, storeId);
                resolve.setObject(2, storeId);
            } else {
                resolve.setArray(1, db.createArrayOf("bigint", ids.toArray()));
            }
            try (ResultSet rows = resolve.executeQuery()) {
                while (rows.next()) {
                    resolved.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>())
                            .add(rows.getString(2));
                }
            }
        }
        return resolved;
    }

    /** Claimed changes with nothing to write go idle (in Absolute mode their delta, which it never sends, too). */
    static void idle(Connection db, List<Long> ids, boolean absolute) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        // One statement for the batch: the rows are the claim's, already locked.
        try (PreparedStatement rest = db.prepareStatement("update stock_change set state = 'IDLE', due_at = null, "
                + "first_change_at = null, delta = case when ? then 0 else delta end, updated_at = now() "
                + "where id = any(?)")) {
            rest.setBoolean(1, absolute);
            rest.setArray(2, db.createArrayOf("bigint", ids.toArray()));
            rest.executeUpdate();
        }
    }

    /** Claimed changes parked with their reasons (change id → reason). */
    static void park(Connection db, Map<Long, String> reasons) throws SQLException {
        if (reasons.isEmpty()) {
            return;
        }
        try (PreparedStatement park = db.prepareStatement("update stock_change c set state = 'FAILED', "
                + "reason = t.reason, updated_at = now() from unnest(?::bigint[], ?::varchar[]) as t(id, reason) "
                + "where c.id = t.id")) {
            park.setArray(1, db.createArrayOf("bigint", reasons.keySet().toArray()));
            park.setArray(2, db.createArrayOf("varchar", reasons.values().toArray()));
            park.executeUpdate();
        }
    }

    /**
     * Claimed changes go into a push, each at its position in the input, carrying its delta (and in Absolute mode
     * the quantity written); the movements they absorbed so far are the push's. One statement for the batch (the
     * rows are the claim's, already locked), not one per change.
     *
     * @param entries the claimed changes in input order, with the quantity written (0 in Delta mode)
     */
    static void bind(Connection db, long pushId, List<Due> entries, boolean absolute) throws SQLException {
        bind(db, pushId, entries, absolute, Map.of());
    }

    /**
     * As {@link #bind(Connection, long, List, boolean)}, with the {@code safety_stock} targets the push's second
     * mutation writes (change id → target; the others carry none).
     */
    static void bind(Connection db, long pushId, List<Due> entries, boolean absolute, Map<Long, Long> safety)
            throws SQLException {
        int n = entries.size();
        Object[] ids = new Object[n];
        Object[] positions = new Object[n];
        Object[] carried = new Object[n];
        Object[] quantities = new Object[n];
        Object[] safetyTargets = new Object[n];
        for (int i = 0; i < n; i++) {
            Due row = entries.get(i);
            ids[i] = row.id();
            positions[i] = i;
            carried[i] = row.delta();
            quantities[i] = absolute ? row.maySell() : 0L;
            safetyTargets[i] = safety.get(row.id());
        }
        try (PreparedStatement bind = db.prepareStatement("""
                update stock_change c set state = 'PUSHING', push_id = ?, in_push_position = t.position,
                    in_push_delta = t.carried, in_push_quantity = t.quantity, in_push_generation = c.generation,
                    in_push_safety = t.safety, delta = c.delta - t.carried, reason = null, updated_at = now()
                from unnest(?::bigint[], ?::integer[], ?::bigint[], ?::bigint[], ?::bigint[])
                    as t(id, position, carried, quantity, safety)
                where c.id = t.id
                """)) {
            bind.setLong(1, pushId);
            bind.setArray(2, db.createArrayOf("bigint", ids));
            bind.setArray(3, db.createArrayOf("integer", positions));
            bind.setArray(4, db.createArrayOf("bigint", carried));
            bind.setArray(5, db.createArrayOf("bigint", quantities));
            bind.setArray(6, db.createArrayOf("bigint", safetyTargets));
            bind.executeUpdate();
        }
        try (PreparedStatement link = db.prepareStatement(
                "update stock_movement_target set push_id = ? " + "where change_id = any(?) and push_id is null")) {
            link.setLong(1, pushId);
            link.setArray(2, db.createArrayOf("bigint", ids));
            link.executeUpdate();
        }
    }

    /**
     * Locks a push's changes, and those of the levels given ("item\nlocation" of the store), in the lock order,
     * before they are updated: an update by push id would take them in the table's order and could deadlock with a
     * call recording movements of the same items.
     */
    static void lockPush(Connection db, long pushId, Long storeId, Collection<String> levels) throws SQLException {
        lockPush(db, pushId, storeId, levels, null);
    }

    /** As {@link #lockPush(Connection, long, Long, Collection)}, keeping each locked change's id by its level. */
    private static void lockPush(
            Connection db, long pushId, Long storeId, Collection<String> levels, Map<String, Long> idsByLevel)
            throws SQLException {
        List<String> items = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        for (String level : levels) {
            String[] key = level.split("\n", 2);
            items.add(key[0]);
            locations.add(key[1]);
        }
        // Through the indexes (the push's, and the level's unique key, one probe per level; offset 0 keeps the probe
        // from being planned as a join) into an array of ids read by the primary key: a condition on the joined key,
        // or a semi-join on the ids, read every level of the store for each push (100 000 at a full recount).
        lockInOrder(
                db,
                idsByLevel,
                """
                c.id = any(array(select s.id from stock_change s where s.push_id = ?
                    union all select x.id from unnest(?::varchar[], ?::varchar[]) as t(item, location)
                    cross join lateral (select s.id from stock_change s where s.store_id = ?
                        and s.inventory_item_id = t.item and s.location_id = t.location offset 0) x))
                """,
                pushId,
                db.createArrayOf("varchar", items.toArray()),
                db.createArrayOf("varchar", locations.toArray()),
                storeId);
    }

    /**
     * Shopify applied the push: its changes learn what Shopify now holds; those that absorbed movements meanwhile
     * are due when the store's window since now closes; the store's other levels the write changed learn it too.
     * The orders' units still owed a drop ({@code explained_ahead}) are kept: the write's compare-and-set proves
     * nothing was sold between the connector's last knowledge and the write, so those sales are still to be found
     * (before issue #18 they were forgotten here, when the order arrived while the write was under way).
     */
    static void pushApplied(Connection db, long pushId, long storeId, Map<String, Long> after) throws SQLException {
        pushApplied(db, pushId, storeId, after, false);
    }

    /**
     * As {@link #pushApplied(Connection, long, long, Map)}; {@code safetyApplied}: Shopify applied the push's
     * {@code safety_stock} part too, so its changes now have their targets there.
     */
    static void pushApplied(Connection db, long pushId, long storeId, Map<String, Long> after, boolean safetyApplied)
            throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        lockPush(db, pushId, storeId, after.keySet(), ids);
        // What the write reported, by the ids locked above: a join on the levels' key made PostgreSQL read every level
        // of the store for each push (a fifth of a second per push at 100 000 levels).
        List<Object> changeIds = new ArrayList<>();
        List<Object> quantities = new ArrayList<>();
        for (Map.Entry<String, Long> level : after.entrySet()) {
            Long id = ids.get(level.getKey());
            if (id != null) {
                changeIds.add(id);
                quantities.add(level.getValue());
            }
        }
        Array reportedIds = db.createArrayOf("bigint", changeIds.toArray());
        Array reportedQuantities = db.createArrayOf("bigint", quantities.toArray());
        if (!changeIds.isEmpty()) {
            // The store's other levels the write changed (in no push): before the push's own are released below.
            try (PreparedStatement known = db.prepareStatement("""
                    update stock_change c set shopify_known = t.quantity
                    from unnest(?::bigint[], ?::bigint[]) as t(id, quantity)
                    where c.id = t.id and c.push_id is null
                    """)) {
                known.setArray(1, reportedIds);
                known.setArray(2, reportedQuantities);
                known.executeUpdate();
            }
        }
        // The push's own levels, each updated once: what the write reported, else what the push wrote.
        try (PreparedStatement rows = db.prepareStatement("""
                update stock_change c set push_id = null, last_pushed_at = now(), reason = null,
                    safety_shown = case when ? and c.in_push_safety is not null then c.in_push_safety
                        else c.safety_shown end,
                    in_push_safety = null,
                    shopify_known = case when r.quantity is not null then r.quantity
                        when p.mode = 'ABSOLUTE' then c.in_push_quantity
                        when c.shopify_known is not null then c.shopify_known + c.in_push_delta end,
                    state = case when c.generation > c.in_push_generation or c.delta <> 0 then 'PENDING'
                        else 'IDLE' end,
                    due_at = case when c.generation > c.in_push_generation or c.delta <> 0
                        then now() + make_interval(secs => sp.coalescing_window_seconds) end,
                    first_change_at = case when c.generation > c.in_push_generation or c.delta <> 0
                        then now() end,
                    updated_at = now()
                from stock_push p, stock_policy sp,
                    (select s.id, t.quantity from stock_change s
                        left join unnest(?::bigint[], ?::bigint[]) as t(id, quantity) on t.id = s.id
                        where s.push_id = ?) r
                where r.id = c.id and p.id = c.push_id and sp.store_id = c.store_id and c.push_id = ?
                """)) {
            rows.setBoolean(1, safetyApplied);
            rows.setArray(2, reportedIds);
            rows.setArray(3, reportedQuantities);
            rows.setLong(4, pushId);
            rows.setLong(5, pushId);
            rows.executeUpdate();
        }
    }

    /**
     * Shopify refused the push (nothing written): the entries it named (all when none is named) are parked with its
     * message, the others are due again; every change takes back the delta it carried.
     */
    static void pushRefused(Connection db, long pushId, Map<Integer, String> refusedPositions, String reason)
            throws SQLException {
        pushRefused(db, pushId, refusedPositions, reason, false);
    }

    /** As {@link #pushRefused(Connection, long, Map, String)}, with the outcome of the push's safety_stock part. */
    static void pushRefused(
            Connection db, long pushId, Map<Integer, String> refusedPositions, String reason, boolean safetyApplied)
            throws SQLException {
        lockPush(db, pushId, null, List.of());
        try (PreparedStatement rows = db.prepareStatement("""
                update stock_change set push_id = null, delta = delta + in_push_delta, updated_at = now(),
                    safety_shown = case when ? and in_push_safety is not null then in_push_safety
                        else safety_shown end,
                    in_push_safety = null,
                    state = case when ? or in_push_position = any(?) then 'FAILED' else 'PENDING' end,
                    reason = case when ? then ? else ?::jsonb ->> in_push_position::text end,
                    due_at = now()
                where push_id = ?
                """)) {
            boolean all = refusedPositions.isEmpty();
            rows.setBoolean(1, safetyApplied);
            rows.setBoolean(2, all);
            rows.setArray(
                    3, db.createArrayOf("integer", refusedPositions.keySet().toArray()));
            rows.setBoolean(4, all);
            rows.setString(5, reason);
            var messages = Json.createObjectBuilder();
            refusedPositions.forEach((position, message) -> messages.add(String.valueOf(position), message));
            rows.setString(6, messages.build().toString());
            rows.setLong(7, pushId);
            rows.executeUpdate();
        }
    }

    /**
     * Nothing of the push was written: its changes take back their deltas and are due at once (to be read again
     * first when {@code reread}: Shopify's quantity was stale).
     */
    static void pushReleased(Connection db, long pushId, boolean reread) throws SQLException {
        pushReleased(db, pushId, reread, false);
    }

    /** As {@link #pushReleased(Connection, long, boolean)}, with the outcome of the push's safety_stock part. */
    static void pushReleased(Connection db, long pushId, boolean reread, boolean safetyApplied) throws SQLException {
        lockPush(db, pushId, null, List.of());
        try (PreparedStatement rows = db.prepareStatement("update stock_change set push_id = null, "
                + "delta = delta + in_push_delta, updated_at = now(), state = 'PENDING', due_at = now(), "
                + "safety_shown = case when ? and in_push_safety is not null then in_push_safety "
                + "else safety_shown end, in_push_safety = null"
                + (reread ? ", reread = true" : "") + " where push_id = ?")) {
            rows.setBoolean(1, safetyApplied);
            rows.setLong(2, pushId);
            rows.executeUpdate();
        }
    }

    /**
     * The admin retries the parked changes (of one store, or all when null): due at once, in a new push; except the
     * changes of items now known as a bundle's parent, which are resolved, not retried ({@link #resolveBundles}),
     * their bundles' names added to {@code bundles} per store.
     */
    static int retryFailed(Connection db, Long storeId, Map<Long, List<String>> bundles) throws SQLException {
        lockInOrder(db, "c.state = 'FAILED' and (?::bigint is null or c.store_id = ?)", storeId, storeId);
        bundles.putAll(resolveBundles(db, null, storeId));
        try (PreparedStatement changes = db.prepareStatement("update stock_change set state = 'PENDING', "
                + "due_at = now(), reason = null, updated_at = now() where state = 'FAILED' "
                + "and (?::bigint is null or store_id = ?)")) {
            changes.setObject(1, storeId);
            changes.setObject(2, storeId);
            return changes.executeUpdate();
        }
    }

    /**
     * The admin's retry of the chosen parked changes (the Stock page's selection): those of {@code ids} still parked
     * are locked in the lock order and set to go out again, or resolved when their item is now a bundle's parent
     * (as {@link #retryFailed(Connection, Long, Map)} does for a whole store).
     */
    static int retryFailed(Connection db, List<Long> ids, Map<Long, List<String>> bundles) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        Map<String, Long> locked = new java.util.HashMap<>();
        lockInOrder(db, locked, "c.state = 'FAILED' and c.id = any(?)", db.createArrayOf("bigint", ids.toArray()));
        List<Long> parked = new ArrayList<>(locked.values());
        if (parked.isEmpty()) {
            return 0;
        }
        bundles.putAll(resolveBundles(db, parked, null));
        try (PreparedStatement changes = db.prepareStatement("update stock_change set state = 'PENDING', "
                + "due_at = now(), reason = null, updated_at = now() where state = 'FAILED' and id = any(?)")) {
            changes.setArray(1, db.createArrayOf("bigint", parked.toArray()));
            return changes.executeUpdate();
        }
    }

    /**
     * Reconciliation: what Shopify should hold at a level, given the WMS's sellable quantity there (the one
     * availability calculation, with the drops seen on Shopify that no known order explains yet); null while a push
     * of the level is under way (its outcome decides).
     */
    static Long expected(Connection db, long storeId, String item, String location, long sellable) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                select stock_level_may_sell(?, ?, (select v.product_id from store_variant_mapping v
                        where v.store_id = ? and v.inventory_item_id = ? limit 1), ?,
                    (select l.warehouse_id from store_location_mapping l where l.store_id = ? and l.location_id = ?),
                    ?, coalesce(c.unexplained, 0)), c.state
                from (select 1) one left join stock_change c on c.store_id = ? and c.inventory_item_id = ?
                    and c.location_id = ?
                """)) {
            query.setLong(1, storeId);
            query.setString(2, item);
            query.setLong(3, storeId);
            query.setString(4, item);
            query.setString(5, location);
            query.setLong(6, storeId);
            query.setString(7, location);
            query.setLong(8, sellable);
            query.setLong(9, storeId);
            query.setString(10, item);
            query.setString(11, location);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return "PUSHING".equals(row.getString(2)) ? null : row.getLong(1);
            }
        }
    }

    /** Reconciliation, Absolute mode: the level's change is due with Shopify's quantity as compare-and-set value. */
    static boolean correct(
            Connection db,
            long storeId,
            String item,
            String location,
            long productId,
            long warehouseId,
            long sellable,
            long shopify)
            throws SQLException {
        try (PreparedStatement upsert = db.prepareStatement("""
                insert into stock_change (store_id, inventory_item_id, location_id, product_id, warehouse_id, state,
                    sellable, sellable_sequence, shopify_known, generation, due_at, first_change_at, updated_at)
                values (?, ?, ?, ?, ?, 'PENDING', ?, (select sequence from stock_level where product_id = ?
                    and warehouse_id = ?), ?, 1, now(), now(), now())
                on conflict (store_id, inventory_item_id, location_id) do update set
                    shopify_known = excluded.shopify_known, explained_ahead = 0, reread = false,
                    sellable = excluded.sellable, sellable_sequence = excluded.sellable_sequence,
                    generation = stock_change.generation + 1, state = 'PENDING', due_at = now(),
                    first_change_at = coalesce(stock_change.first_change_at, now()), updated_at = now()
                where stock_change.state in ('IDLE', 'PENDING')
                """)) {
            upsert.setLong(1, storeId);
            upsert.setString(2, item);
            upsert.setString(3, location);
            upsert.setLong(4, productId);
            upsert.setLong(5, warehouseId);
            upsert.setLong(6, sellable);
            upsert.setLong(7, productId);
            upsert.setLong(8, warehouseId);
            upsert.setLong(9, shopify);
            return upsert.executeUpdate() == 1;
        }
    }

    /** A rule change: locks the store's levels the WMS has reported, in the lock order, before they are compared. */
    static void lockLevels(Connection db, long storeId) throws SQLException {
        lockInOrder(db, "c.store_id = ? and c.sellable is not null", storeId);
    }

    /**
     * A rule change: these levels (locked by {@link #lockLevels}) are published differently now and are due, as
     * any change (coalesced, paced). Delta mode adds what the store is shown now less what it was shown before
     * ({@code stock_shown}, change id → before); Absolute mode recomputes when it claims the level.
     */
    static void rulesChanged(Connection db, Map<Long, Long> shownBefore, double delaySeconds) throws SQLException {
        try (PreparedStatement due = db.prepareStatement("""
                update stock_change c set
                    delta = c.delta + case when sp.sync_mode = 'DELTA'
                        then stock_level_shown(c.store_id, c.product_id, c.location_id, c.warehouse_id, c.sellable) - ?
                        else 0 end,
                """ + CHANGED_AGAIN + """
                from stock_policy sp
                where sp.store_id = c.store_id and c.id = ? and sp.sync_enabled
                """)) {
            for (Map.Entry<Long, Long> level : new TreeMap<>(shownBefore).entrySet()) {
                due.setLong(1, level.getValue());
                due.setDouble(2, delaySeconds);
                due.setLong(3, level.getKey());
                due.addBatch();
            }
            due.executeBatch();
        }
    }
}
