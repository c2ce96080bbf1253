package wms.shopify.stock.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import wms.shopify.shopify.control.AdminApi;
import wms.shopify.shopify.control.AdminOperation;
import wms.shopify.stores.control.StoreAccess;
import wms.shopify.stores.entity.StockSyncMode;
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
    StoreAccess access;

    @Inject
    AdminApi api;

    @Inject
    ActivityLog activity;

    @Inject
    PushRecords records;

    @Inject
    Clock clock;

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
                    + "finished_at, checked, differences, corrected, report, message from stock_reconciliation "
                    + "where store_id = ? order by id desc limit 1")) {
                query.setLong(1, storeId);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<ReconciliationView>empty();
                    }
                    Timestamp finished = row.getTimestamp(5);
                    return Optional.of(new ReconciliationView(row.getLong(1), row.getString(2).toLowerCase(),
                            row.getTimestamp(3).toInstant(), row.getString(4),
                            finished == null ? null : finished.toInstant(), row.getInt(6), row.getInt(7),
                            row.getInt(8), row.getString(9), row.getString(10)));
                }
            }
        });
    }

    private record Variant(long productId, String sku) {
    }

    private record Location(String id, long warehouseId) {
    }

    void run(Store store, long id) {
        boolean absolute = store.settings().stockSyncMode() == StockSyncMode.ABSOLUTE;
        try (Connection db = this.dataSource.getConnection()) {
            Map<String, Variant> variants = new HashMap<>();
            try (PreparedStatement query = db.prepareStatement("select inventory_item_id, product_id, sku from "
                    + "store_variant where store_id = ? and product_id is not null and tracked "
                    + "and inventory_item_id is not null")) {
                query.setLong(1, store.id());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        variants.put(rows.getString(1), new Variant(rows.getLong(2), rows.getString(3)));
                    }
                }
            }
            List<Location> locations = new ArrayList<>();
            try (PreparedStatement query = db.prepareStatement("select shopify_location_id, warehouse_id from "
                    + "store_location where store_id = ? and warehouse_id is not null and active")) {
                query.setLong(1, store.id());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        locations.add(new Location(rows.getString(1), rows.getLong(2)));
                    }
                }
            }
            int checked = 0;
            int differences = 0;
            int corrected = 0;
            JsonArrayBuilder report = Json.createArrayBuilder();
            for (Location location : locations) {
                String after = null;
                do {
                    var variables = Json.createObjectBuilder().add("location", location.id());
                    if (after != null) {
                        variables.add("after", after);
                    }
                    JsonObject vars = variables.build();
                    leaveRoomForPushes(store);
                    JsonObject data = this.access.call(store, token -> this.api.run(store.domain(), token,
                            AdminOperation.LOCATION_AVAILABLE, vars));
                    JsonObject levels = data.getJsonObject("location").getJsonObject("inventoryLevels");
                    for (JsonValue node : levels.getJsonArray("nodes")) {
                        JsonObject level = node.asJsonObject();
                        String item = level.getJsonObject("item").getString("id");
                        Variant variant = variants.get(item);
                        if (variant == null) {
                            continue;
                        }
                        Long sellable = sellable(db, variant.productId(), location.warehouseId());
                        if (sellable == null) {
                            continue; // the WMS never reported this product's stock here
                        }
                        long shopify = available(level);
                        Long expected = expected(db, store.id(), item, location.id(), sellable);
                        if (expected == null) {
                            continue; // a write is under way
                        }
                        checked++;
                        if (expected != shopify) {
                            differences++;
                            if (differences <= REPORT_LIMIT) {
                                report.add(Json.createObjectBuilder().add("sku", String.valueOf(variant.sku()))
                                        .add("inventoryItemId", item).add("locationId", location.id())
                                        .add("shopify", shopify).add("wms", expected));
                            }
                            if (absolute && correct(db, store.id(), item, location.id(), variant.productId(),
                                    location.warehouseId(), sellable, shopify)) {
                                corrected++;
                            }
                        }
                    }
                    JsonObject page = levels.getJsonObject("pageInfo");
                    after = page.getBoolean("hasNextPage") ? page.getString("endCursor") : null;
                } while (after != null);
            }
            finish(db, id, "SUCCEEDED", checked, differences, corrected, report.build().toString(), null);
            this.activity.record("stock", "Drift reconciliation of " + store.domain().value() + ": " + checked
                    + " levels checked, " + differences + " differences" + (absolute ? ", " + corrected
                            + " being corrected" : " (Delta mode: reported, not corrected)"), null);
        } catch (RuntimeException | SQLException e) {
            LOG.log(Level.WARNING, "Drift reconciliation of " + store.domain().value() + " failed", e);
            try (Connection db = this.dataSource.getConnection()) {
                finish(db, id, "FAILED", 0, 0, 0, null, String.valueOf(e.getMessage()));
            } catch (SQLException again) {
                LOG.log(Level.WARNING, "Could not record the failed reconciliation", again);
            }
        }
    }

    private void leaveRoomForPushes(Store store) {
        Duration wait = this.api.budget(store.domain()).waitBefore(
                AdminOperation.LOCATION_AVAILABLE.estimatedCost() + PUSH_RESERVE, this.clock.instant());
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while pacing a reconciliation", e);
            }
        }
    }

    private static long available(JsonObject level) {
        for (JsonValue value : level.getJsonArray("quantities")) {
            if (PushRecords.QUANTITY_NAME.equals(value.asJsonObject().getString("name"))) {
                return value.asJsonObject().getJsonNumber("quantity").longValue();
            }
        }
        return 0;
    }

    private static Long sellable(Connection db, long productId, long warehouseId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select sellable from stock_level where product_id = ? "
                + "and warehouse_id = ?")) {
            query.setLong(1, productId);
            query.setLong(2, warehouseId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        }
    }

    /**
     * What Shopify should hold (with the drops seen on Shopify that no known order explains yet: a sale whose order
     * has not arrived is not put back on sale by a reconciliation either); null while a push of the level is under
     * way (its outcome decides).
     */
    private static Long expected(Connection db, long storeId, String item, String location, long sellable)
            throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                select coalesce((select sum(quantity) from order_demand where store_id = ? and inventory_item_id = ?
                    and location_id = ?), 0),
                    c.state, c.unexplained
                from (select 1) one left join stock_change c on c.store_id = ? and c.inventory_item_id = ?
                    and c.location_id = ?
                """)) {
            query.setLong(1, storeId);
            query.setString(2, item);
            query.setString(3, location);
            query.setLong(4, storeId);
            query.setString(5, item);
            query.setString(6, location);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                if ("PUSHING".equals(row.getString(2))) {
                    return null;
                }
                return AbsoluteTarget.of(sellable, row.getLong(1), row.getLong(3));
            }
        }
    }

    /** Makes the level's change pending with Shopify's quantity as the compare-and-set value. */
    private static boolean correct(Connection db, long storeId, String item, String location, long productId,
            long warehouseId, long sellable, long shopify) throws SQLException {
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

    private static void finish(Connection db, long id, String state, int checked, int differences, int corrected,
            String report, String message) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("update stock_reconciliation set state = ?, "
                + "finished_at = now(), checked = ?, differences = ?, corrected = ?, report = ?, message = ? "
                + "where id = ?")) {
            update.setString(1, state);
            update.setInt(2, checked);
            update.setInt(3, differences);
            update.setInt(4, corrected);
            update.setString(5, report);
            update.setString(6, PushRecords.trim(message));
            update.setLong(7, id);
            update.executeUpdate();
        }
    }
}
