package wms.shopify.stock.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The stock ledger's rules where they are SQL, against real PostgreSQL (embedded, the connector's migrations, no
 * Liberty): demand and the quantity Shopify may sell (the one availability calculation), coalescing of movements into
 * a level's pending change, and demand making a level due. Each test works on a store of its own, so none depends on
 * another's data or order.
 */
class StockLedgerRulesIT {

    private static final String ITEM = "gid://shopify/InventoryItem/1";
    private static final String OTHER_ITEM = "gid://shopify/InventoryItem/2";
    private static final String LOCATION = "gid://shopify/Location/1";
    private static final String OTHER_LOCATION = "gid://shopify/Location/2";

    @TempDir
    static Path directory;

    private static MigratedDatabase database;
    private static PGSimpleDataSource dataSource;
    private static long product;
    private static long warehouse;

    @BeforeAll
    static void start() throws Exception {
        database = new MigratedDatabase(directory, "ledger_rules");
        dataSource = database.dataSource();
        try (Connection db = dataSource.getConnection();
                Statement sql = db.createStatement()) {
            sql.executeUpdate("insert into warehouse (code, name, updated_at) values ('WH', 'Main', now())");
            sql.executeUpdate("insert into wms_product (code, name, updated_at) values ('P-1', 'One', now())");
            product = single(db, "select id from wms_product");
            warehouse = single(db, "select id from warehouse");
        }
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void demandIsTheSumOfTheLevelsUnallocatedOrderLinesOfThatStoreOnly() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            long store = store(db, "demand-sum", "ABSOLUTE", 30);
            long other = store(db, "demand-other", "ABSOLUTE", 30);
            assertEquals(0, demand(db, store, ITEM, LOCATION), "no orders: no demand");
            demandLine(db, store, "gid://shopify/Order/1", ITEM, LOCATION, 2);
            demandLine(db, store, "gid://shopify/Order/2", ITEM, LOCATION, 3);
            demandLine(db, store, "gid://shopify/Order/3", OTHER_ITEM, LOCATION, 7);
            demandLine(db, store, "gid://shopify/Order/4", ITEM, OTHER_LOCATION, 11);
            demandLine(db, other, "gid://shopify/Order/1", ITEM, LOCATION, 13);
            assertEquals(5, demand(db, store, ITEM, LOCATION));
            assertEquals(13, demand(db, other, ITEM, LOCATION));
        }
    }

    @Test
    void shopifyMaySellTheSellableLessDemandLessUnexplainedDropsNeverBelowZero() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            assertEquals(15, maySell(db, 15, 0, 0));
            assertEquals(12, maySell(db, 15, 3, 0), "orders Shopify took and the WMS has not allocated");
            assertEquals(10, maySell(db, 15, 3, -2), "a sale seen on Shopify whose order is not known yet");
            assertEquals(0, maySell(db, 2, 5, 0), "never below zero");
            assertEquals(15, maySell(db, 15, 0, 4), "an unexplained rise never adds stock the WMS does not have");
        }
    }

    @Test
    void anAbsolutePushWritesWhatShopifyMaySellAndTheReconciliationExpectsTheSame() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            long store = store(db, "may-sell", "ABSOLUTE", 30);
            absorb(db, store, ITEM, true, 0, 20, 1);
            try (Statement sql = db.createStatement()) {
                sql.executeUpdate("update stock_change set shopify_known = 20, unexplained = -1, due_at = now() "
                        + "where store_id = " + store);
            }
            demandLine(db, store, "gid://shopify/Order/9", ITEM, LOCATION, 4);
            assertEquals(15L, StockChanges.expected(db, store, ITEM, LOCATION, 20), "20 - 4 - 1");
            assertEquals(
                    16L,
                    StockChanges.expected(db, store, OTHER_ITEM, LOCATION, 16),
                    "a level without a change: sellable less its (no) demand");
            db.setAutoCommit(false);
            List<StockChanges.Due> due = StockChanges.claimDue(db, store, true, 250);
            db.rollback();
            db.setAutoCommit(true);
            assertEquals(1, due.size());
            assertEquals(15, due.get(0).maySell());
            assertEquals(20L, due.get(0).known());
        }
    }

    @Test
    void movementsCoalesceIntoOnePendingChangeWithTheLatestSellableBySequence() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            long store = store(db, "coalesce", "DELTA", 30);
            absorb(db, store, ITEM, true, -2, 8, 5);
            absorb(db, store, ITEM, true, -3, 5, 7);
            absorb(db, store, ITEM, true, 1, 9, 6); // arrives late: its delta counts, its sellable is older
            try (ResultSet row = db.createStatement()
                    .executeQuery("select count(*), sum(delta), max(sellable), "
                            + "max(sellable_sequence), max(generation), max(state) from stock_change where store_id = "
                            + store)) {
                row.next();
                assertEquals(1, row.getInt(1), "one change per level");
                assertEquals(-4, row.getLong(2), "deltas summed");
                assertEquals(5, row.getLong(3), "sellable of the highest sequence");
                assertEquals(7, row.getLong(4));
                assertEquals(3, row.getLong(5), "a generation per touch");
                assertEquals("PENDING", row.getString(6));
            }
        }
    }

    @Test
    void anIdleLevelTouchedAgainWaitsForTheStoresWindowSinceItsLastPush() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            long store = store(db, "window", "DELTA", 600);
            absorb(db, store, ITEM, true, -1, 9, 1);
            try (Statement sql = db.createStatement()) {
                sql.executeUpdate("update stock_change set state = 'IDLE', due_at = null, first_change_at = null, "
                        + "delta = 0, last_pushed_at = now() - interval '100 seconds' where store_id = " + store);
            }
            absorb(db, store, ITEM, true, -1, 8, 2);
            try (ResultSet row = db.createStatement()
                    .executeQuery("select state, "
                            + "extract(epoch from due_at - last_pushed_at) from stock_change where store_id = "
                            + store)) {
                row.next();
                assertEquals("PENDING", row.getString(1));
                assertEquals(600, row.getDouble(2), 0.001, "due when the 600 s window since the last push closes");
            }
        }
    }

    @Test
    void aMovementWithNothingToWriteIsRecordedIdle() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            long store = store(db, "untouched", "DELTA", 30);
            absorb(db, store, ITEM, false, 0, 4, 1);
            try (ResultSet row = db.createStatement()
                    .executeQuery("select state, generation, first_change_at " + "from stock_change where store_id = "
                            + store)) {
                row.next();
                assertEquals("IDLE", row.getString(1));
                assertEquals(0, row.getLong(2));
                assertNull(row.getTimestamp(3));
            }
        }
    }

    @Test
    void risingDemandExplainsAnEarlierDropFirstAndKeepsTheRestForTheNextRead() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            long store = store(db, "explain", "ABSOLUTE", 30);
            absorb(db, store, ITEM, false, 0, 10, 1);
            try (Statement sql = db.createStatement()) {
                sql.executeUpdate("update stock_change set unexplained = -2 where store_id = " + store);
            }
            demandLine(db, store, "gid://shopify/Order/5", ITEM, LOCATION, 5);
            TreeMap<String, Long> changes = new TreeMap<>();
            changes.put(ITEM + "\n" + LOCATION, 5L);
            StockChanges.demandChanged(db, store, changes, 0);
            try (ResultSet row = db.createStatement()
                    .executeQuery("select unexplained, explained_ahead, state, "
                            + "due_at <= now() from stock_change where store_id = " + store)) {
                row.next();
                assertEquals(0, row.getLong(1), "the 2 units Shopify dropped are the order's");
                assertEquals(3, row.getLong(2), "the other 3 are a drop the next read will find");
                assertEquals("PENDING", row.getString(3), "the level is due: what Shopify may sell changed");
                assertTrue(row.getBoolean(4));
            }
        }
    }

    /**
     * Issue #18: a level whose known orders owe drops not found yet is read before anything is decided; before, a
     * sale and a receipt left the target equal to the old figure, the level went idle unwritten, and Shopify kept
     * the sale's drop (20 such pairs: 11 on Shopify instead of 31).
     */
    @Test
    void aLevelWhoseOrdersOweADropIsReadBeforeItIsWritten() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            long store = store(db, "owed-read", "ABSOLUTE", 30);
            long change = knownLevel(db, store, 31, 0, 1);
            try (Statement sql = db.createStatement()) {
                sql.executeUpdate("update stock_change set reread = false where id = " + change);
            }
            db.setAutoCommit(false);
            List<StockChanges.Due> due = StockChanges.claimDue(db, store, true, 250);
            db.rollback();
            db.setAutoCommit(true);
            assertEquals(List.of(), due, "not written from a figure known to be stale");
            assertEquals(
                    List.of(new wms.shopify.stock.entity.LevelToRead(change, ITEM, LOCATION, 1)),
                    StockChanges.toRead(db, store));
        }
    }

    /**
     * Issue #18: orders that arrived while a read was under way may have sold after it: what its drop does not
     * cover of them stays owed to the next read; the orders known before the read are all in its drop.
     */
    @Test
    void aReadKeepsTheDemandOfOrdersThatArrivedWhileItWasUnderWay() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            long store = store(db, "read-keeps", "ABSOLUTE", 30);
            long change = knownLevel(db, store, 31, 0, 3);
            StockChanges.levelsRead(db, Map.of(change, 29L), Map.of(change, 2L));
            assertEquals(
                    List.of(29L, 0L, 1L),
                    ledger(db, store),
                    "2 orders known when the read was asked, their 2 sales found; the third still to come");
            markReread(db, store);
            StockChanges.levelsRead(db, Map.of(change, 28L), Map.of(change, 1L));
            assertEquals(List.of(28L, 0L, 0L), ledger(db, store), "the third sale found: nothing counted twice");
        }
    }

    @Test
    void aReadCountsTheDropNoKnownOrderExplainsAsUnexplained() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            long store = store(db, "read-unexplained", "ABSOLUTE", 30);
            long change = knownLevel(db, store, 31, 0, 1);
            StockChanges.levelsRead(db, Map.of(change, 28L), Map.of(change, 1L));
            assertEquals(List.of(28L, -2L, 0L), ledger(db, store), "3 units sold, 1 of them a known order's");
        }
    }

    @Test
    void aDropFoundIsExplainedFirstByOrdersThatArrivedDuringTheRead() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            long store = store(db, "read-late", "ABSOLUTE", 30);
            long change = knownLevel(db, store, 31, 0, 2);
            StockChanges.levelsRead(db, Map.of(change, 28L), Map.of(change, 0L));
            assertEquals(List.of(28L, -1L, 0L), ledger(db, store), "3 units sold, 2 of them the late orders'");
        }
    }

    @Test
    void ownedUnitsTheReadDoesNotFindLapseSoTheyNeverHideALaterSale() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            long store = store(db, "read-lapse", "ABSOLUTE", 30);
            long change = knownLevel(db, store, 31, 0, 2);
            StockChanges.levelsRead(db, Map.of(change, 30L), Map.of(change, 2L));
            assertEquals(List.of(30L, 0L, 0L), ledger(db, store), "one of the two was cancelled and restocked");
            long other = knownLevel(db, store(db, "read-rise", "ABSOLUTE", 30), 31, -2, 0);
            StockChanges.levelsRead(db, Map.of(other, 33L), Map.of());
            assertEquals(
                    -2L,
                    single(db, "select unexplained from stock_change where id = " + other),
                    "a rise is no sale: the unexplained drops stay");
        }
    }

    @Test
    void theFirstReadIsTheBaseline() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            long store = store(db, "read-first", "ABSOLUTE", 30);
            long change = knownLevel(db, store, 31, 0, 3);
            try (Statement sql = db.createStatement()) {
                sql.executeUpdate("update stock_change set shopify_known = null where id = " + change);
            }
            StockChanges.levelsRead(db, Map.of(change, 25L), Map.of(change, 2L));
            assertEquals(
                    List.of(25L, 0L, 1L),
                    ledger(db, store),
                    "what Shopify holds when first read counts every earlier sale; the late order's may come");
        }
    }

    /**
     * Issue #18: an order whose sale came just after a write, and whose demand arrived while the write was under
     * way, still owes its drop once the write is applied; before, the write's bookkeeping forgot it.
     */
    @Test
    void anAppliedWriteKeepsTheDemandThatArrivedWhileItWasUnderWay() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            long store = store(db, "write-keeps", "ABSOLUTE", 30);
            long change = knownLevel(db, store, 30, 0, 0);
            long push;
            try (Statement sql = db.createStatement();
                    ResultSet row = sql.executeQuery("insert into stock_push (store_id, mode, idempotency_key, "
                            + "payload, quantities, state, next_attempt_at, created_at) values (" + store
                            + ", 'ABSOLUTE', 'k-" + store + "', '{}', 1, 'SENDING', now(), now()) returning id")) {
                row.next();
                push = row.getLong(1);
            }
            StockChanges.bind(db, push, List.of(new StockChanges.Due(change, ITEM, LOCATION, 0, 31, 30L, null)), true);
            demandLine(db, store, "gid://shopify/Order/7", ITEM, LOCATION, 1);
            TreeMap<String, Long> changes = new TreeMap<>();
            changes.put(ITEM + "\n" + LOCATION, 1L);
            StockChanges.demandChanged(db, store, changes, 0);
            StockChanges.pushApplied(db, push, store, Map.of(ITEM + "\n" + LOCATION, 31L));
            assertEquals(List.of(31L, 0L, 1L), ledger(db, store), "the sale's drop is still to be found");
            StockChanges.levelsRead(db, Map.of(change, 30L), Map.of(change, 1L));
            assertEquals(List.of(30L, 0L, 0L), ledger(db, store), "found, and counted once");
        }
    }

    @Test
    void aChangeOfAnItemNowKnownAsABundleIsNeitherReadNorRetriedButResolved() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            long store = store(db, "now-bundle", "ABSOLUTE", 30);
            // Two levels: the tea set Sync Products has since found to be a bundle's parent, and an ordinary one.
            absorb(db, store, ITEM, true, 3, 8, 1);
            absorb(db, store, OTHER_ITEM, true, 2, 9, 2);
            try (Statement sql = db.createStatement()) {
                sql.executeUpdate("insert into store_variant (store_id, variant_id, inventory_item_id, product_title, "
                        + "sku, tracked, stocked_at_mapped, status, seen_at, bundle) values (" + store
                        + ", 'gid://shopify/ProductVariant/1', '" + ITEM + "', 'Tea set', 'TEA', true, true, "
                        + "'UNMAPPED', now(), true)");
                sql.executeUpdate(
                        "update stock_change set due_at = now() - interval '1 second' where store_id = " + store);
            }
            assertEquals(
                    List.of(OTHER_ITEM),
                    StockChanges.toRead(db, store).stream()
                            .map(wms.shopify.stock.entity.LevelToRead::inventoryItemId)
                            .toList(),
                    "Shopify computes a bundle's stock: it is not read");
            db.setAutoCommit(false);
            List<StockChanges.Due> due = StockChanges.claimDue(db, store, true, 250);
            assertEquals(1, due.size(), "claimed although its Shopify quantity is unknown: " + due);
            assertEquals("TEA", due.get(0).bundle());
            assertEquals(
                    Map.of(store, List.of("TEA")),
                    StockChanges.resolveBundles(db, List.of(due.get(0).id()), null));
            db.commit();
            db.setAutoCommit(true);
            assertEquals(
                    "IDLE 0 true",
                    text(
                            db,
                            "select state || ' ' || delta || ' ' || (due_at is null) from stock_change "
                                    + "where store_id = " + store + " and inventory_item_id = '" + ITEM + "'"));

            // Parked before the sync (Shopify refused it): Retry parked resolves it, and retries the other.
            try (Statement sql = db.createStatement()) {
                sql.executeUpdate("update stock_change set state = 'FAILED', reason = 'NON_MUTABLE_INVENTORY_ITEM: x', "
                        + "delta = 3, due_at = now() where store_id = " + store);
            }
            Map<Long, List<String>> bundles = new TreeMap<>();
            assertEquals(1, StockChanges.retryFailed(db, store, bundles), "only the ordinary change is retried");
            assertEquals(Map.of(store, List.of("TEA")), bundles);
            assertEquals(
                    "IDLE 0 null",
                    text(
                            db,
                            "select state || ' ' || delta || ' ' || coalesce(reason, 'null') from stock_change "
                                    + "where store_id = " + store + " and inventory_item_id = '" + ITEM + "'"));
            assertEquals(
                    "PENDING",
                    text(
                            db,
                            "select state from stock_change where store_id = " + store + " and inventory_item_id = '"
                                    + OTHER_ITEM + "'"));
        }
    }

    @Test
    void aBufferShownAsSafetyStockIsTheUnitsItWithholdsAndAPushRecordsThemOnceApplied() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            long store = store(db, "safety", "ABSOLUTE", 30);
            try (Statement sql = db.createStatement()) {
                sql.executeUpdate("insert into stock_rule (store_id, buffer, share_percent, buffer_as_safety_stock) "
                        + "values (" + store + ", 3, 50, true)");
            }
            // 20 → share 10 → less 4 open → 6 → buffer 3 → 3 for sale, 3 shown; 9 → 4 → 0 → 0 for sale, 0 shown.
            assertEquals(3, safety(db, store, 20, 4, true));
            assertEquals(1, safety(db, store, 9, 3, true), "only what is left: ⌊9 / 2⌋ − 3 = 1");
            assertEquals(0, safety(db, store, 6, 5, true), "nothing left to hold back");
            assertEquals(3, safety(db, store, 9, 3, false), "Delta mode: on the WMS quantity alone, ⌊9 / 2⌋ = 4");
            long hidden = store(db, "safety-hidden", "ABSOLUTE", 30);
            try (Statement sql = db.createStatement()) {
                sql.executeUpdate("insert into stock_rule (store_id, buffer) values (" + hidden + ", 3)");
            }
            assertEquals(0, safety(db, hidden, 20, 0, true), "a hidden buffer shows nothing");

            // A level at 20 whose Shopify quantity is known: the push carries the target, applied once.
            long change = knownLevel(db, store, 7, 0, 0);
            try (Statement sql = db.createStatement()) {
                sql.executeUpdate("update stock_change set sellable = 20, reread = false, due_at = now() "
                        + "where id = " + change);
            }
            db.setAutoCommit(false);
            List<StockChanges.Due> due = StockChanges.claimDue(db, store, true, 250);
            assertEquals(1, due.size());
            assertEquals(7, due.get(0).maySell(), "share 10, buffer 3");
            assertEquals(3, due.get(0).safetyStock());
            assertEquals(3, due.get(0).safetyDelta(), "nothing shown so far");
            long push;
            try (Statement sql = db.createStatement();
                    ResultSet row = sql.executeQuery("insert into stock_push (store_id, mode, idempotency_key, "
                            + "payload, quantities, state, next_attempt_at, created_at, safety_payload) values ("
                            + store + ", 'ABSOLUTE', 'k-" + store + "', '', 1, 'SENDING', now(), now(), '{}') "
                            + "returning id")) {
                row.next();
                push = row.getLong(1);
            }
            StockChanges.bind(db, push, due, true, Map.of(change, 3L));
            // Shopify refused the available write (stale) but applied the safety_stock one: recorded all the same.
            StockChanges.pushReleased(db, push, true, true);
            db.commit();
            db.setAutoCommit(true);
            assertEquals(3, single(db, "select safety_shown from stock_change where id = " + change));
            assertEquals(
                    1,
                    single(
                            db,
                            "select count(*) from stock_change where id = " + change
                                    + " and in_push_safety is null and state = 'PENDING' and reread"));
        }
    }

    /** What a level of the store shows as safety stock (store-wide rules; no product of its own needed). */
    private static long safety(Connection db, long store, long sellable, long demand, boolean absolute)
            throws SQLException {
        try (PreparedStatement query =
                db.prepareStatement("select stock_safety_stock(?, ?, 0, stock_rule_of(?, ?, ?))")) {
            query.setLong(1, sellable);
            query.setLong(2, absolute ? demand : 0);
            query.setLong(3, store);
            query.setLong(4, product);
            query.setString(5, LOCATION);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Test
    void anOrderTheWmsTakesOnBeforeItsDropIsFoundStillExplainsIt() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            long store = store(db, "owed-kept", "ABSOLUTE", 30);
            long change = knownLevel(db, store, 30, 0, 1);
            TreeMap<String, Long> changes = new TreeMap<>();
            changes.put(ITEM + "\n" + LOCATION, -1L);
            StockChanges.demandChanged(db, store, changes, 0);
            assertEquals(List.of(30L, 0L, 1L), ledger(db, store), "acknowledged: its sale's drop is still to come");
            StockChanges.levelsRead(db, Map.of(change, 29L), Map.of(change, 1L));
            assertEquals(List.of(29L, 0L, 0L), ledger(db, store), "found, and not counted as unexplained");
        }
    }

    @Test
    void demandOfADeltaStoreMakesNothingDue() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            long store = store(db, "delta-demand", "DELTA", 30);
            absorb(db, store, ITEM, false, 0, 10, 1);
            TreeMap<String, Long> changes = new TreeMap<>();
            changes.put(ITEM + "\n" + LOCATION, 5L);
            StockChanges.demandChanged(db, store, changes, 0);
            try (ResultSet row = db.createStatement()
                    .executeQuery("select state, explained_ahead from stock_change " + "where store_id = " + store)) {
                row.next();
                assertEquals("IDLE", row.getString(1), "Shopify counted the sale itself");
                assertEquals(0, row.getLong(2));
                assertFalse(row.next());
            }
        }
    }

    /** An Absolute level known on Shopify, due and to be read again, with its ledger; answers its change id. */
    private static long knownLevel(Connection db, long store, long known, long unexplained, long owed)
            throws SQLException {
        absorb(db, store, ITEM, true, 0, 40, 1);
        try (Statement sql = db.createStatement()) {
            sql.executeUpdate("update stock_change set shopify_known = " + known + ", unexplained = " + unexplained
                    + ", explained_ahead = " + owed + ", reread = true, due_at = now() where store_id = " + store);
        }
        return single(db, "select id from stock_change where store_id = " + store);
    }

    private static void markReread(Connection db, long store) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.executeUpdate("update stock_change set reread = true, state = 'PENDING' where store_id = " + store);
        }
    }

    /** The level's Shopify quantity as known, its unexplained drops and the drops its known orders still owe. */
    private static List<Long> ledger(Connection db, long store) throws SQLException {
        try (Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("select shopify_known, unexplained, explained_ahead from "
                        + "stock_change where store_id = " + store)) {
            row.next();
            return List.of(row.getLong(1), row.getLong(2), row.getLong(3));
        }
    }

    /** A store with stock sync on in the mode given, connected as far as stock is concerned. */
    private static long store(Connection db, String name, String mode, int windowSeconds) throws SQLException {
        long id;
        try (PreparedStatement insert = db.prepareStatement("insert into store (domain, status, installed_at) "
                + "values (?, 'DISCONNECTED', now()) returning id")) {
            insert.setString(1, name + ".myshopify.com");
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
        }
        // The store's stock policy row is made by the insert's trigger with the defaults.
        try (PreparedStatement policy = db.prepareStatement("update stock_policy set sync_enabled = true, "
                + "sync_mode = ?, coalescing_window_seconds = ? where store_id = ?")) {
            policy.setString(1, mode);
            policy.setInt(2, windowSeconds);
            policy.setLong(3, id);
            policy.executeUpdate();
        }
        return id;
    }

    /** What intake does with one level's movements of a call. */
    private static void absorb(
            Connection db, long store, String item, boolean touch, long delta, long sellable, long sequence)
            throws SQLException {
        StockChanges.absorb(
                db,
                0,
                List.of(new StockChanges.Absorption(
                        store, item, LOCATION, product, warehouse, touch, delta, sellable, sequence)));
    }

    private static void demandLine(Connection db, long store, String order, String item, String location, long quantity)
            throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into order_demand (store_id, shopify_order_id, "
                + "inventory_item_id, location_id, quantity, updated_at) values (?, ?, ?, ?, ?, now())")) {
            insert.setLong(1, store);
            insert.setString(2, order);
            insert.setString(3, item);
            insert.setString(4, location);
            insert.setLong(5, quantity);
            insert.executeUpdate();
        }
    }

    private static long demand(Connection db, long store, String item, String location) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select stock_level_demand(?, ?, ?)")) {
            query.setLong(1, store);
            query.setString(2, item);
            query.setString(3, location);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long maySell(Connection db, long sellable, long demand, long unexplained) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select stock_may_sell(?, ?, ?)")) {
            query.setLong(1, sellable);
            query.setLong(2, demand);
            query.setLong(3, unexplained);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String text(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            assertTrue(row.next(), sql);
            return row.getString(1);
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
