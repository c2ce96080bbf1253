package wms.shopify.stock.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import wms.shopify.stock.entity.MovementKind;
import wms.shopify.stock.entity.ResolvedMovement;

/**
 * What PostgreSQL spends on the intake of stock movements, without Liberty: {@link MovementLedger} against an embedded
 * PostgreSQL of its own with the connector's migrations and {@code pg_stat_statements}, one Delta store with
 * {@code bench.skus} SKUs (10 000) mapped at one warehouse, the movements sent as calls of 1000 (each one
 * transaction, as in the server) from 4 threads. Prints the CPU of the 4 database backends that ran the calls (from
 * /proc) and each statement's time. Not part of {@code ./mvnw verify} (no *Test or *IT name); run it with
 *
 * <pre>./mvnw test -Dtest=IntakeCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * It asserts only that every movement was taken and made one change per level.
 */
class IntakeCostBenchmark {

    private static final int SKUS = Integer.getInteger("bench.skus", 10_000);
    private static final int CALL = 1000;
    private static final int CLIENTS = 4;
    private static final String LOCATION = "gid://shopify/Location/1";

    @TempDir
    static Path directory;

    @Test
    void intakeOfEverySkuAtOneWarehouse() throws Exception {
        // Started once to preload pg_stat_statements, then again with it.
        new MigratedDatabase(directory, "intake_cost").close();
        Files.writeString(
                directory.resolve("postgresql.auto.conf"),
                "shared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track = 'all'\n");
        try (MigratedDatabase database = new MigratedDatabase(directory, "intake_cost")) {
            PGSimpleDataSource dataSource = database.dataSource();
            long warehouse;
            try (Connection db = dataSource.getConnection();
                    Statement sql = db.createStatement()) {
                sql.executeUpdate("insert into warehouse (code, name, updated_at) values ('WH', 'Main', now())");
                warehouse = single(db, "select id from warehouse where code = 'WH'");
                sql.executeUpdate(
                        "insert into wms_product (code, name, updated_at) select 'BK-' || i, 'Product', now() "
                                + "from generate_series(0, " + (SKUS - 1) + ") i");
                long store = single(
                        db,
                        "insert into store (domain, status, access_token, installed_at) values "
                                + "('intake-cost.myshopify.com', 'CONNECTED', 'sealed-token', now()) returning id");
                sql.executeUpdate("update stock_policy set sync_enabled = true, sync_mode = 'DELTA', "
                        + "coalescing_window_seconds = 30 where store_id = " + store);
                sql.executeUpdate("insert into store_location (store_id, shopify_location_id, name, warehouse_id, "
                        + "active) values (" + store + ", '" + LOCATION + "', 'Warehouse', " + warehouse + ", true)");
                sql.executeUpdate("insert into store_variant (store_id, variant_id, product_title, tracked, "
                        + "stocked_at_mapped, status, seen_at, product_id, inventory_item_id) select " + store
                        + ", 'gid://shopify/ProductVariant/' || p.id, 'Product', true, true, 'SKU', now(), p.id, "
                        + "'gid://shopify/InventoryItem/' || p.id from wms_product p");
                sql.execute("vacuum analyze");
            }
            try (Connection admin = superuser(dataSource);
                    Statement sql = admin.createStatement()) {
                sql.execute("create extension pg_stat_statements");
            }
            List<Long> products = new ArrayList<>();
            try (Connection db = dataSource.getConnection();
                    Statement sql = db.createStatement();
                    ResultSet rows = sql.executeQuery("select id from wms_product order by id")) {
                while (rows.next()) {
                    products.add(rows.getLong(1));
                }
            }
            List<List<ResolvedMovement>> calls = new ArrayList<>();
            for (int from = 0; from < SKUS; from += CALL) {
                List<ResolvedMovement> call = new ArrayList<>();
                for (int i = from; i < Math.min(SKUS, from + CALL); i++) {
                    call.add(new ResolvedMovement(
                            "BURST-" + i, MovementKind.RECEIVING, products.get(i), warehouse, 5, 5, 1, null, null));
                }
                calls.add(call);
            }
            // One connection per client, each call one transaction on it, as the server's pool and @Transactional do.
            List<Connection> connections = new ArrayList<>();
            List<Long> backends = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Connection db = dataSource.getConnection();
                db.setAutoCommit(false);
                connections.add(db);
                backends.add(single(db, "select pg_backend_pid()"));
                db.commit();
            }
            try (Connection admin = superuser(dataSource);
                    Statement sql = admin.createStatement()) {
                sql.execute("select pg_stat_statements_reset()");
            }
            long cpuBefore = cpu(backends);
            long start = System.nanoTime();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                List<ResolvedMovement> call = calls.get(i);
                Connection db = connections.get(i % CLIENTS);
                answers.add(clients.submit(() -> {
                    synchronized (db) {
                        MovementLedger ledger = new MovementLedger();
                        ledger.dataSource = new PGSimpleDataSource() {
                            @Override
                            public Connection getConnection() {
                                return unclosable(db);
                            }
                        };
                        ledger.settings = new StockSettings();
                        try {
                            IntakeResult result = ledger.record(call);
                            db.commit();
                            return result.accepted();
                        } catch (RuntimeException | SQLException e) {
                            db.rollback();
                            throw e;
                        }
                    }
                }));
            }
            int accepted = 0;
            for (Future<Integer> answer : answers) {
                accepted += answer.get();
            }
            clients.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpu = cpu(backends) - cpuBefore;
            assertEquals(SKUS, accepted);
            System.out.printf(
                    "%nIntake cost: %d movements in calls of %d from %d clients in %.1f s (%.0f movements/s); CPU of "
                            + "the calls' backends %.2f s, %.3f ms per movement; load average %s%n",
                    SKUS,
                    CALL,
                    CLIENTS,
                    seconds,
                    SKUS / seconds,
                    cpu / 1000.0,
                    (double) cpu / SKUS,
                    Files.readString(Path.of("/proc/loadavg")).trim());
            try (Connection admin = superuser(dataSource);
                    PreparedStatement query = admin.prepareStatement("""
                            select calls, total_exec_time, rows, shared_blks_hit + shared_blks_read,
                                regexp_replace(left(query, 110), '\\s+', ' ', 'g')
                            from pg_stat_statements where total_exec_time > 1 order by total_exec_time desc limit 20
                            """);
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    System.out.printf(
                            "  %5d calls %9.1f ms %8d rows %9d blocks  %s%n",
                            rows.getLong(1), rows.getDouble(2), rows.getLong(3), rows.getLong(4), rows.getString(5));
                }
            }
            try (Connection db = dataSource.getConnection()) {
                assertEquals(SKUS, single(db, "select count(*) from stock_change"));
                assertEquals(SKUS, single(db, "select count(*) from stock_movement_target"));
            }
            for (Connection db : connections) {
                db.close();
            }
        }
    }

    private static Connection superuser(PGSimpleDataSource dataSource) throws SQLException {
        return dataSource.getConnection("postgres", "intake-cost-superuser");
    }

    /** A connection whose close is left to the benchmark (the ledger closes what it gets). */
    private static Connection unclosable(Connection db) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if ("close".equals(method.getName())) {
                        return null;
                    }
                    try {
                        return method.invoke(db, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** User and system CPU of these processes, in milliseconds (clock ticks of 10 ms). */
    private static long cpu(List<Long> pids) throws Exception {
        long ticks = 0;
        for (long pid : pids) {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
        return ticks * 10;
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
