package wms.shopify.stock.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import wms.shopify.stock.entity.MovementKind;
import wms.shopify.stock.entity.ResolvedMovement;

/**
 * The intake's rows without per-row foreign key checks (V133), against real PostgreSQL (embedded, the connector's
 * migrations, no Liberty): what the keys guaranteed still holds. A call naming a product, warehouse or store that is
 * gone stores nothing; deleting a product or warehouse that movements or levels name is refused; deleting movements
 * or changes deletes their links, deleting a push leaves its links without it; a store's deletion leaves its
 * movements without an order store. Each test has
 * its own products, warehouse and store.
 */
class IntakeKeysIT {

    private static final String LOCATION = "gid://shopify/Location/1";

    @TempDir
    static Path directory;

    private static MigratedDatabase database;
    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void start() throws Exception {
        database = new MigratedDatabase(directory, "intake_keys");
        dataSource = database.dataSource();
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    /** A warehouse, a product and a Delta store selling it there, named after the test. */
    private record Scene(long warehouse, long product, long store) {}

    private static Scene scene(Connection db, String name) throws SQLException {
        long warehouse = single(
                db, "insert into warehouse (code, name, updated_at) values ('" + name + "', 'W', now()) returning id");
        long product = single(
                db,
                "insert into wms_product (code, name, updated_at) values ('" + name + "', 'P', now()) returning id");
        long store = single(
                db,
                "insert into store (domain, status, access_token, installed_at) values ('"
                        + name.toLowerCase(java.util.Locale.ROOT)
                        + ".myshopify.com', 'CONNECTED', 'sealed-token', now()) returning id");
        sql(
                db,
                "update stock_policy set sync_enabled = true, sync_mode = 'DELTA', coalescing_window_seconds = 0 "
                        + "where store_id = " + store);
        sql(
                db,
                "insert into store_location (store_id, shopify_location_id, name, warehouse_id, active) values ("
                        + store + ", '" + LOCATION + "', 'Warehouse', " + warehouse + ", true)");
        sql(
                db,
                "insert into store_variant (store_id, variant_id, product_title, tracked, stocked_at_mapped, status, "
                        + "seen_at, product_id, inventory_item_id) values (" + store + ", 'variant-" + name + "', "
                        + "'Product', true, true, 'SKU', now(), " + product + ", 'item-" + name + "')");
        return new Scene(warehouse, product, store);
    }

    @Test
    void aCallNamingAProductThatIsGoneStoresNothing() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            Scene scene = scene(db, "KEYS-GONE");
            long gone = single(
                    db,
                    "insert into wms_product (code, name, updated_at) values ('KEYS-GONE-2', 'P', now()) returning id");
            sql(db, "delete from wms_product where id = " + gone);
            List<ResolvedMovement> call = List.of(
                    movement("KEYS-GONE-1", scene.product(), scene.warehouse(), null),
                    movement("KEYS-GONE-2", gone, scene.warehouse(), null));
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> inOneTransaction(call));
            assertTrue(refused.getMessage().contains("deleted meanwhile"), refused.getMessage());
            assertEquals(0, single(db, "select count(*) from stock_movement where movement_id like 'KEYS-GONE-%'"));
            assertEquals(0, single(db, "select count(*) from stock_level where warehouse_id = " + scene.warehouse()));
            assertEquals(0, single(db, "select count(*) from stock_change where store_id = " + scene.store()));

