package wms.shopify.stock.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;
import wms.shopify.stock.entity.StockRule;

/**
 * The availability rules where they are resolved and applied, against real PostgreSQL (embedded, the connector's
 * migrations, no Liberty): the one availability calculation ({@code stock_may_sell}) with each kind of rule and
 * their combinations, which rule of a store applies to a level ({@code stock_rule_of}: the most specific), what
 * Delta mode is shown ({@code stock_shown}), and {@link StockRules}: the preview, the refusals (a location or product
 * that is not there, shares over 100 %) and the levels a change makes due. Each test has stores of its own.
 */
class AvailabilityRulesIT {

    private static final String LOCATION = "gid://shopify/Location/1";
    private static final String OTHER_LOCATION = "gid://shopify/Location/2";

    @TempDir
    static Path directory;

    private static MigratedDatabase database;
    private static PGSimpleDataSource dataSource;
    private static long shirt;
    private static long shirtLarge;
    private static long mug;
    private static long warehouse;
    private static long otherWarehouse;

    @BeforeAll
    static void start() throws Exception {
        database = new MigratedDatabase(directory, "availability");
        dataSource = database.dataSource();
        try (Connection db = dataSource.getConnection();
                Statement sql = db.createStatement()) {
            sql.executeUpdate("insert into warehouse (code, name, updated_at) values ('WH', 'Main', now()), "
                    + "('WH-2', 'Second', now())");
            sql.executeUpdate("insert into wms_product (code, name, updated_at) values ('SHIRT-S', 'Shirt S', now()), "
                    + "('SHIRT-L', 'Shirt L', now()), ('MUG', 'Mug', now())");
            shirt = single(db, "select id from wms_product where code = 'SHIRT-S'");
            shirtLarge = single(db, "select id from wms_product where code = 'SHIRT-L'");
            mug = single(db, "select id from wms_product where code = 'MUG'");
            warehouse = single(db, "select id from warehouse where code = 'WH'");
            otherWarehouse = single(db, "select id from warehouse where code = 'WH-2'");
        }
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void withoutARuleTheCalculationIsTheOneBeforeRules() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            for (long sellable : new long[] {-5, 0, 1, 7, 1_000_000_000}) {
                for (long demand : new long[] {0, 2, 9}) {
                    for (long unexplained : new long[] {-3, 0, 4}) {
                        long before = Math.max(0, sellable - demand + Math.min(0, unexplained));
                        assertEquals(before, maySell(db, sellable, demand, unexplained, null));
                        assertEquals(
                                before,
                                single(
                                        db,
                                        "select stock_may_sell(" + sellable + ", " + demand + ", " + unexplained
                                                + ")"));
                    }
                }
            }
        }
    }

    @Test
    void eachKindOnItsOwn() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            // Buffer: available less N, never below 0.
            assertEquals(8, maySell(db, 10, 0, 0, rule(2L, null, null, null)));
            assertEquals(0, maySell(db, 1, 0, 0, rule(2L, null, null, null)));
            assertEquals(5, maySell(db, 10, 3, 0, rule(2L, null, null, null)), "after the open order units");
            // Share: P % of the WMS quantity, rounded down, before the store's own open orders come off.
            assertEquals(3, maySell(db, 7, 0, 0, rule(null, 50, null, null)));
            assertEquals(2, maySell(db, 7, 1, 0, rule(null, 50, null, null)));
            assertEquals(0, maySell(db, 1, 0, 0, rule(null, 50, null, null)), "half a unit is no unit");
            assertEquals(0, maySell(db, 100, 0, 0, rule(null, 0, null, null)));
            assertEquals(100, maySell(db, 100, 0, 0, rule(null, 100, null, null)));
            // Maximum shown.
            assertEquals(50, maySell(db, 80, 0, 0, rule(null, null, 50L, null)));
            assertEquals(30, maySell(db, 30, 0, 0, rule(null, null, 50L, null)));
            assertEquals(0, maySell(db, 30, 0, 0, rule(null, null, 0L, null)));
            // Out of stock below N: 0 when fewer than N remain, N itself is shown.
            assertEquals(0, maySell(db, 2, 0, 0, rule(null, null, null, 3L)));
            assertEquals(3, maySell(db, 3, 0, 0, rule(null, null, null, 3L)));
            assertEquals(0, maySell(db, 4, 2, 0, rule(null, null, null, 3L)), "what remains after open orders");
        }
    }

    @Test
    void kindsCombineShareThenOrdersThenBufferThenOutOfStockBelowThenMaximum() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            StockRule all = rule(2L, 50, 20L, 5L);
            // 101 → 50 (share) → 47 (3 open) → 45 (buffer) → 45 (≥ 5) → 20 (maximum)
            assertEquals(20, maySell(db, 101, 3, 0, all));
            // 21 → 10 → 9 (1 open) → 7 → 7 → 7
            assertEquals(7, maySell(db, 21, 1, 0, all));
            // 13 → 6 → 6 → 4 → below 5: 0
            assertEquals(0, maySell(db, 13, 0, 0, all));
            // an unexplained drop counts as an order: 21 → 10 → 7 (−3) → 5 → 5
            assertEquals(5, maySell(db, 21, 0, -3, all));
            // a rise never adds: 21 → 10 → 10 → 8
            assertEquals(8, maySell(db, 21, 0, 4, all));
        }
    }

    @Test
    void zeroAndNegativeQuantitiesPublishZero() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            StockRule all = rule(2L, 50, 20L, 5L);
            assertEquals(0, maySell(db, 0, 0, 0, all));
            assertEquals(0, maySell(db, -10, 0, 0, all));
            assertEquals(0, maySell(db, -10, 0, 0, rule(null, 50, null, null)));
            assertEquals(0, maySell(db, 5, 9, 0, rule(null, null, 50L, null)));
            assertEquals(0, maySell(db, 0, 0, 0, rule(0L, null, null, 0L)));
            assertEquals(7, maySell(db, 7, 0, 0, rule(0L, null, null, 0L)), "zero buffer and threshold: no change");
        }
    }

    @Test
    void theMostSpecificRuleOfTheStoreAppliesAllOfIt() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            long store = store(db, "precedence", "ABSOLUTE");
            long other = store(db, "precedence-other", "ABSOLUTE");
            assertNull(ruleOf(db, store, shirt, LOCATION), "no rule");
            insertRule(db, other, null, null, null, 9L, null);
            assertNull(ruleOf(db, store, shirt, LOCATION), "another store's rule is not this store's");

            insertRule(db, store, null, null, null, 1L, null);
            assertEquals(1L, ruleOf(db, store, mug, LOCATION), "store-wide");
            insertRule(db, store, LOCATION, null, null, 2L, null);
            assertEquals(2L, ruleOf(db, store, mug, LOCATION), "the location's over the store-wide one");
            assertEquals(1L, ruleOf(db, store, mug, OTHER_LOCATION), "another location keeps the store-wide one");
            insertRule(db, store, null, null, "SHIRT", 3L, null);
            assertEquals(3L, ruleOf(db, store, shirt, LOCATION), "a product group over a location");
            assertEquals(2L, ruleOf(db, store, mug, LOCATION), "outside the group");
            insertRule(db, store, LOCATION, null, "SHIRT", 4L, null);
            assertEquals(4L, ruleOf(db, store, shirt, LOCATION), "the group at the location");
            assertEquals(3L, ruleOf(db, store, shirt, OTHER_LOCATION));
            insertRule(db, store, null, null, "SHIRT-", 5L, null);
            assertEquals(5L, ruleOf(db, store, shirt, LOCATION), "the longest matching group");
            insertRule(db, store, null, "SHIRT-S", null, 6L, null);
            assertEquals(6L, ruleOf(db, store, shirt, LOCATION), "one product over every group");
            assertEquals(5L, ruleOf(db, store, shirtLarge, LOCATION), "the other shirt keeps the group's");
            insertRule(db, store, OTHER_LOCATION, "SHIRT-S", null, 7L, null);
            assertEquals(7L, ruleOf(db, store, shirt, OTHER_LOCATION));
            assertEquals(6L, ruleOf(db, store, shirt, LOCATION));
        }
    }

    @Test
    void deltaModeIsShownTheRulesDifferenceAndWithoutARuleTheDeltaItself() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            assertEquals(-5, shown(db, -5, null), "no rule: the WMS quantity as it is");
            assertEquals(12, shown(db, 12, null));
            StockRule half = rule(1L, 50, null, null);
            assertEquals(4, shown(db, 10, half));
            assertEquals(0, shown(db, 2, half));
            // Movements 10 → 13 → 9 → 20 in any order add up to shown(20) − shown(10), what the store is shown.
            long steps = (shown(db, 13, half) - shown(db, 10, half))
                    + (shown(db, 9, half) - shown(db, 13, half))
                    + (shown(db, 20, half) - shown(db, 9, half));
            assertEquals(shown(db, 20, half) - shown(db, 10, half), steps);
        }
    }

    @Test
    void aPreviewCountsWhatWouldChangeAndSavesNothing() throws SQLException {
        StockRules rules = rules();
        long store;
        try (Connection db = dataSource.getConnection()) {
            store = store(db, "preview", "ABSOLUTE");
            location(db, store, LOCATION, warehouse);
            level(db, store, "item-shirt", shirt, 10);
            level(db, store, "item-large", shirtLarge, 2);
            level(db, store, "item-mug", mug, 100);
        }
        RulesChangeView preview = rules.preview(
                store,
                List.of(
                        new StockRule(null, null, "SHIRT", 3L, null, null, null),
                        new StockRule(null, "MUG", null, null, null, 500L, null)));
        assertEquals(3, preview.levels());
        assertEquals(2, preview.down(), "the shirts go down");
        assertEquals(1, preview.toZero(), "2 large shirts less a buffer of 3");
        assertEquals(0, preview.up(), "a maximum above the quantity changes nothing");
        assertEquals("2 items down (1 to zero), 0 up, of 3", preview.summary());
        RulesChangeView.Level first = preview.examples().get(0);
        assertEquals("SHIRT-L", first.product());
        assertEquals(2, first.wms());
        assertEquals(2, first.before());
        assertEquals(0, first.after());
        assertEquals(2, preview.rules().size());
        assertTrue(rules.of(store).isEmpty(), "nothing saved");
        try (Connection db = dataSource.getConnection()) {
            assertEquals(
                    0,
                    single(db, "select count(*) from stock_change where store_id = " + store + " and state <> 'IDLE'"),
                    "nothing made due");
        }
    }

    @Test
    void aLocationOrProductThatIsNotThereIsRefusedByItsField() throws SQLException {
        StockRules rules = rules();
        long store;
        try (Connection db = dataSource.getConnection()) {
            store = store(db, "unknown-scope", "ABSOLUTE");
            location(db, store, LOCATION, warehouse);
        }
        InvalidRequestException refused = assertThrows(
                InvalidRequestException.class,
                () -> rules.preview(
                        store,
                        List.of(
                                new StockRule(OTHER_LOCATION, null, null, 1L, null, null, null),
                                new StockRule(null, "NOPE", null, 1L, null, null, null),
                                new StockRule(null, null, "ZZ", 1L, null, null, null),
                                new StockRule(LOCATION, "MUG", null, 1L, null, null, null))));
        List<String> fields = refused.errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("rules[0].location", "rules[1].product", "rules[2].productGroup"), fields);
        assertTrue(refused.errors().get(1).message().contains("NOPE"));
    }

    @Test
    void sharesOfTheStoresSellingOneWarehouseMayNotExceedAHundredPercent() throws SQLException {
        StockRules rules = rules();
        long first;
        long second;
        try (Connection db = dataSource.getConnection()) {
            first = store(db, "share-first", "ABSOLUTE");
            second = store(db, "share-second", "DELTA");
            long elsewhere = store(db, "share-elsewhere", "ABSOLUTE");
            // Warehouses of this test's own: the other tests' stores sell WH.
            sql(db, "insert into warehouse (code, name, updated_at) values ('WH-SHARE', 'Shared', now())");
            long shared = single(db, "select id from warehouse where code = 'WH-SHARE'");
            location(db, first, LOCATION, shared);
            location(db, second, OTHER_LOCATION, shared);
            location(db, elsewhere, LOCATION, otherWarehouse);
            db.setAutoCommit(false);
            rules.replace(db, first, List.of(new StockRule(null, null, null, null, 60, null, null)), true);
            rules.replace(db, elsewhere, List.of(new StockRule(null, null, null, null, 90, null, null)), true);
            db.commit();
            db.setAutoCommit(true);
        }
        InvalidRequestException refused = assertThrows(
                InvalidRequestException.class,
                () -> rules.preview(
                        second,
                        List.of(
                                new StockRule(null, "MUG", null, null, 80, null, null),
                                new StockRule(OTHER_LOCATION, null, null, 1L, 50, null, null))));
        assertEquals(1, refused.errors().size(), refused.errors().toString());
        FieldError error = refused.errors().get(0);
        assertEquals("rules[1].sharePercent", error.field());
        assertTrue(
                error.message().contains("warehouse WH-SHARE for every product would add up to 110 %"),
                error.message());
        assertTrue(error.message().contains("share-first.myshopify.com 60 % at " + LOCATION), error.message());
        assertTrue(error.message().contains("share-second.myshopify.com 50 % at " + OTHER_LOCATION), error.message());
        assertTrue(rules.of(second).isEmpty(), "nothing saved");

        RulesChangeView fits = rules.preview(
                second,
                List.of(
                        new StockRule(null, "MUG", null, null, 80, null, null),
                        new StockRule(OTHER_LOCATION, null, null, 1L, 40, null, null)));
        assertEquals(2, fits.rules().size(), "60 + 40 on WH, and a product's share is its own scope");
    }

    @Test
    void aSavedChangeMakesTheLevelsItChangesDueAndShiftsDeltaModeByTheDifference() throws SQLException {
        StockRules rules = rules();
        try (Connection db = dataSource.getConnection()) {
            long absolute = store(db, "republish-absolute", "ABSOLUTE");
            long delta = store(db, "republish-delta", "DELTA");
            location(db, absolute, LOCATION, warehouse);
            location(db, delta, LOCATION, warehouse);
            long absoluteShirt = level(db, absolute, "item-shirt", shirt, 10);
            long absoluteMug = level(db, absolute, "item-mug", mug, 10);
            long deltaShirt = level(db, delta, "item-shirt", shirt, 10);
            db.setAutoCommit(false);
            RulesChangeView saved = rules.replace(
                    db, absolute, List.of(new StockRule(null, "SHIRT-S", null, 4L, null, null, null)), true);
            rules.replace(db, delta, List.of(new StockRule(null, null, null, null, 30, null, null)), true);
            db.commit();
            db.setAutoCommit(true);
            assertEquals(1, saved.down());
            assertEquals("PENDING", text(db, "select state from stock_change where id = " + absoluteShirt));
            assertEquals(0, single(db, "select delta from stock_change where id = " + absoluteShirt));
            assertEquals("IDLE", text(db, "select state from stock_change where id = " + absoluteMug), "unchanged");
            assertEquals("PENDING", text(db, "select state from stock_change where id = " + deltaShirt));
            assertEquals(-7, single(db, "select delta from stock_change where id = " + deltaShirt), "10 → 3");
            assertEquals(
                    6,
                    single(
                            db,
                            "select stock_may_sell(c.sellable, 0, 0, stock_rule_of(c.store_id, "
                                    + "c.product_id, c.location_id)) from stock_change c where c.id = "
                                    + absoluteShirt));

            db.setAutoCommit(false);
            rules.replace(db, delta, List.of(), true);
            db.commit();
            db.setAutoCommit(true);
            assertEquals(0, single(db, "select delta from stock_change where id = " + deltaShirt), "back: 3 → 10");
        }
    }

    private static StockRules rules() {
        StockRules rules = new StockRules();
        rules.dataSource = dataSource;
        rules.settings = new StockSettings();
        return rules;
    }

    private static StockRule rule(Long buffer, Integer share, Long maximum, Long below) {
        return new StockRule(null, null, null, buffer, share, maximum, below);
    }

    /** The calculation with a rule built in SQL from the values given (null: no rule). */
    private static long maySell(Connection db, long sellable, long demand, long unexplained, StockRule rule)
            throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select stock_may_sell(?, ?, ?, case when ? then "
                + "row(1, 1, null, null, null, ?, ?, ?, ?, false)::stock_rule end)")) {
            query.setLong(1, sellable);
            query.setLong(2, demand);
            query.setLong(3, unexplained);
            bind(query, 4, rule);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long shown(Connection db, long sellable, StockRule rule) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select stock_shown(?, case when ? then "
                + "row(1, 1, null, null, null, ?, ?, ?, ?, false)::stock_rule end)")) {
            query.setLong(1, sellable);
            bind(query, 2, rule);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement query, int from, StockRule rule) throws SQLException {
        query.setBoolean(from, rule != null);
        query.setObject(from + 1, rule == null ? null : rule.buffer(), Types.BIGINT);
        query.setObject(from + 2, rule == null ? null : rule.sharePercent(), Types.INTEGER);
        query.setObject(from + 3, rule == null ? null : rule.maximum(), Types.BIGINT);
        query.setObject(from + 4, rule == null ? null : rule.outOfStockBelow(), Types.BIGINT);
    }

    /** The buffer of the rule that applies to a level (the tests tell rules apart by it), null when none. */
    private static Long ruleOf(Connection db, long store, long product, String location) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select (stock_rule_of(?, ?, ?)).buffer")) {
            query.setLong(1, store);
            query.setLong(2, product);
            query.setString(3, location);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return (Long) row.getObject(1);
            }
        }
    }

    private static void insertRule(
            Connection db, long store, String location, String product, String prefix, Long buffer, Integer share)
            throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into stock_rule (store_id, location_id, "
                + "product_code, product_prefix, buffer, share_percent) values (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, store);
            insert.setString(2, location);
            insert.setString(3, product);
            insert.setString(4, prefix);
            insert.setObject(5, buffer, Types.BIGINT);
            insert.setObject(6, share, Types.INTEGER);
            insert.executeUpdate();
        }
    }

    private static long store(Connection db, String name, String mode) throws SQLException {
        long id;
        try (PreparedStatement insert = db.prepareStatement("insert into store (domain, status, installed_at) "
                + "values (?, 'DISCONNECTED', now()) returning id")) {
            insert.setString(1, name + ".myshopify.com");
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
        }
        try (PreparedStatement policy =
                db.prepareStatement("update stock_policy set sync_enabled = true, sync_mode = ? where store_id = ?")) {
            policy.setString(1, mode);
            policy.setLong(2, id);
            policy.executeUpdate();
        }
        return id;
    }

    private static void location(Connection db, long store, String location, long warehouseId) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into store_location (store_id, "
                + "shopify_location_id, name, warehouse_id) values (?, ?, 'Warehouse', ?)")) {
            insert.setLong(1, store);
            insert.setString(2, location);
            insert.setLong(3, warehouseId);
            insert.executeUpdate();
        }
    }

    /** An idle level the WMS reported {@code sellable} of, at {@link #LOCATION}. */
    private static long level(Connection db, long store, String item, long product, long sellable) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into stock_change (store_id, inventory_item_id, "
                + "location_id, product_id, warehouse_id, state, sellable, sellable_sequence, shopify_known, "
                + "updated_at) values (?, ?, ?, ?, ?, 'IDLE', ?, 1, ?, now()) returning id")) {
            insert.setLong(1, store);
            insert.setString(2, item);
            insert.setString(3, LOCATION);
            insert.setLong(4, product);
            insert.setLong(5, warehouse);
            insert.setLong(6, sellable);
            insert.setLong(7, sellable);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void sql(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static String text(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
