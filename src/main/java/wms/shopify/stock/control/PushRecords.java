package wms.shopify.stock.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import wms.shopify.stock.entity.LevelToRead;
import wms.shopify.stock.entity.OpenPush;

/**
 * The pushes' bookkeeping, each step one short transaction: a push is prepared (due changes of one store claimed
 * with {@code FOR UPDATE SKIP LOCKED}, its input and idempotency key stored) and committed before it is sent;
 * its outcome then moves the changes on. A push being sent is leased to one instance; an expired lease (a crash,
 * a kill) lets any instance send it again, with the same key and input, so Shopify applies it at most once.
 */
@ApplicationScoped
public class PushRecords {

    private static final Logger LOG = Logger.getLogger(PushRecords.class.getName());

    /** The "available" quantity name and the reason the pushes give Shopify. */
    public static final String QUANTITY_NAME = "available";
    public static final String REASON = "correction";
    /** Where a push's movements are listed: this URI with the push id, answered by GET /api/v1/stock/pushes/{id}. */
    public static final String REFERENCE_PREFIX = "gid://wms-shopify-connector/StockPush/";

    @Resource(lookup = "jdbc/wms")
    DataSource dataSource;

    /**
     * Stores with due changes or pushes to (re)send, and stock sync on (pushes already decided go out anyway); none
     * while the Shopify plugin is not active (Plugins page): movements keep being recorded and go out once it is.
     */
    public List<Long> storesWithWork() {
        return longs("""
                select c.store_id from stock_change c join store s on s.id = c.store_id
                    join stock_policy sp on sp.store_id = c.store_id
                where c.state = 'PENDING' and c.due_at <= now() and sp.sync_enabled and s.status = 'CONNECTED'
                    and exists (select 1 from plugin where code = 'shopify' and active)
                union
                select p.store_id from stock_push p join store s on s.id = p.store_id
                where p.state = 'SENDING' and p.next_attempt_at <= now()
                    and (p.lease_until is null or p.lease_until < now()) and s.status = 'CONNECTED'
                    and exists (select 1 from plugin where code = 'shopify' and active)
                """, null);
    }

    /** Takes a push of the store that is due to be (re)sent and not leased to anyone, if there is one. */
    @Transactional
    public Optional<OpenPush> claimOpen(long storeId, int leaseSeconds) {
        return query(db -> {
            try (PreparedStatement claim = db.prepareStatement("""
                    update stock_push set attempts = attempts + 1, lease_until = now() + make_interval(secs => ?)
                    where id = (select id from stock_push where store_id = ? and state = 'SENDING'
                        and next_attempt_at <= now() and (lease_until is null or lease_until < now())
                        order by id limit 1 for update skip locked)
                    returning id, store_id, mode, idempotency_key, payload, quantities, attempts, oldest_change_at
                    """)) {
                claim.setInt(1, leaseSeconds);
                claim.setLong(2, storeId);
                try (ResultSet row = claim.executeQuery()) {
                    return row.next() ? Optional.of(push(row)) : Optional.empty();
                }
            }
        });
    }