            // An order store that is gone, likewise.
            long store = single(
                    db,
                    "insert into store (domain, status, access_token, installed_at) values "
                            + "('keys-gone-store.myshopify.com', 'CONNECTED', 'sealed-token', now()) returning id");
            sql(db, "delete from store where id = " + store);
            assertThrows(
                    IllegalStateException.class,
                    () -> inOneTransaction(
                            List.of(movement("KEYS-GONE-3", scene.product(), scene.warehouse(), store))));
            assertEquals(0, single(db, "select count(*) from stock_movement where movement_id like 'KEYS-GONE-%'"));
        }
    }

    @Test
    void aProductOrWarehouseThatMovementsOrLevelsNameCannotBeDeleted() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            Scene scene = scene(db, "KEYS-KEEP");
            inOneTransaction(List.of(movement("KEYS-KEEP-1", scene.product(), scene.warehouse(), null)));
            // The store and its changes gone (their own keys are checked as before), the movement and level remain.
            sql(db, "delete from store where id = " + scene.store());
            assertEquals(1, single(db, "select count(*) from stock_level where product_id = " + scene.product()));
            assertRefusedAsForeignKey(db, "delete from wms_product where id = " + scene.product());
            assertRefusedAsForeignKey(db, "delete from warehouse where id = " + scene.warehouse());
            // The movement gone (retention), the level still names them.
            sql(db, "delete from stock_movement where movement_id = 'KEYS-KEEP-1'");
            assertRefusedAsForeignKey(db, "delete from wms_product where id = " + scene.product());
            assertRefusedAsForeignKey(db, "delete from warehouse where id = " + scene.warehouse());
            assertEquals(1, single(db, "select count(*) from wms_product where id = " + scene.product()));
            assertEquals(1, single(db, "select count(*) from warehouse where id = " + scene.warehouse()));
            // Neither named any more: both may go.
            sql(db, "delete from stock_level where product_id = " + scene.product());
            sql(db, "delete from wms_product where id = " + scene.product());
            sql(db, "delete from warehouse where id = " + scene.warehouse());
            assertEquals(0, single(db, "select count(*) from wms_product where id = " + scene.product()));
        }
    }

    @Test
    void deletingMovementsChangesOrTheStoreDeletesTheLinksAndTheOrderStore() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            Scene scene = scene(db, "KEYS-LINKS");
            inOneTransaction(List.of(
                    movement("KEYS-LINKS-1", scene.product(), scene.warehouse(), null),
                    movement("KEYS-LINKS-2", scene.product(), scene.warehouse(), scene.store())));
            String links = "select count(*) from stock_movement_target t join stock_movement m on m.id = t.movement_id "
                    + "where m.movement_id like 'KEYS-LINKS-%'";
            assertEquals(2, single(db, links));
            sql(db, "delete from stock_movement where movement_id = 'KEYS-LINKS-1'");
            assertEquals(1, single(db, links), "the deleted movement's link went with it");
            assertEquals(
                    1,
                    single(
                            db,
                            "select count(*) from stock_movement where movement_id = 'KEYS-LINKS-2' "
                                    + "and order_store_id = " + scene.store()));

            // A push that carried the link: deleting it leaves the link without a push.
            long push = single(
                    db,
                    "insert into stock_push (store_id, mode, idempotency_key, payload, quantities, state, "
                            + "next_attempt_at, created_at) values (" + scene.store()
                            + ", 'DELTA', 'keys-links', '{}', "
                            + "1, 'PUSHED', now(), now()) returning id");
            sql(
                    db,
                    "update stock_movement_target set push_id = " + push + " where change_id in "
                            + "(select id from stock_change where store_id = " + scene.store() + ")");
            sql(db, "delete from stock_push where id = " + push);
            assertEquals(1, single(db, links + " and t.push_id is null"), "the link stays, without the deleted push");

            sql(db, "delete from store where id = " + scene.store());
            assertEquals(0, single(db, "select count(*) from stock_change where store_id = " + scene.store()));
            assertEquals(0, single(db, links), "the store's changes went, and their links with them");
            assertEquals(
                    1,
                    single(
                            db,
                            "select count(*) from stock_movement where movement_id = 'KEYS-LINKS-2' "
                                    + "and order_store_id is null"),
                    "the movement stays, without its order store");
            assertEquals(
                    0,
                    single(
                            db,
                            "select count(*) from stock_movement_target where change_id not in "
                                    + "(select id from stock_change) or movement_id not in (select id from stock_movement)"));
        }
    }

    private static ResolvedMovement movement(String id, long product, long warehouse, Long orderStore) {
        return new ResolvedMovement(
                id,
                orderStore == null ? MovementKind.RECEIVING : MovementKind.ALLOCATION,
                product,
                warehouse,
                -1,
                9,
                1,
                orderStore,
                orderStore == null ? null : "gid://shopify/Order/" + id);
    }

    /** Records the call in one transaction, committed only when it succeeds, as the server's does. */
    private static IntakeResult inOneTransaction(List<ResolvedMovement> call) throws Exception {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
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
                return result;
            } catch (RuntimeException e) {
                db.rollback();
                throw e;
            }
        }
    }

    private static Connection unclosable(Connection db) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if ("close".equals(method.getName())) {
                        return null;
                    }
                    try {
                        return method.invoke(db, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void assertRefusedAsForeignKey(Connection db, String delete) {
        SQLException refused = assertThrows(SQLException.class, () -> sql(db, delete));
        assertEquals("23503", refused.getSQLState(), refused.getMessage());
    }

    private static void sql(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
