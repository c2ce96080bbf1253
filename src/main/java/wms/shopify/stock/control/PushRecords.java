package wms.shopify.stock.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.plugins.entity.Plugin;
import wms.shopify.stock.entity.LevelToRead;
import wms.shopify.stock.entity.OpenPush;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.StoreStatus;

/**
 * The pushes' bookkeeping, each step one short transaction: a push is prepared (due changes of one store claimed
 * with {@code FOR UPDATE SKIP LOCKED}, its input and idempotency key stored) and committed before it is sent;
 * its outcome then moves the changes on. A push being sent is leased to one instance; an expired lease (a crash,
 * a kill) lets any instance send it again, with the same key and input, so Shopify applies it at most once.
 * This class holds the statements on {@code stock_push}; the changes a push carries are moved on through
 * {@link StockChanges}, and its input is built by {@link InventoryGateway} (stored here, never looked into).
 */
@ApplicationScoped
public class PushRecords {

    private static final Logger LOG = Logger.getLogger(PushRecords.class.getName());

    /** The store statuses stock syncs with (from the enum, never a literal). */
    private static final String[] CONNECTED = StoreStatus.names(StoreStatus::isConnected);

    @Resource(lookup = "jdbc/wms")
    DataSource dataSource;

    @Inject
    ActivityLog activity;

    @Inject
    Stores stores;

    /**
     * Stores with due changes or pushes to (re)send, and stock sync on (pushes already decided go out anyway); none
     * while the Shopify plugin is not active (Plugins page): movements keep being recorded and go out once it is.
     */
    public List<Long> storesWithWork() {
        // One probe of the due changes' index per store (exists), not every due change: the flusher asks several
        // times a second, and a recount leaves 100 000 of them due at once.
        return longs("""
                select sp.store_id from stock_policy sp join store_connection sc on sc.store_id = sp.store_id
                where sp.sync_enabled and sc.status = any(?) and exists (select 1 from active_plugin where code = ?)
                    and exists (select 1 from stock_change c
                        where c.store_id = sp.store_id and c.state = 'PENDING' and c.due_at <= now())
                union
                select p.store_id from stock_push p join store_connection sc on sc.store_id = p.store_id
                where p.state = 'SENDING' and p.next_attempt_at <= now()
                    and (p.lease_until is null or p.lease_until < now()) and sc.status = any(?)
                    and exists (select 1 from active_plugin where code = ?)
                """, CONNECTED, Plugin.SHOPIFY, CONNECTED, Plugin.SHOPIFY);
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
                    returning id, store_id, mode, idempotency_key, payload, quantities, attempts, oldest_change_at,
                        safety_payload
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
        return query(db -> StockChanges.toRead(db, storeId));
    }

    /**
     * What Shopify holds now for levels that were read. After a stale compare-and-set, a drop that the connector
     * cannot explain (a sale whose order it has not received yet) is kept as {@code unexplained} and subtracted from
     * what Absolute mode writes until the order's demand arrives: a sale is never put back on sale. Demand that
     * arrived before the read ({@code explained_ahead}) explains its part of the drop, so it is not subtracted twice;
     * what the drop does not use stays for the next read.
     *
     * @param available per change id, the quantity read, or null when the item is not stocked at the location
     * @param owed per change id, the drops its known orders owed when the read was decided
     */
    @Transactional
    public void levelsRead(Map<Long, Long> available, Map<Long, Long> owed) {
        update(db -> StockChanges.levelsRead(db, available, owed));
    }

