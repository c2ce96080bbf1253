package wms.shopify.stock.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.adminapi.control.AdminApi;
import wms.shopify.stock.entity.StockSyncMode;
import wms.shopify.stores.entity.Store;

/**
 * Drift reconciliation of one store, in the background (one at a time per store, by the database): reads Shopify's
 * "available" at every location mapped to a warehouse, compares it with what the WMS says it should be (its sellable
 * quantity less the store's unallocated orders) for every mapped, tracked variant the WMS has reported stock of,
 * and reports the differences. In Absolute mode each difference becomes a pending change with the quantity just
 * read as its compare-and-set value, so the regular flush corrects it; Delta mode only reports (it never
 * overwrites Shopify).
 */
@ApplicationScoped
public class Reconciliations {

    private static final Logger LOG = Logger.getLogger(Reconciliations.class.getName());
    private static final int REPORT_LIMIT = 200;
    /**
     * Points a reconciliation leaves in the store's budget before it reads a page: stock pushes (10 points each)
     * then never wait behind a reconciliation of a large store.
     */
    static final double PUSH_RESERVE = 250;

    @Resource(lookup = "jdbc/wms")
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    AdminApi api;

    @Inject
    InventoryGateway gateway;

    @Inject
    ActivityLog activity;

    @Inject
    PushRecords records;

    @Inject
    Clock clock;

    @Inject
    StockPolicies policies;

    /** Starts one; empty when the store's previous one is still running. */
    public Optional<Long> start(Store store, String by) {
        Long id = this.records.query(db -> {
            try (PreparedStatement insert = db.prepareStatement("insert into stock_reconciliation (store_id, state, "
                    + "started_at, started_by) values (?, 'RUNNING', now(), ?) on conflict do nothing returning id")) {
                insert.setLong(1, store.id());
                insert.setString(2, by);
                try (ResultSet row = insert.executeQuery()) {
                    return row.next() ? row.getLong(1) : null;
                }
            }
        });
        if (id == null) {
            return Optional.empty();
        }
        this.executor.execute(() -> run(store, id));
        return Optional.of(id);
    }