    /** Absolute changes that are due but whose Shopify quantity is unknown or was found stale. */
    @Transactional
    public List<LevelToRead> levelsToRead(long storeId) {
        return query(db -> {
            List<LevelToRead> levels = new ArrayList<>();
            try (PreparedStatement select = db.prepareStatement("""
                    select id, inventory_item_id, location_id from stock_change
                    where store_id = ? and state = 'PENDING' and due_at <= now() and sellable is not null
                        and (shopify_known is null or reread)
                    order by location_id, id limit 250
                    """)) {
                select.setLong(1, storeId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        levels.add(new LevelToRead(rows.getLong(1), rows.getString(2), rows.getString(3)));
                    }
                }
            }
            return levels;
        });
    }

    /**
     * What Shopify holds now for levels that were read. After a stale compare-and-set, a drop that the connector
     * cannot explain (a sale whose order it has not received yet) is kept as {@code unexplained} and subtracted from
     * what Absolute mode writes until the order's demand arrives: a sale is never put back on sale. Demand that
     * arrived before the read ({@code explained_ahead}) explains its part of the drop, so it is not subtracted twice.
     *
     * @param available per change id, the quantity read, or null when the item is not stocked at the location
     */
    @Transactional
    public void levelsRead(Map<Long, Long> available) {
        update(db -> {
            MovementLedger.lockInOrder(db, "c.id = any(?) and c.state = 'PENDING'",
                    db.createArrayOf("bigint", available.keySet().toArray()));
            try (PreparedStatement known = db.prepareStatement("""
                    update stock_change set
                        unexplained = case when reread and shopify_known is not null and ? < shopify_known
                            then least(0, unexplained + least(0, ? - shopify_known + explained_ahead))
                            else unexplained end,
                        shopify_known = ?, explained_ahead = 0, reread = false, updated_at = now()
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
                        known.setLong(1, level.getValue());
                        known.setLong(2, level.getValue());
                        known.setLong(3, level.getValue());
                        known.setLong(4, level.getKey());
                        known.addBatch();
                    }
                }
                known.executeBatch();
                missing.executeBatch();
            }
        });
    }

    /**
     * Claims up to 250 due changes of the store and, when any has something to write, stores one push for them
     * (input, key, lease) before anything is sent. Changes with nothing to write go idle.
     */
    @Transactional
    public Optional<OpenPush> prepare(long storeId, String mode, int leaseSeconds) {
        boolean absolute = "ABSOLUTE".equals(mode);
        return query(db -> {
            record Row(long id, String item, String location, long delta, long quantity, Long known,
                    Timestamp firstChange) {
            }
            List<Row> push = new ArrayList<>();
            List<Long> idle = new ArrayList<>();
            // Changes whose value Shopify would refuse: parked alone, so they never fail a push of other changes.
            Map<Long, Long> refused = new LinkedHashMap<>();
            try (PreparedStatement select = db.prepareStatement("""
                    select c.id, c.inventory_item_id, c.location_id, c.delta, c.sellable, c.shopify_known,
                        c.unexplained, c.first_change_at,
                        coalesce((select sum(d.quantity) from order_demand d where d.store_id = c.store_id
                            and d.inventory_item_id = c.inventory_item_id and d.location_id = c.location_id), 0)
                    from stock_change c
                    where c.store_id = ? and c.state = 'PENDING' and c.due_at <= now()
                        and (not ? or (c.sellable is not null and c.shopify_known is not null and not c.reread))
                    order by c.due_at, c.id limit ? for update of c skip locked
                    """)) {
                select.setLong(1, storeId);
                select.setBoolean(2, absolute);
                select.setInt(3, StockSettings.MAX_QUANTITIES_PER_MUTATION);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        long delta = rows.getLong(4);
                        Long known = (Long) rows.getObject(6);
                        if (absolute) {
                            long target = AbsoluteTarget.of(rows.getLong(5), rows.getLong(9), rows.getLong(7));
                            if (known != null && target == known) {
                                idle.add(id);
                            } else if (!StockSettings.shopifySets(target)) {
                                refused.put(id, target);
                            } else {
                                push.add(new Row(id, rows.getString(2), rows.getString(3), delta, target, known,
                                        rows.getTimestamp(8)));
                            }
                        } else if (delta == 0) {
                            idle.add(id);
                        } else if (!StockSettings.shopifyAdjusts(delta, known)) {
                            refused.put(id, delta);
                        } else {
                            push.add(new Row(id, rows.getString(2), rows.getString(3), delta, 0, known,
                                    rows.getTimestamp(8)));
                        }
                    }
                }
            }
            try (PreparedStatement rest = db.prepareStatement("update stock_change set state = 'IDLE', due_at = null, "
                    + "first_change_at = null, delta = case when ? then 0 else delta end, updated_at = now() where id = ?")) {
                for (Long id : idle) {
                    rest.setBoolean(1, absolute);
                    rest.setLong(2, id);
                    rest.addBatch();
                }
                rest.executeBatch();
            }
            try (PreparedStatement park = db.prepareStatement("update stock_change set state = 'FAILED', reason = ?, "
                    + "updated_at = now() where id = ?")) {
                for (Map.Entry<Long, Long> change : refused.entrySet()) {
                    park.setString(1, (absolute ? "The quantity " + change.getValue() + " is beyond what Shopify "
                            + "sets (at most " + StockSettings.SET_QUANTITY_LIMIT : "The change " + change.getValue()
                            + " is beyond what Shopify applies (a level of at most ±"
                            + StockSettings.ADJUST_QUANTITY_LIMIT) + "): it was kept out of the push so that the "
                            + "other changes go out; check the WMS's movements of this product, then retry.");
                    park.setLong(2, change.getKey());
                    park.addBatch();
                }
                park.executeBatch();
            }
            if (!refused.isEmpty()) {
                LOG.warning(() -> "Store " + storeId + ": " + refused.size() + " stock change(s) parked, their "
                        + "values beyond what Shopify accepts: " + refused);
            }
            if (push.isEmpty()) {
                return Optional.<OpenPush>empty();
            }
            long pushId;
            try (PreparedStatement next = db.prepareStatement("select nextval('stock_push_id_seq')");
                    ResultSet row = next.executeQuery()) {
                row.next();
                pushId = row.getLong(1);
            }
            JsonArrayBuilder entries = Json.createArrayBuilder();
            Instant oldest = null;
            for (Row row : push) {
                JsonObjectBuilder entry = Json.createObjectBuilder().add("inventoryItemId", row.item())
                        .add("locationId", row.location());
                if (absolute) {
                    entry.add("quantity", row.quantity()).add("changeFromQuantity", row.known());
                } else {
                    // Delta mode adds to whatever Shopify holds: no compare-and-set, which 2026-04+ wants said.
                    entry.add("delta", row.delta()).add("changeFromQuantity", JsonValue.NULL);
                }
                entries.add(entry);
                if (row.firstChange() != null && (oldest == null || row.firstChange().toInstant().isBefore(oldest))) {
                    oldest = row.firstChange().toInstant();
                }
            }
            String payload = Json.createObjectBuilder().add("name", QUANTITY_NAME).add("reason", REASON)
                    .add("referenceDocumentUri", REFERENCE_PREFIX + pushId)
                    .add(absolute ? "quantities" : "changes", entries).build().toString();
            String key = UUID.randomUUID().toString();
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into stock_push (id, store_id, mode, idempotency_key, payload, quantities, state, attempts,
                        next_attempt_at, lease_until, created_at, oldest_change_at)
                    values (?, ?, ?, ?, ?, ?, 'SENDING', 1, now(), now() + make_interval(secs => ?), now(), ?)
                    """)) {
                insert.setLong(1, pushId);
                insert.setLong(2, storeId);
                insert.setString(3, mode);
                insert.setString(4, key);
                insert.setString(5, payload);
                insert.setInt(6, push.size());
                insert.setInt(7, leaseSeconds);
                insert.setTimestamp(8, oldest == null ? null : Timestamp.from(oldest));
                insert.executeUpdate();
            }
            try (PreparedStatement bind = db.prepareStatement("""
                    update stock_change set state = 'PUSHING', push_id = ?, in_push_position = ?, in_push_delta = ?,
                        in_push_quantity = ?, in_push_generation = generation, delta = delta - ?, reason = null,
                        updated_at = now()
                    where id = ?
                    """)) {
                for (int i = 0; i < push.size(); i++) {
                    Row row = push.get(i);
                    long carried = row.delta();
                    bind.setLong(1, pushId);
                    bind.setInt(2, i);
                    bind.setLong(3, carried);
                    bind.setLong(4, row.quantity());
                    bind.setLong(5, carried);
                    bind.setLong(6, row.id());
                    bind.addBatch();
                }
                bind.executeBatch();
            }
            try (PreparedStatement link = db.prepareStatement("update stock_movement_target set push_id = ? "
                    + "where change_id = any(?) and push_id is null")) {
                link.setLong(1, pushId);
                link.setArray(2, db.createArrayOf("bigint", push.stream().map(Row::id).toArray()));
                link.executeUpdate();
            }
            return Optional.of(new OpenPush(pushId, storeId, mode, key, payload, push.size(), 1, oldest));
        });
    }

    /**
     * Shopify applied the push (or answered its key with the first answer again). Its changes learn what Shopify
     * now holds; those that absorbed movements meanwhile are due when the store's window since now closes.
     *
     * @param after Shopify's "available" after the write, per inventory item and location ("item\nlocation")
     * @return false when the push was not open any more (another instance finished it)
     */
    @Transactional
    public boolean completed(long pushId, Map<String, Long> after) {
        return query(db -> {
            long storeId;
            try (PreparedStatement done = db.prepareStatement("update stock_push set state = 'PUSHED', "
                    + "finished_at = now(), lease_until = null, reason = null where id = ? and state = 'SENDING' "
                    + "returning store_id")) {
                done.setLong(1, pushId);
                try (ResultSet row = done.executeQuery()) {
                    if (!row.next()) {
                        return false;
                    }
                    storeId = row.getLong(1);
                }
            }
            lockChanges(db, pushId, storeId, after.keySet());
            try (PreparedStatement rows = db.prepareStatement("""
                    update stock_change c set push_id = null, last_pushed_at = now(), reason = null,
                        shopify_known = case when p.mode = 'ABSOLUTE' then c.in_push_quantity
                            when c.shopify_known is not null then c.shopify_known + c.in_push_delta end,
                        explained_ahead = 0,
                        state = case when c.generation > c.in_push_generation or c.delta <> 0 then 'PENDING'
                            else 'IDLE' end,
                        due_at = case when c.generation > c.in_push_generation or c.delta <> 0
                            then now() + make_interval(secs => sp.coalescing_window_seconds) end,
                        first_change_at = case when c.generation > c.in_push_generation or c.delta <> 0
                            then now() end,
                        updated_at = now()
                    from stock_push p, stock_policy sp
                    where p.id = c.push_id and sp.store_id = c.store_id and c.push_id = ?
                    """)) {
                rows.setLong(1, pushId);
                rows.executeUpdate();
            }
            try (PreparedStatement known = db.prepareStatement("update stock_change set shopify_known = ?, explained_ahead = 0 "
                    + "where store_id = ? and inventory_item_id = ? and location_id = ? and push_id is null")) {
                for (Map.Entry<String, Long> level : new java.util.TreeMap<>(after).entrySet()) {
                    String[] key = level.getKey().split("\n", 2);
                    known.setLong(1, level.getValue());
                    known.setLong(2, storeId);
                    known.setString(3, key[0]);
                    known.setString(4, key[1]);
                    known.addBatch();
                }
                known.executeBatch();
            }
            // The store answers again: what was parked for it goes out again.
            try (PreparedStatement requeue = db.prepareStatement("update stock_push set state = 'SENDING', "
                    + "attempts = 0, next_attempt_at = now(), lease_until = null where store_id = ? and state = 'FAILED'")) {
                requeue.setLong(1, storeId);
                requeue.executeUpdate();
            }
            return true;
        });
    }

    /** CHANGE_FROM_QUANTITY_STALE: nothing was written; the changes are re-read and recomputed at once. */
    @Transactional
    public void stale(long pushId, String reason) {
        closeAndRelease(pushId, "STALE", reason, "state = 'PENDING', due_at = now(), reread = true");
    }

    /**
     * Shopify refused the push (nothing was written). The entries it named are parked with its message, the
     * others go out again in a new push (a new key: the refused input is not sent again).
     *
     * @param refusedPositions the positions of the refused entries in the input; empty parks every entry
     */
    @Transactional
    public void rejected(long pushId, Map<Integer, String> refusedPositions, String reason) {
        update(db -> {
            close(db, pushId, "REJECTED", reason);
            lockChanges(db, pushId, null, List.of());
            try (PreparedStatement rows = db.prepareStatement("""
                    update stock_change set push_id = null, delta = delta + in_push_delta, updated_at = now(),
                        state = case when ? or in_push_position = any(?) then 'FAILED' else 'PENDING' end,
                        reason = case when ? then ? else ?::jsonb ->> in_push_position::text end,
                        due_at = now()
                    where push_id = ?
                    """)) {
                boolean all = refusedPositions.isEmpty();
                rows.setBoolean(1, all);
                rows.setArray(2, db.createArrayOf("integer", refusedPositions.keySet().toArray()));
                rows.setBoolean(3, all);
                rows.setString(4, trim(reason));
                var messages = Json.createObjectBuilder();
                refusedPositions.forEach((position, message) -> messages.add(String.valueOf(position), trim(message)));
                rows.setString(5, messages.build().toString());
                rows.setLong(6, pushId);
                rows.executeUpdate();
            }
        });
    }

    /** The key can no longer be used (Shopify says its earlier attempt failed): nothing was written; new push. */
    @Transactional
    public void abandoned(long pushId, String reason) {
        closeAndRelease(pushId, "REJECTED", reason, "state = 'PENDING', due_at = now()");
    }

    /**
     * An attempt failed in a way that may pass (5xx, 429, THROTTLED past the call's own retries, the network): the
     * push waits with a growing back-off and keeps its key; after the last attempt it is parked as FAILED, its
     * changes stay with it, and it goes out again when the admin retries it or the store answers again.
     */
    @Transactional
    public void attemptFailed(long pushId, String reason, int maxAttempts) {
        update(db -> {
            try (PreparedStatement failed = db.prepareStatement("""
                    update stock_push set lease_until = null, reason = ?,
                        state = case when attempts >= ? then 'FAILED' else state end,
                        next_attempt_at = now() + make_interval(secs => least(300, power(2, attempts)))
                    where id = ? and state = 'SENDING'
                    """)) {
                failed.setString(1, trim(reason));
                failed.setInt(2, maxAttempts);
                failed.setLong(3, pushId);
                failed.executeUpdate();
            }
        });
    }

    /** Shopify refused the request itself (not an entry): parked at once, with its changes, for the admin. */
    @Transactional
    public void park(long pushId, String reason) {
        update(db -> {
            try (PreparedStatement park = db.prepareStatement("update stock_push set state = 'FAILED', "
                    + "lease_until = null, reason = ? where id = ? and state = 'SENDING'")) {
                park.setString(1, trim(reason));
                park.setLong(2, pushId);
                park.executeUpdate();
            }
        });
    }

    /** The admin retries a parked push (same key, same input) or a parked change (in a new push). */
    @Transactional
    public int retryFailed(Long storeId) {
        return query(db -> {
            int retried;
            MovementLedger.lockInOrder(db, "c.state = 'FAILED' and (?::bigint is null or c.store_id = ?)", storeId,
                    storeId);
            try (PreparedStatement pushes = db.prepareStatement("update stock_push set state = 'SENDING', "
                    + "attempts = 0, next_attempt_at = now(), lease_until = null where state = 'FAILED' "
                    + "and (?::bigint is null or store_id = ?)");
                    PreparedStatement changes = db.prepareStatement("update stock_change set state = 'PENDING', "
                            + "due_at = now(), reason = null, updated_at = now() where state = 'FAILED' "
                            + "and (?::bigint is null or store_id = ?)")) {
                pushes.setObject(1, storeId);
                pushes.setObject(2, storeId);
                changes.setObject(1, storeId);
                changes.setObject(2, storeId);
                retried = pushes.executeUpdate() + changes.executeUpdate();
            }
            return retried;
        });
    }

    /** Parked pushes whose last attempt is this old go out again (same key, same input). */
    @Transactional
    public int retryParkedPushes(int afterMinutes) {
        return query(db -> {
            try (PreparedStatement retry = db.prepareStatement("update stock_push set state = 'SENDING', "
                    + "attempts = 0, next_attempt_at = now(), lease_until = null where state = 'FAILED' "
                    + "and next_attempt_at < now() - make_interval(mins => ?)")) {
                retry.setInt(1, afterMinutes);
                return retry.executeUpdate();
            }
        });
    }

    /** Connected stores with stock sync on whose last drift reconciliation started this long ago, or never. */
    public List<Long> storesDueForReconciliation(int minutes) {
        return query(db -> {
            List<Long> stores = new ArrayList<>();
            try (PreparedStatement query = db.prepareStatement("""
                    select s.id from store s join stock_policy sp on sp.store_id = s.id
                    where sp.sync_enabled and s.status = 'CONNECTED'
                        and not exists (select 1 from stock_reconciliation r where r.store_id = s.id
                            and r.started_at > now() - make_interval(mins => ?))
                    """)) {
                query.setInt(1, minutes);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        stores.add(rows.getLong(1));
                    }
                }
            }
            return stores;
        });
    }

    /**
     * Locks a push's pending changes, and those of the levels given ("item\nlocation" of the store), in the order
     * intake locks them ({@link MovementLedger#LOCK_ORDER}), before they are updated: an update by push id would take
     * them in the table's order and could deadlock with a call recording movements of the same items.
     */
    private static void lockChanges(Connection db, long pushId, Long storeId, java.util.Collection<String> levels)
            throws SQLException {
        MovementLedger.lockInOrder(db, "c.push_id = ? or (c.store_id = ? and c.inventory_item_id || E'\\n' || "
                + "c.location_id = any(?))", pushId, storeId, db.createArrayOf("varchar", levels.toArray()));
    }

    private void closeAndRelease(long pushId, String state, String reason, String rowState) {
        update(db -> {
            close(db, pushId, state, reason);
            lockChanges(db, pushId, null, List.of());
            try (PreparedStatement rows = db.prepareStatement("update stock_change set push_id = null, "
                    + "delta = delta + in_push_delta, updated_at = now(), " + rowState + " where push_id = ?")) {
                rows.setLong(1, pushId);
                rows.executeUpdate();
            }
        });
    }

    private static void close(Connection db, long pushId, String state, String reason) throws SQLException {
        try (PreparedStatement close = db.prepareStatement("update stock_push set state = ?, finished_at = now(), "
                + "lease_until = null, reason = ? where id = ?")) {
            close.setString(1, state);
            close.setString(2, trim(reason));
            close.setLong(3, pushId);
            close.executeUpdate();
        }
    }

    private static OpenPush push(ResultSet row) throws SQLException {
        Timestamp oldest = row.getTimestamp(8);
        return new OpenPush(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                row.getInt(6), row.getInt(7), oldest == null ? null : oldest.toInstant());
    }

    static String trim(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > 2000 ? text.substring(0, 1997) + "..." : text;
    }

    private List<Long> longs(String sql, Long parameter) {
        return query(db -> {
            List<Long> values = new ArrayList<>();
            try (PreparedStatement select = db.prepareStatement(sql)) {
                if (parameter != null) {
                    select.setLong(1, parameter);
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        values.add(rows.getLong(1));
                    }
                }
            }
            return values;
        });
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection db) throws SQLException;
    }

    @FunctionalInterface
    interface Change {
        void run(Connection db) throws SQLException;
    }

    <T> T query(Work<T> work) {
        try (Connection db = this.dataSource.getConnection()) {
            return work.run(db);
        } catch (SQLException e) {
            throw new IllegalStateException("Stock sync bookkeeping failed: " + e.getMessage(), e);
        }
    }

    void update(Change change) {
        query(db -> {
            change.run(db);
            return null;
        });
    }
}
