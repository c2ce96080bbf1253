package wms.shopify.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The move of the per-store settings off {@code store} into each component's policy table (V50, V51): a store with
 * values other than the defaults keeps every one of them, a store with the defaults keeps those, the old columns
 * are gone, and a store added afterwards gets each policy's defaults. Real PostgreSQL (embedded), the connector's
 * migrations up to the one before V50 first, then the rest.
 */
class PolicyMigrationIT {

    @TempDir
    Path directory;

    @Test
    void everyStoresSettingsAreKeptInTheirComponentsPolicy() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(
                this.directory, port, "policy_migration", "wms", "wms", "policy-migration-superuser")) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl("jdbc:postgresql://localhost:" + port + "/policy_migration");
            dataSource.setUser("wms");
            dataSource.setPassword("wms");
            // Up to the last migration before V50 (whichever number it has), as a database of that release is.
            MigrationVersion v50 = MigrationVersion.fromVersion("50");
            MigrationVersion before = java.util.Arrays.stream(Flyway.configure(SchemaMigration.class.getClassLoader())
                            .dataSource(dataSource)
                            .locations("classpath:db/migration")
                            .load()
                            .info()
                            .all())
                    .map(MigrationInfo::getVersion)
                    .filter(v -> v.compareTo(v50) < 0)
                    .max(MigrationVersion::compareTo)
                    .orElseThrow();
            Flyway.configure(SchemaMigration.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .target(before)
                    .load()
                    .migrate();
            try (Connection db = dataSource.getConnection();
                    Statement sql = db.createStatement()) {
                sql.executeUpdate("insert into store (domain, status, installed_at, stock_sync_enabled, "
                        + "stock_sync_mode, coalescing_window_seconds, order_statuses, financial_statuses, "
                        + "fulfillment_statuses, import_test_orders, return_sync_enabled, return_auto_close, "
                        + "notify_customer_on_shipment) values ('chosen.myshopify.com', 'DISCONNECTED', now(), true, "
                        + "'ABSOLUTE', 45, 'open,closed', 'paid,authorized', '', true, true, true, false)");
                sql.executeUpdate("insert into store (domain, status, installed_at) values "
                        + "('untouched.myshopify.com', 'DISCONNECTED', now())");
            }

            assertTrue(new SchemaMigration().migrate(dataSource).applied() > 0, "V50 (and any later) applied");

            try (Connection db = dataSource.getConnection();
                    Statement sql = db.createStatement()) {
                assertEquals(
                        "true|ABSOLUTE|45|open,closed|paid,authorized||true|true|true|false", policies(sql, "chosen"));
                assertEquals(
                        "false|DELTA|30|open|paid|unfulfilled,partially_fulfilled|false|false|false|true",
                        policies(sql, "untouched"));
                for (String column : new String[] {
                    "stock_sync_enabled",
                    "stock_sync_mode",
                    "coalescing_window_seconds",
                    "order_statuses",
                    "financial_statuses",
                    "fulfillment_statuses",
                    "import_test_orders",
                    "return_sync_enabled",
                    "return_auto_close",
                    "notify_customer_on_shipment"
                }) {
                    assertFalse(hasColumn(sql, "store", column), "store." + column + " was dropped");
                }

                sql.executeUpdate("insert into store (domain, status, installed_at) values "
                        + "('later.myshopify.com', 'DISCONNECTED', now())");
                assertEquals(
                        "false|DELTA|30|open|paid|unfulfilled,partially_fulfilled|false|false|false|true",
                        policies(sql, "later"),
                        "a store added later has each policy's defaults");

                sql.executeUpdate("delete from store where domain = 'later.myshopify.com'");
                try (ResultSet left = sql.executeQuery("select (select count(*) from stock_policy) || '|' "
                        + "|| (select count(*) from intake_policy) || '|' || (select count(*) from return_policy) "
                        + "|| '|' || (select count(*) from shipping_policy)")) {
                    assertTrue(left.next());
                    assertEquals("2|2|2|2", left.getString(1), "a store's policies go with it");
                }
            }
        }
    }

    /** A store's policies in one line, in the order of the old columns. */
    private static String policies(Statement sql, String shop) throws SQLException {
        try (ResultSet row = sql.executeQuery("select concat_ws('|', s.sync_enabled::text, s.sync_mode, "
                + "s.coalescing_window_seconds, i.order_statuses, i.financial_statuses, i.fulfillment_statuses, "
                + "i.import_test_orders::text, r.sync_enabled::text, r.auto_close::text, "
                + "h.notify_customer_on_shipment::text) "
                + "from store t join stock_policy s on s.store_id = t.id join intake_policy i on i.store_id = t.id "
                + "join shipping_policy h on h.store_id = t.id "
                + "join return_policy r on r.store_id = t.id where t.domain = '" + shop + ".myshopify.com'")) {
            assertTrue(row.next(), shop + " has a row in each policy table");
            String line = row.getString(1);
            assertFalse(row.next(), shop + " has one row in each policy table");
            return line;
        }
    }

    private static boolean hasColumn(Statement sql, String table, String column) throws SQLException {
        try (ResultSet row = sql.executeQuery("select count(*) from information_schema.columns where table_name = '"
                + table + "' and column_name = '" + column + "'")) {
            row.next();
            return row.getInt(1) > 0;
        }
    }
}