    public Optional<ReconciliationView> latest(long storeId) {
        return this.records.query(db -> {
            try (PreparedStatement query = db.prepareStatement("select id, state, started_at, started_by, "
                    + "finished_at, checked, differences, corrected, report, message, levels_read, total, "
                    + "cancel_requested from stock_reconciliation "
                    + "where store_id = ? order by id desc limit 1")) {
                query.setLong(1, storeId);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<ReconciliationView>empty();
                    }
                    Timestamp finished = row.getTimestamp(5);
                    return Optional.of(new ReconciliationView(
                            row.getLong(1),
                            row.getString(2).toLowerCase(),
                            row.getTimestamp(3).toInstant(),
                            row.getString(4),
                            finished == null ? null : finished.toInstant(),
                            row.getInt(6),
                            row.getInt(7),
                            row.getInt(8),
                            row.getString(9),
                            row.getString(10),
                            row.getInt(11),
                            (Integer) row.getObject(12),
                            row.getBoolean(13)));
                }
            }
        });
    }

    private record Variant(long productId, String sku) {}

    private record Location(String id, long warehouseId) {}

    void run(Store store, long id) {
        boolean absolute = this.policies.of(store.id()).mode() == StockSyncMode.ABSOLUTE;
        try (Connection db = this.dataSource.getConnection()) {
            Map<String, Variant> variants = new HashMap<>();
            try (PreparedStatement query = db.prepareStatement("select inventory_item_id, product_id, sku from "
                    + "store_variant_mapping where store_id = ? and product_id is not null and tracked "
                    + "and inventory_item_id is not null")) {
                query.setLong(1, store.id());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        variants.put(rows.getString(1), new Variant(rows.getLong(2), rows.getString(3)));
                    }
                }
            }
            List<Location> locations = new ArrayList<>();
            try (PreparedStatement query = db.prepareStatement("select location_id, warehouse_id from "
                    + "store_location_mapping where store_id = ? and warehouse_id is not null and active")) {
                query.setLong(1, store.id());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        locations.add(new Location(rows.getString(1), rows.getLong(2)));
                    }
                }
            }
            counted(db, id, (long) variants.size() * locations.size());
            int levelsRead = 0;
            int checked = 0;
            int differences = 0;
            int corrected = 0;
            boolean cancelled = false;
            JsonArrayBuilder report = Json.createArrayBuilder();
            reading:
            for (Location location : locations) {
                String after = null;
                do {
                    // A batch boundary: the counts so far are recorded, and a cancel asked for stops the reading.
                    if (advanced(db, id, levelsRead, checked, differences, corrected)) {
                        cancelled = true;
                        break reading;
                    }
                    leaveRoomForPushes(store);
                    InventoryGateway.LevelsPage page = this.gateway.levels(store, location.id(), after);
                    for (Map.Entry<String, Long> level : page.available().entrySet()) {
                        String item = level.getKey();
                        Variant variant = variants.get(item);
                        if (variant == null) {
                            continue;
                        }
                        levelsRead++;
                        Long sellable = sellable(db, variant.productId(), location.warehouseId());
                        if (sellable == null) {
                            continue; // the WMS never reported this product's stock here
                        }
                        long shopify = level.getValue();
                        Long expected = StockChanges.expected(db, store.id(), item, location.id(), sellable);
                        if (expected == null) {
                            continue; // a write is under way
                        }
                        checked++;
                        if (expected != shopify) {
                            differences++;
                            if (differences <= REPORT_LIMIT) {
                                report.add(Json.createObjectBuilder()
                                        .add("sku", String.valueOf(variant.sku()))
                                        .add("inventoryItemId", item)
                                        .add("locationId", location.id())
                                        .add("shopify", shopify)
                                        .add("wms", expected));
                            }
                            if (absolute
                                    && StockChanges.correct(
                                            db,
                                            store.id(),
                                            item,
                                            location.id(),
                                            variant.productId(),
                                            location.warehouseId(),
                                            sellable,
                                            shopify)) {
                                corrected++;
                            }
                        }
                    }
                    after = page.next();
                } while (after != null);
            }
            finish(
                    db,
                    id,
                    cancelled ? "CANCELLED" : "SUCCEEDED",
                    levelsRead,
                    checked,
                    differences,
                    corrected,
                    report.build().toString(),
                    cancelled ? "cancelled after " + levelsRead + " levels read" : null);
            this.activity.record(
                    "stock",
                    "Drift reconciliation of " + store.domain().value() + (cancelled ? " cancelled" : "") + ": "
                            + checked
                            + " levels checked, " + differences + " differences"
                            + (absolute
                                    ? ", " + corrected + " being corrected"
                                    : " (Delta mode: reported, not corrected)"),
                    null);
        } catch (RuntimeException | SQLException e) {
            LOG.log(Level.WARNING, "Drift reconciliation of " + store.domain().value() + " failed", e);
            try (Connection db = this.dataSource.getConnection()) {
                finish(db, id, "FAILED", 0, 0, 0, 0, null, String.valueOf(e.getMessage()));
            } catch (SQLException again) {
                LOG.log(Level.WARNING, "Could not record the failed reconciliation", again);
            }
        }
    }

    private void leaveRoomForPushes(Store store) {
        Duration wait = this.api
                .budget(store.domain())
                .waitBefore(InventoryGateway.levelsPageCost() + PUSH_RESERVE, this.clock.instant());
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while pacing a reconciliation", e);
            }
        }
    }

    /** The WMS's sellable quantity; for a kit, the whole kits its components make up once any was reported. */
    private static Long sellable(Connection db, long productId, long warehouseId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                select coalesce((select sellable from stock_level where product_id = ? and warehouse_id = ?),
                    (select stock_kit_quantity(?, ?) where exists (select 1 from kit_component k
                        join stock_level l on l.product_id = k.component_product_id and l.warehouse_id = ?
                        where k.kit_product_id = ?)))
                """)) {
            query.setLong(1, productId);
            query.setLong(2, warehouseId);
            query.setLong(3, productId);
            query.setLong(4, warehouseId);
            query.setLong(5, warehouseId);
            query.setLong(6, productId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? (Long) row.getObject(1) : null;
            }
        }
    }

    /** How many levels there are to read at most: every mapped, tracked variant at every mapped location. */
    private static void counted(Connection db, long id, long total) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("update stock_reconciliation set total = ? where id = ?")) {
            update.setLong(1, Math.min(Integer.MAX_VALUE, total));
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    /** Records the counts so far (once per page of levels); true when the admin asked it to stop. */
    private static boolean advanced(Connection db, long id, int levelsRead, int checked, int differences, int corrected)
            throws SQLException {
        try (PreparedStatement update = db.prepareStatement("update stock_reconciliation set levels_read = ?, "
                + "checked = ?, differences = ?, corrected = ? where id = ? returning cancel_requested")) {
            update.setInt(1, levelsRead);
            update.setInt(2, checked);
            update.setInt(3, differences);
            update.setInt(4, corrected);
            update.setLong(5, id);
            try (ResultSet row = update.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /**
     * Asks the store's running reconciliation to stop: it does before it reads its next page of levels. The
     * corrections it already queued (Absolute mode) stay: each is a compare-and-set against what it just read.
     *
     * @return the reconciliation asked, empty when none runs
     */
    public Optional<ReconciliationView> cancel(long storeId) {
        Boolean asked = this.records.query(db -> {
            try (PreparedStatement update = db.prepareStatement("update stock_reconciliation set cancel_requested "
                    + "= true where store_id = ? and state = 'RUNNING'")) {
                update.setLong(1, storeId);
                return update.executeUpdate() > 0;
            }
        });
        return asked ? latest(storeId) : Optional.empty();
    }

    private static void finish(
            Connection db,
            long id,
            String state,
            int levelsRead,
            int checked,
            int differences,
            int corrected,
            String report,
            String message)
            throws SQLException {
        try (PreparedStatement update = db.prepareStatement("update stock_reconciliation set state = ?, "
                + "finished_at = now(), checked = ?, differences = ?, corrected = ?, report = ?, message = ?, "
                + "levels_read = greatest(levels_read, ?) where id = ?")) {
            update.setString(1, state);
            update.setInt(2, checked);
            update.setInt(3, differences);
            update.setInt(4, corrected);
            update.setString(5, report);
            update.setString(6, PushRecords.trim(message));
            update.setInt(7, levelsRead);
            update.setLong(8, id);
            update.executeUpdate();
        }
    }
}
