package wms.shopify.stock.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import wms.shopify.platform.database.EmbeddedDatabase;
import wms.shopify.platform.database.SchemaMigration;
import wms.shopify.returns.entity.ShopifyRestock;

/**
 * Transactions that update several pending changes must lock them in the order intake does
 * ({@link StockChanges#LOCK_ORDER}), or they and a call recording movements of the same items deadlock: a Shopify
 * restock marking levels to read again, and a push's completion. Real PostgreSQL (embedded, the connector's
 * migrations), two transactions driven step by step: intake holds the first level (in key order) and goes on to the
 * second while the other transaction runs.
 */
class StockChangesLockOrderIT {

    private static final String FIRST = "gid://shopify/InventoryItem/1";
    private static final String SECOND = "gid://shopify/InventoryItem/2";
    private static final String LOCATION = "gid://shopify/Location/1";

    @TempDir
    Path directory;

    /** The test's own database, stopped after it. */
    private record Started(PGSimpleDataSource dataSource, EmbeddedDatabase database) {}

    private Started database;

    @Test
    void aRestockWaitsForIntakeInKeyOrderInsteadOfDeadlockingWithIt() throws Exception {
        long[] marked = new long[1];
        long store = whileIntakeHoldsTheFirstLevel("IDLE", (restock, storeId) -> {
            marked[0] = StockChanges.markToReadAgain(
                    restock, new ShopifyRestock(storeId, LOCATION, Set.of("P-1", "P-2")), 0);
        });
        assertEquals(2, marked[0], "both levels marked to be read again");
        assertEquals(2, count(store, "delta = 1 and reread and state = 'PENDING'"), "both transactions' work is there");
    }

    @Test
    void aPushsCompletionWaitsForIntakeInKeyOrderInsteadOfDeadlockingWithIt() throws Exception {
        long store = whileIntakeHoldsTheFirstLevel("PUSHING", (completion, storeId) -> {
            StockChanges.pushApplied(completion, pushId(completion, storeId), storeId, Map.of());
        });
        assertEquals(
                2,
                count(store, "delta = 1 and push_id is null and state = 'PENDING' and shopify_known = 5"),
                "both levels learnt what Shopify holds and, having absorbed a movement meanwhile, are due again");
    }

    /** The other transaction's work on the store's two levels. */
    @FunctionalInterface
    interface Work {
        void run(Connection db, long storeId) throws SQLException;
    }

