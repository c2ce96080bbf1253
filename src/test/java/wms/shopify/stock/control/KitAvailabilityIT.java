package wms.shopify.stock.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import wms.shopify.stock.entity.MovementKind;
import wms.shopify.stock.entity.ResolvedMovement;

/**
 * The kit arithmetic where it is written, in SQL, against real PostgreSQL (embedded, the connector's migrations, no
 * Liberty): a kit's quantity is the minimum over its components of ⌊available ÷ units per kit⌋, where a component's
 * available is the one availability calculation's for the store (its own orders, the kits' orders, its rule, once);
 * the kit's own rule applies on top only when it names the kit, without its share; Delta mode's view of a kit; the
 * limiting component the Stock page explains it by; and intake's fan-out: a component's movement makes every kit made
 * of it due, 100 movements of components in one call one change per kit level. Each test has a store and a kit of
 * its own (a gift set of 2 mugs and 1 coffee).
 */
class KitAvailabilityIT {

    private static final String LOCATION = "gid://shopify/Location/1";

    @TempDir
    static Path directory;

    private static MigratedDatabase database;
    private static PGSimpleDataSource dataSource;
    private static long warehouse;

    @BeforeAll
    static void start() throws Exception {
        database = new MigratedDatabase(directory, "kits");
        dataSource = database.dataSource();
        try (Connection db = dataSource.getConnection()) {
            sql(db, "insert into warehouse (code, name, updated_at) values ('WH', 'Main', now())");
            warehouse = single(db, "select id from warehouse where code = 'WH'");
        }
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    /** A gift set of 2 mugs and 1 coffee, each product named after the test. */
    private record Kit(long gift, long mug, long coffee) {}

    private static Kit kit(Connection db, String name) throws SQLException {
        sql(
                db,
                "insert into wms_product (code, name, updated_at) values ('" + name + "-GIFT', 'Gift', now()), ('"
                        + name + "-MUG', 'Mug', now()), ('" + name + "-COFFEE', 'Coffee', now())");
        Kit kit = new Kit(
                single(db, "select id from wms_product where code = '" + name + "-GIFT'"),
                single(db, "select id from wms_product where code = '" + name + "-MUG'"),
                single(db, "select id from wms_product where code = '" + name + "-COFFEE'"));
        sql(
                db,
                "insert into wms_kit_component (kit_product_id, component_product_id, quantity) values (" + kit.gift()
                        + ", " + kit.mug() + ", 2), (" + kit.gift() + ", " + kit.coffee() + ", 1)");
        return kit;
    }

    @Test
    void theKitIsTheMinimumOverItsComponentsOfWholeKits() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            Kit kit = kit(db, "MIN");
            long store = store(db, "kit-min", "ABSOLUTE");
            assertEquals(0, kitQuantity(db, kit), "no component reported: no kit");
            assertNull(
                    nullable(db, "select stock_kit_quantity(" + kit.mug() + ", " + warehouse + ")"), "a mug is no kit");
            level(db, kit.mug(), 9);
            assertEquals(0, kitQuantity(db, kit), "a component the WMS never reported counts 0");
            level(db, kit.coffee(), 5);
            assertEquals(4, kitQuantity(db, kit), "min(⌊9 ÷ 2⌋, ⌊5 ÷ 1⌋)");
            assertEquals(4, maySell(db, store, kit, 0));
            level(db, kit.coffee(), 3);
            assertEquals(3, kitQuantity(db, kit), "the coffee limits now");
            assertEquals(3, maySell(db, store, kit, 0));
            level(db, kit.mug(), 1);
            assertEquals(0, maySell(db, store, kit, 0), "half a set is no set");
            level(db, kit.mug(), -4);
            assertEquals(0, maySell(db, store, kit, 0), "a negative WMS quantity makes no kits, never fewer than 0");
        }
    }

    @Test
    void ordersOfTheComponentsAndOfKitsComeOffOnceAndAnUnexplainedDropOfTheKitToo() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            Kit kit = kit(db, "DEMAND");
            long store = store(db, "kit-demand", "ABSOLUTE");
            String mugItem = variant(db, store, kit.mug(), "mug-demand");
            variant(db, store, kit.gift(), "gift-demand");
            level(db, kit.mug(), 9);
            level(db, kit.coffee(), 5);
            // One mug sold on its own: 8 mugs left to make sets of.
            sql(
                    db,
                    "insert into order_demand (store_id, shopify_order_id, inventory_item_id, location_id, quantity, "
                            + "updated_at) values (" + store + ", 'gid://shopify/Order/1', '" + mugItem + "', '"
                            + LOCATION + "', 1, now())");
            assertEquals(4, maySell(db, store, kit, 0), "min(⌊8 ÷ 2⌋, 5)");
            // One set sold: its 2 mugs and 1 coffee are the components' demand (not the kit's own, counted once).
            kitDemand(db, store, "gid://shopify/Order/2", kit.mug(), 2);
            kitDemand(db, store, "gid://shopify/Order/2", kit.coffee(), 1);
            assertEquals(3, maySell(db, store, kit, 0), "min(⌊6 ÷ 2⌋, 4)");
            // The mug's own level: both its orders come off (the one availability calculation, kits included).
            assertEquals(
                    6,
                    single(
                            db,
                            "select stock_level_may_sell(" + store + ", '" + mugItem + "', " + kit.mug() + ", '"
                                    + LOCATION + "', " + warehouse + ", 9, 0)"));
            assertEquals(
                    3,
                    single(
                            db,
                            "select stock_level_demand(" + store + ", '" + mugItem + "', '" + LOCATION + "', "
                                    + kit.mug() + ")"),
                    "1 of its own, 2 of the set");
            // A drop of the set on Shopify that no order explains yet: one fewer.
            assertEquals(2, maySell(db, store, kit, -1));
            // Another store's orders are not this store's demand.
            long other = store(db, "kit-demand-other", "ABSOLUTE");
            assertEquals(4, maySell(db, other, kit, 0));
        }
    }

    @Test
    void theComponentsRulesApplyOnceAndTheKitsOwnOnlyWhenItNamesTheKitWithoutItsShare() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            Kit kit = kit(db, "RULES");
            long store = store(db, "kit-rules", "ABSOLUTE");
            level(db, kit.mug(), 9);
            level(db, kit.coffee(), 5);
            // A store-wide buffer of 1: 8 mugs, 4 coffees → 4 sets, and not 3 (no second buffer on the kit).
            rule(db, store, null, null, 1L, null, null);
            assertEquals(4, maySell(db, store, kit, 0));
            // A store-wide share of 50 %: ⌊9/2⌋ = 4 mugs, ⌊5/2⌋ = 2 coffees → 2 sets, not halved again.
            sql(db, "delete from stock_rule where store_id = " + store);
            rule(db, store, null, null, null, 50, null);
            assertEquals(2, maySell(db, store, kit, 0));
            // A rule for the kit itself: its buffer and maximum apply to the kit, its share does not.
            sql(db, "delete from stock_rule where store_id = " + store);
            rule(db, store, "RULES-GIFT", null, 1L, 50, null);
            assertEquals(3, maySell(db, store, kit, 0), "4 sets less the kit's buffer of 1");
            sql(db, "delete from stock_rule where store_id = " + store);
            rule(db, store, null, "RULES-G", null, null, 2L);
            assertEquals(2, maySell(db, store, kit, 0), "a group of codes holding the kit: its maximum of 2");
            // Delta mode shows the same of the WMS's quantities (Shopify subtracts its own sales).
            assertEquals(
                    2,
                    single(
                            db,
                            "select stock_kit_shown(" + store + ", " + kit.gift() + ", '" + LOCATION + "', " + warehouse
                                    + ", null, null)"));
        }
    }

    @Test
    void theStockPageExplainsAKitByItsLimitingComponent() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            Kit kit = kit(db, "WHY");
            long store = store(db, "kit-why", "ABSOLUTE");
            level(db, kit.mug(), 9);
            level(db, kit.coffee(), 2);
            assertEquals("WHY-COFFEE: 2 ÷ 1 = 2", limit(db, store, kit));
            level(db, kit.coffee(), 7);
            assertEquals("WHY-MUG: 9 ÷ 2 = 4", limit(db, store, kit));
            assertNull(
                    nullable(
                            db,
                            "select stock_kit_limit(" + store + ", " + kit.mug() + ", '" + LOCATION + "', " + warehouse
                                    + ")"),
                    "a mug is explained as before");
        }
    }

    @Test
    void aComponentsMovementsMakeEveryKitOfItDueOneChangePerKitLevel() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            Kit kit = kit(db, "FAN");
            long absolute = store(db, "kit-fan-absolute", "ABSOLUTE");
            long delta = store(db, "kit-fan-delta", "DELTA");
            for (long store : new long[] {absolute, delta}) {
                variant(db, store, kit.mug(), "mug-fan-" + store);
                variant(db, store, kit.coffee(), "coffee-fan-" + store);
                variant(db, store, kit.gift(), "gift-fan-" + store);
            }
            // 100 movements of the components in one call: 60 mug receipts, 40 coffee receipts.
            List<ResolvedMovement> movements = new ArrayList<>();
            for (int i = 1; i <= 60; i++) {
                movements.add(movement("FAN-MUG-" + i, kit.mug(), 1, i, i, null));
            }
            for (int i = 1; i <= 40; i++) {
                movements.add(movement("FAN-COFFEE-" + i, kit.coffee(), 1, i, i, null));
            }
            IntakeResult result = ledger().record(movements);
            assertEquals(100, result.accepted());
            assertEquals(6, result.changes(), "a mug, a coffee and a set level in each of the two stores");
            for (long store : new long[] {absolute, delta}) {
                String gift = "gift-fan-" + store;
                assertEquals(
                        1, single(db, "select count(*) from stock_change where inventory_item_id = '" + gift + "'"));
                assertEquals(
                        "PENDING", text(db, "select state from stock_change where inventory_item_id = '" + gift + "'"));
                assertEquals(
                        30,
                        single(db, "select sellable from stock_change where inventory_item_id = '" + gift + "'"),
                        "min(⌊60 ÷ 2⌋, 40): the whole sets the WMS's quantities make up");
                assertEquals(
                        100,
                        single(
                                db,
                                "select count(*) from stock_movement_target t join stock_change c on c.id = "
                                        + "t.change_id where c.inventory_item_id = '" + gift + "'"),
                        "the set's change absorbed every movement of its components (the trace shows them)");
            }
            assertEquals(
                    30,
                    single(db, "select delta from stock_change where inventory_item_id = 'gift-fan-" + delta + "'"),
                    "Delta mode adds the sets shown now less before (0)");

            // The coffee runs short (a count): Delta mode takes what the set loses off: min(30, 25) − 30.
            ledger().record(List.of(movement("FAN-COFFEE-COUNT", kit.coffee(), -15, 25, 41, null)));
            assertEquals(
                    25,
                    single(db, "select delta from stock_change where inventory_item_id = 'gift-fan-" + delta + "'"));
            // An allocation of an order of that store: Shopify took the sale off itself, nothing is added.
            ledger().record(List.of(movement("FAN-MUG-ORDER", kit.mug(), -12, 48, 61, delta)));
            assertEquals(
                    25,
                    single(db, "select delta from stock_change where inventory_item_id = 'gift-fan-" + delta + "'"));
            assertEquals(
                    24,
                    single(
                            db,
                            "select sellable from stock_change where inventory_item_id = 'gift-fan-" + absolute + "'"),
                    "min(⌊48 ÷ 2⌋, 25): the set follows the WMS's quantities");
        }
    }

    private static MovementLedger ledger() {
        MovementLedger ledger = new MovementLedger();
        ledger.dataSource = dataSource;
        ledger.settings = new StockSettings();
        return ledger;
    }

    private static ResolvedMovement movement(
            String id, long product, long delta, long sellableAfter, long sequence, Long orderStore) {
        return new ResolvedMovement(
                id,
                orderStore == null ? MovementKind.RECEIVING : MovementKind.ALLOCATION,
                product,
                warehouse,
                delta,
                sellableAfter,
                sequence,
                orderStore,
                orderStore == null ? null : "gid://shopify/Order/77");
    }

    private static long kitQuantity(Connection db, Kit kit) throws SQLException {
        return single(db, "select stock_kit_quantity(" + kit.gift() + ", " + warehouse + ")");
    }

    private static long maySell(Connection db, long store, Kit kit, long unexplained) throws SQLException {
        return single(
                db,
                "select stock_kit_may_sell(" + store + ", " + kit.gift() + ", '" + LOCATION + "', " + warehouse + ", "
                        + unexplained + ")");
    }

    private static String limit(Connection db, long store, Kit kit) throws SQLException {
        return text(
                db, "select stock_kit_limit(" + store + ", " + kit.gift() + ", '" + LOCATION + "', " + warehouse + ")");
    }

    /** The WMS's sellable quantity of a product at the warehouse. */
    private static void level(Connection db, long product, long sellable) throws SQLException {
        sql(
                db,
                "insert into stock_level (product_id, warehouse_id, sellable, sequence, updated_at) values (" + product
                        + ", " + warehouse + ", " + sellable + ", 1, now()) on conflict (product_id, warehouse_id) "
                        + "do update set sellable = excluded.sellable");
    }

    private static void kitDemand(Connection db, long store, String order, long product, long units)
            throws SQLException {
        sql(
                db,
                "insert into kit_demand (store_id, shopify_order_id, product_id, location_id, quantity, updated_at) "
                        + "values (" + store + ", '" + order + "', " + product + ", '" + LOCATION + "', " + units
                        + ", now())");
    }

    private static void rule(
            Connection db, long store, String code, String prefix, Long buffer, Integer share, Long max)
            throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into stock_rule (store_id, product_code, "
                + "product_prefix, buffer, share_percent, maximum) values (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, store);
            insert.setString(2, code);
            insert.setString(3, prefix);
            insert.setObject(4, buffer, java.sql.Types.BIGINT);
            insert.setObject(5, share, java.sql.Types.INTEGER);
            insert.setObject(6, max, java.sql.Types.BIGINT);
            insert.executeUpdate();
        }
    }

    /** A connected store with stock sync on in this mode, its location mapped to the warehouse. */
    private static long store(Connection db, String name, String mode) throws SQLException {
        long id = single(
                db,
                "insert into store (domain, status, access_token, installed_at) values ('" + name
                        + ".myshopify.com', 'CONNECTED', 'sealed-token', now()) returning id");
        sql(
                db,
                "update stock_policy set sync_enabled = true, sync_mode = '" + mode + "', coalescing_window_seconds "
                        + "= 0 where store_id = " + id);
        sql(
                db,
                "insert into store_location (store_id, shopify_location_id, name, warehouse_id, active) values (" + id
                        + ", '" + LOCATION + "', 'Warehouse', " + warehouse + ", true)");
        return id;
    }

    /** A tracked variant of the store mapped to the product; its inventory item. */
    private static String variant(Connection db, long store, long product, String item) throws SQLException {
        sql(
                db,
                "insert into store_variant (store_id, variant_id, product_title, tracked, stocked_at_mapped, status, "
                        + "seen_at, product_id, inventory_item_id) values (" + store + ", 'variant-" + item + "', "
                        + "'Product', true, true, 'SKU', now(), " + product + ", '" + item + "')");
        return item;
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Long nullable(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? (Long) row.getObject(1) : null;
        }
    }

    private static String text(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static void sql(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