    /**
     * Claims up to 250 due changes of the store and, when any has something to write, stores one push for them
     * (input, key, lease) before anything is sent. Changes with nothing to write go idle.
     */
    @Transactional
    public Optional<OpenPush> prepare(long storeId, String mode, int leaseSeconds) {
        boolean absolute = "ABSOLUTE".equals(mode);
        return query(db -> {
            List<StockChanges.Due> push = new ArrayList<>();
            // Levels whose available has nothing to write but whose safety_stock does (a buffer shown as safety
            // stock): they go out in the push's safety_stock mutation only, after the available entries.
            List<StockChanges.Due> safetyOnly = new ArrayList<>();
            List<Long> idle = new ArrayList<>();
            // Changes whose value Shopify would refuse: parked alone, so they never fail a push of other changes.
            Map<Long, Long> refused = new LinkedHashMap<>();
            // Changes of items Sync Products has since found to be a bundle's parent: resolved, never written.
            List<Long> bundles = new ArrayList<>();
            for (StockChanges.Due due :
                    StockChanges.claimDue(db, storeId, absolute, StockSettings.MAX_QUANTITIES_PER_MUTATION)) {
                Long known = due.known();
                if (due.bundle() != null) {
                    bundles.add(due.id());
                } else if (absolute) {
                    long target = due.maySell();
                    if (known != null && target == known) {
                        nothingAvailable(due, safetyOnly, idle);
                    } else if (!StockSettings.shopifySets(target)) {
                        refused.put(due.id(), target);
                    } else {
                        push.add(due);
                    }
                } else if (due.delta() == 0) {
                    nothingAvailable(due, safetyOnly, idle);
                } else if (!StockSettings.shopifyAdjusts(due.delta(), known)) {
                    refused.put(due.id(), due.delta());
                } else {
                    push.add(due);
                }
            }
            StockChanges.idle(db, idle, absolute);
            StockChanges.resolveBundles(db, bundles, null)
                    .forEach((store, names) -> bundlesResolved(store, names, false));
            Map<Long, String> reasons = new LinkedHashMap<>();
            refused.forEach((id, value) -> reasons.put(
                    id,
                    (absolute
                                    ? "The quantity " + value + " is beyond what " + "Shopify sets (at most "
                                            + StockSettings.SET_QUANTITY_LIMIT
                                    : "The change " + value + " is beyond what Shopify applies (a level of at most ±"
                                            + StockSettings.ADJUST_QUANTITY_LIMIT)
                            + "): it was kept out of the push so that the other changes go out; check the WMS's movements "
                            + "of this product, then retry."));
            StockChanges.park(db, reasons);
            if (!refused.isEmpty()) {
                LOG.warning(() -> "Store " + storeId + ": " + refused.size() + " stock change(s) parked, their "
                        + "values beyond what Shopify accepts: " + refused);
            }
            int availableEntries = push.size();
            push.addAll(safetyOnly);
            if (push.isEmpty()) {
                return Optional.<OpenPush>empty();
            }
            long pushId;
            try (PreparedStatement next = db.prepareStatement("select nextval('stock_push_id_seq')");
                    ResultSet row = next.executeQuery()) {
                row.next();
                pushId = row.getLong(1);
            }
            Instant oldest = null;
            List<InventoryGateway.Entry> entries = new ArrayList<>();
            List<InventoryGateway.Entry> safetyEntries = new ArrayList<>();
            Map<Long, Long> safetyTargets = new LinkedHashMap<>();
            for (int i = 0; i < push.size(); i++) {
                StockChanges.Due row = push.get(i);
                if (i < availableEntries) {
                    entries.add(new InventoryGateway.Entry(
                            row.inventoryItemId(), row.locationId(), row.maySell(), row.known(), row.delta()));
                }
                if (row.safetyDelta() != 0) {
                    safetyEntries.add(new InventoryGateway.Entry(
                            row.inventoryItemId(), row.locationId(), row.safetyStock(), null, row.safetyDelta()));
                    safetyTargets.put(row.id(), row.safetyStock());
                }
                if (row.firstChange() != null
                        && (oldest == null || row.firstChange().toInstant().isBefore(oldest))) {
                    oldest = row.firstChange().toInstant();
                }
            }
            // Available entries first, so that a position Shopify names in its refusal is a change's position.
            String payload = entries.isEmpty() ? "" : InventoryGateway.input(absolute, pushId, entries);
            String safetyPayload =
                    safetyEntries.isEmpty() ? null : InventoryGateway.safetyStockInput(pushId, safetyEntries);
            String key = UUID.randomUUID().toString();
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into stock_push (id, store_id, mode, idempotency_key, payload, quantities, state, attempts,
                        next_attempt_at, lease_until, created_at, oldest_change_at, safety_payload)
                    values (?, ?, ?, ?, ?, ?, 'SENDING', 1, now(), now() + make_interval(secs => ?), now(), ?, ?)
                    """)) {
                insert.setLong(1, pushId);
                insert.setLong(2, storeId);
                insert.setString(3, mode);
                insert.setString(4, key);
                insert.setString(5, payload);
                insert.setInt(6, push.size());
                insert.setInt(7, leaseSeconds);
                insert.setTimestamp(8, oldest == null ? null : Timestamp.from(oldest));
                insert.setString(9, safetyPayload);
                insert.executeUpdate();
            }
            StockChanges.bind(db, pushId, push, absolute, safetyTargets);
            return Optional.of(
                    new OpenPush(pushId, storeId, mode, key, payload, push.size(), 1, oldest, safetyPayload));
        });
    }

    /**
     * Shopify applied the push (or answered its key with the first answer again). Its changes learn what Shopify
     * now holds; those that absorbed movements meanwhile are due when the store's window since now closes.
     *
     * @param after Shopify's "available" after the write, per inventory item and location ("item\nlocation")
     * @param safetyApplied whether Shopify applied the push's safety_stock part (false when it has none)
     * @return false when the push was not open any more (another instance finished it)
     */
    @Transactional
    public boolean completed(long pushId, Map<String, Long> after, boolean safetyApplied) {
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
            StockChanges.pushApplied(db, pushId, storeId, after, safetyApplied);
            // The store answers again: what was parked for it goes out again.
            try (PreparedStatement requeue = db.prepareStatement(
                    "update stock_push set state = 'SENDING', "
                            + "attempts = 0, next_attempt_at = now(), lease_until = null where store_id = ? and state = 'FAILED'")) {
                requeue.setLong(1, storeId);
                requeue.executeUpdate();
            }
            return true;
        });
    }

    /**
     * CHANGE_FROM_QUANTITY_STALE: nothing of available was written; the changes are re-read and recomputed at once.
     * The push's safety_stock part used no compare-and-set: when Shopify applied it, its changes have their targets.
     */
    @Transactional
    public void stale(long pushId, String reason, boolean safetyApplied) {
        closeAndRelease(pushId, "STALE", reason, true, safetyApplied);
    }

    /**
     * Shopify refused the push (nothing was written). The entries it named are parked with its message, the
     * others go out again in a new push (a new key: the refused input is not sent again).
     *
     * @param refusedPositions the positions of the refused entries in the input; empty parks every entry
     */
    @Transactional
    public void rejected(long pushId, Map<Integer, String> refusedPositions, String reason, boolean safetyApplied) {
        update(db -> {
            close(db, pushId, "REJECTED", reason);
            Map<Integer, String> messages = new LinkedHashMap<>();
            refusedPositions.forEach((position, message) -> messages.put(position, trim(message)));
            StockChanges.pushRefused(db, pushId, messages, trim(reason), safetyApplied);
        });
    }

    /** The key can no longer be used (Shopify says its earlier attempt failed): nothing was written; new push. */
    @Transactional
    public void abandoned(long pushId, String reason) {
        closeAndRelease(pushId, "REJECTED", reason, false, false);
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
            // The changes are locked first (in the lock order), as before the pushes' update.
            Map<Long, List<String>> bundles = new TreeMap<>();
            int changes = StockChanges.retryFailed(db, storeId, bundles);
            bundles.forEach((store, names) -> bundlesResolved(store, names, true));
            try (PreparedStatement pushes = db.prepareStatement("update stock_push set state = 'SENDING', "
                    + "attempts = 0, next_attempt_at = now(), lease_until = null where state = 'FAILED' "
                    + "and (?::bigint is null or store_id = ?)")) {
                pushes.setObject(1, storeId);
                pushes.setObject(2, storeId);
                return pushes.executeUpdate() + changes;
            }
        });
    }

    /**
     * The admin retries the chosen parked changes (each in a new push) and parked pushes (same key, same input), as
     * {@link #retryFailed(Long)} does for all of a store; those no longer parked are left as they are.
     *
     * @return how many were set to go out again
     */
    @Transactional
    public int retryFailed(List<Long> changeIds, List<Long> pushIds) {
        return query(db -> {
            Map<Long, List<String>> bundles = new TreeMap<>();
            int changes = StockChanges.retryFailed(db, changeIds, bundles);
            bundles.forEach((store, names) -> bundlesResolved(store, names, true));
            if (pushIds.isEmpty()) {
                return changes;
            }
            try (PreparedStatement pushes = db.prepareStatement("update stock_push set state = 'SENDING', "
                    + "attempts = 0, next_attempt_at = now(), lease_until = null where state = 'FAILED' "
                    + "and id = any(?)")) {
                pushes.setArray(1, db.createArrayOf("bigint", pushIds.toArray()));
                return pushes.executeUpdate() + changes;
            }
        });
    }

    /**
     * The Activity entry of changes resolved because their item is now a bundle's parent (issue #18): Shopify
     * computes its stock, so nothing was pushed and nothing will be retried.
     *
     * @param retried whether the admin's Retry parked found them (else a push's claim did)
     */
    private void bundlesResolved(long storeId, List<String> names, boolean retried) {
        if (names.isEmpty()) {
            return;
        }
        String store = this.stores.find(storeId).map(s -> s.domain().value()).orElse("store " + storeId);
        List<String> distinct = names.stream().distinct().sorted().toList();
        String listed = distinct.size() > 10
                ? String.join(", ", distinct.subList(0, 10)) + " and " + (distinct.size() - 10) + " more"
                : String.join(", ", distinct);
        this.activity.record(
                "stock",
                (retried ? "Retry parked did not send " : "Not pushed to ") + store + ": " + names.size()
                        + " stock change(s) of " + listed + ", now a bundle: Shopify computes it. Nothing was pushed; "
                        + (names.size() == 1 ? "the change is" : "the changes are") + " resolved.",
                null);
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
                    select sp.store_id from stock_policy sp join store_connection sc on sc.store_id = sp.store_id
                    where sp.sync_enabled and sc.status = any(?)
                        and not exists (select 1 from stock_reconciliation r where r.store_id = sp.store_id
                            and r.started_at > now() - make_interval(mins => ?))
                    """)) {
                query.setArray(1, db.createArrayOf("varchar", CONNECTED));
                query.setInt(2, minutes);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        stores.add(rows.getLong(1));
                    }
                }
            }
            return stores;
        });
    }

    private void closeAndRelease(long pushId, String state, String reason, boolean reread, boolean safetyApplied) {
        update(db -> {
            close(db, pushId, state, reason);
            StockChanges.pushReleased(db, pushId, reread, safetyApplied);
        });
    }

    /** A claimed change whose available has nothing to write: idle, or safety_stock only when that changes. */
    private static void nothingAvailable(StockChanges.Due due, List<StockChanges.Due> safetyOnly, List<Long> idle) {
        if (due.safetyDelta() != 0) {
            safetyOnly.add(due);
        } else {
            idle.add(due.id());
        }
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
        return new OpenPush(
                row.getLong(1),
                row.getLong(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getInt(6),
                row.getInt(7),
                oldest == null ? null : oldest.toInstant(),
                row.getString(9));
    }

    static String trim(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > 2000 ? text.substring(0, 1997) + "..." : text;
    }

    /** The first column of a query's rows; a String[] parameter is bound as an array. */
    private List<Long> longs(String sql, Object... parameters) {
        return query(db -> {
            List<Long> values = new ArrayList<>();
            try (PreparedStatement select = db.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i] instanceof String[] list) {
                        select.setArray(i + 1, db.createArrayOf("varchar", list));
                    } else {
                        select.setObject(i + 1, parameters[i]);
                    }
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