    /**
     * Seeds two levels in the given state (stored second item first), lets intake lock the first, runs the work
     * in a second transaction until it waits for a lock, then lets intake take the second: neither may be cancelled.
     */
    private long whileIntakeHoldsTheFirstLevel(String state, Work work) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedDatabase started =
                EmbeddedDatabase.start(this.directory, port, "lock_order", "wms", "wms", "lock-order-superuser");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        this.database = new Started(dataSource, started);
        dataSource.setUrl("jdbc:postgresql://localhost:" + port + "/lock_order");
        dataSource.setUser("wms");
        dataSource.setPassword("wms");
        new SchemaMigration().migrate(dataSource);
        long store = seed(dataSource, state);
        ExecutorService others = Executors.newSingleThreadExecutor();
        try (Connection intake = dataSource.getConnection();
                Connection other = dataSource.getConnection()) {
            intake.setAutoCommit(false);
            other.setAutoCommit(false);
            int otherPid = pid(other);
            // The plan PostgreSQL picks for a store with many levels: a scan in the table's physical order (here
            // the second item first), not the unique index's order. The lock order must not depend on the plan.
            try (Statement plan = other.createStatement()) {
                plan.execute("set enable_indexscan = off");
                plan.execute("set enable_indexonlyscan = off");
            }
            // Intake absorbs a movement of the first item (in key order), then of the second.
            absorb(intake, FIRST);
            Future<Void> done = others.submit(() -> {
                work.run(other, store);
                other.commit();
                return null;
            });
            waitUntilWaitingForALock(dataSource, otherPid, done);
            try {
                absorb(intake, SECOND);
                intake.commit();
            } catch (SQLException e) {
                fail("intake was cancelled while another transaction updated the same levels: " + e.getMessage());
            }
            try {
                done.get();
            } catch (ExecutionException e) {
                fail("the other transaction was cancelled while intake recorded the same levels: "
                        + e.getCause().getMessage());
            }
        } finally {
            others.shutdownNow();
        }
        return store;
    }

    @AfterEach
    void stop() {
        if (this.database != null) {
            this.database.database().close();
        }
    }

    private int count(long store, String condition) throws SQLException {
        try (Connection db = this.database.dataSource().getConnection();
                Statement query = db.createStatement();
                ResultSet rows = query.executeQuery(
                        "select count(*) from stock_change where store_id = " + store + " and " + condition)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static long pushId(Connection db, long store) throws SQLException {
        try (Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("select id from stock_push " + "where store_id = " + store)) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * One Absolute store, two products mapped to tracked variants, their changes stored second item first: idle, or
     * both in one push (Absolute, writing 5) that Shopify has applied.
     */
    private static long seed(PGSimpleDataSource dataSource, String state) throws SQLException {
        try (Connection db = dataSource.getConnection();
                Statement sql = db.createStatement()) {
            sql.executeUpdate("insert into warehouse (code, name, updated_at) values ('WH', 'Main', now())");
            sql.executeUpdate("insert into wms_product (code, name, updated_at) values ('P-1', 'One', now()), "
                    + "('P-2', 'Two', now())");
            sql.executeUpdate("insert into store (domain, status, installed_at) "
                    + "values ('lock-order.myshopify.com', 'DISCONNECTED', now())");
            sql.executeUpdate("update stock_policy set sync_enabled = true, sync_mode = 'ABSOLUTE'");
            long store;
            try (ResultSet row = sql.executeQuery("select id from store")) {
                row.next();
                store = row.getLong(1);
            }
            String push = "null";
            if ("PUSHING".equals(state)) {
                sql.executeUpdate(
                        "insert into stock_push (store_id, mode, idempotency_key, payload, quantities, state, "
                                + "attempts, next_attempt_at, created_at) values (" + store
                                + ", 'ABSOLUTE', 'lock-order-key', "
                                + "'{}', 2, 'PUSHED', 1, now(), now())");
                push = "(select id from stock_push where idempotency_key = 'lock-order-key')";
            }
            for (int i : new int[] {2, 1}) {
                sql.executeUpdate("insert into store_variant (store_id, variant_id, product_title, tracked, "
                        + "stocked_at_mapped, status, seen_at, product_id, inventory_item_id) values (" + store
                        + ", 'gid://shopify/ProductVariant/" + i + "', 'Product " + i + "', true, true, 'SKU', now(), "
                        + "(select id from wms_product where code = 'P-" + i + "'), 'gid://shopify/InventoryItem/" + i
                        + "')");
                sql.executeUpdate("insert into stock_change (store_id, inventory_item_id, location_id, product_id, "
                        + "warehouse_id, state, sellable, push_id, in_push_position, in_push_delta, in_push_quantity, "
                        + "in_push_generation, updated_at) values (" + store + ", 'gid://shopify/InventoryItem/" + i
                        + "', '" + LOCATION + "', (select id from wms_product where code = 'P-" + i + "'), "
                        + "(select id from warehouse), '" + state + "', 5, " + push + ", " + (2 - i) + ", 0, 5, 0, "
                        + "now())");
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
        try (Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("select pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }

    /** Until the other transaction waits for a row lock (or has finished, which would be a failure). */
    private static void waitUntilWaitingForALock(PGSimpleDataSource dataSource, int pid, Future<?> other)
            throws Exception {
        try (Connection db = dataSource.getConnection()) {
            while (!other.isDone()) {
                try (Statement sql = db.createStatement();
                        ResultSet row = sql.executeQuery("select count(*) from pg_stat_activity where pid = " + pid
                                + " and wait_event_type = 'Lock'")) {
                    row.next();
                    if (row.getInt(1) == 1) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        fail("the other transaction did not wait for intake's lock on the first level: " + other);
    }
}
