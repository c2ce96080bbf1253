package wms.shopify.stock.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import wms.shopify.platform.database.EmbeddedDatabase;
import wms.shopify.platform.database.SchemaMigration;
import wms.shopify.returns.entity.ShopifyRestock;

/**
 * A Shopify restock marks several pending changes in one transaction; it must lock them in the order intake does
 * ({@link MovementLedger#LOCK_ORDER}), or a restock and a call recording movements of the same items deadlock.
 * Real PostgreSQL (embedded, the connector's migrations), two transactions driven step by step: intake holds the
 * first level (in key order) and goes on to the second while the restock runs.
 */
class RestockLedgerLockOrderTest {

    private static final String FIRST = "gid://shopify/InventoryItem/1";
    private static final String SECOND = "gid://shopify/InventoryItem/2";
    private static final String LOCATION = "gid://shopify/Location/1";

    @TempDir
    Path directory;

    @Test
    void aRestockWaitsForIntakeInKeyOrderInsteadOfDeadlockingWithIt() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(this.directory, port, "lock_order", "wms", "wms",
                "lock-order-superuser")) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl("jdbc:postgresql://localhost:" + port + "/lock_order");
            dataSource.setUser("wms");
            dataSource.setPassword("wms");
            new SchemaMigration().migrate(dataSource);
            long store = seed(dataSource);
            ExecutorService restocks = Executors.newSingleThreadExecutor();
            try (Connection intake = dataSource.getConnection(); Connection restock = dataSource.getConnection()) {
                intake.setAutoCommit(false);
                restock.setAutoCommit(false);
                int restockPid = pid(restock);
                // The plan PostgreSQL picks for a store with many levels: a scan in the table's physical order (here
                // the second item first), not the unique index's order. The lock order must not depend on the plan.
                try (Statement plan = restock.createStatement()) {
                    plan.execute("set enable_indexscan = off");
                    plan.execute("set enable_indexonlyscan = off");
                }
                // Intake absorbs a movement of the first item (in key order), then of the second.
                absorb(intake, FIRST);
                Future<Integer> marked = restocks.submit(() -> {
                    int levels = RestockLedger.markToReadAgain(restock,
                            new ShopifyRestock(store, LOCATION, Set.of("P-1", "P-2")), 0);
                    restock.commit();
                    return levels;
                });
                waitUntilWaitingForALock(dataSource, restockPid, marked);
                try {
                    absorb(intake, SECOND);
                    intake.commit();
                } catch (SQLException e) {
                    fail("intake was cancelled while a restock marked the same levels: " + e.getMessage());
                }
                try {
                    assertEquals(2, marked.get(), "both levels marked to be read again");
                } catch (ExecutionException e) {
                    fail("the restock was cancelled while intake recorded the same levels: "
                            + e.getCause().getMessage());
                }
            } finally {
                restocks.shutdownNow();
            }
            try (Connection db = dataSource.getConnection(); Statement query = db.createStatement();
                    ResultSet rows = query.executeQuery("select count(*) from stock_change where delta = 1 "
                            + "and reread and state = 'PENDING'")) {
                rows.next();
                assertEquals(2, rows.getInt(1), "both transactions' work is there");
            }
        }
    }

    /** One Absolute store, two products mapped to tracked variants, their idle changes stored second item first. */
    private static long seed(PGSimpleDataSource dataSource) throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            sql.executeUpdate("insert into warehouse (code, name, updated_at) values ('WH', 'Main', now())");
            sql.executeUpdate("insert into wms_product (code, name, updated_at) values ('P-1', 'One', now()), "
                    + "('P-2', 'Two', now())");
            sql.executeUpdate("insert into store (domain, status, installed_at, stock_sync_enabled, stock_sync_mode) "
                    + "values ('lock-order.myshopify.com', 'DISCONNECTED', now(), true, 'ABSOLUTE')");
            long store;
            try (ResultSet row = sql.executeQuery("select id from store")) {
                row.next();
                store = row.getLong(1);
            }
            for (int i : new int[] {2, 1}) {
                sql.executeUpdate("insert into store_variant (store_id, variant_id, product_title, tracked, "
                        + "stocked_at_mapped, status, seen_at, product_id, inventory_item_id) values (" + store
                        + ", 'gid://shopify/ProductVariant/" + i + "', 'Product " + i + "', true, true, 'SKU', now(), "
                        + "(select id from wms_product where code = 'P-" + i + "'), 'gid://shopify/InventoryItem/" + i
                        + "')");
                sql.executeUpdate("insert into stock_change (store_id, inventory_item_id, location_id, product_id, "
                        + "warehouse_id, state, sellable, updated_at) values (" + store + ", 'gid://shopify/InventoryItem/"
                        + i + "', '" + LOCATION + "', (select id from wms_product where code = 'P-" + i + "'), "
                        + "(select id from warehouse), 'IDLE', 5, now())");
            }
            return store;
        }
    }

    /** What intake's upsert does to a pending change it absorbs a movement into: locks and updates it. */
    private static void absorb(Connection intake, String item) throws SQLException {
        try (Statement sql = intake.createStatement()) {
            sql.executeUpdate("update stock_change set delta = delta + 1 where inventory_item_id = '" + item + "'");
        }
    }

    private static int pid(Connection db) throws SQLException {
        try (Statement sql = db.createStatement(); ResultSet row = sql.executeQuery("select pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }

    /** Until the restock's transaction waits for a row lock (or has finished, which would be a failure). */
    private static void waitUntilWaitingForALock(PGSimpleDataSource dataSource, int pid, Future<?> restock)
            throws Exception {
        try (Connection db = dataSource.getConnection()) {
            while (!restock.isDone()) {
                try (Statement sql = db.createStatement(); ResultSet row = sql.executeQuery(
                        "select count(*) from pg_stat_activity where pid = " + pid + " and wait_event_type = 'Lock'")) {
                    row.next();
                    if (row.getInt(1) == 1) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        fail("the restock did not wait for intake's lock on the first level: " + restock);
    }
}
