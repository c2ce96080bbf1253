package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The retention round with the default settings (webhook bodies 30 days, deliveries 90, activity 90, finished stock
 * pushes 30, movements 90, finished orders and closed returns 365, run history 30), started by an admin with
 * "Prune now" on the Activity page: rows of every kind are written straight into the connector's database with
 * backdated timestamps, old and new, among them the old ones that must be kept (a delivery not processed yet, a
 * parked push and the movements a pending change or a kept push still lists, an unacknowledged order, an open order,
 * an order with an open return, with stock demand or with a shipment not pushed, an open return, a closed return
 * with a receipt not disposed of, a running sweep and each store's latest run). Exactly the rest is pruned.
 * The rows belong to a store of their own, removed afterwards with everything it owns.
 */
@MicroShedTest
class RetentionIT {

    private static final String TAG = UUID.randomUUID().toString().substring(0, 8);
    private static final String DOMAIN = "retention-" + TAG + ".myshopify.com";
    private static final byte[] BODY =
            "{\"id\":820982911946154508,\"note\":\"a stored order body\"}".getBytes(StandardCharsets.UTF_8);

    private static long store;
    private static long product;
    private static long warehouse;

    @BeforeAll
    static void ready() throws Exception {
        ConnectorServer.awaitReady(ConnectorServer.url());
        try (Connection db = ConnectorServer.database()) {
            store = id(
                    db,
                    "insert into store (domain, status, installed_at) values (?, 'DISCONNECTED', now()) "
                            + "returning id",
                    DOMAIN);
            warehouse = id(
                    db,
                    "insert into warehouse (code, name, updated_at) values (?, 'Retention', now()) " + "returning id",
                    "RET-" + TAG);
            product = id(
                    db,
                    "insert into wms_product (code, name, updated_at) values (?, 'Retention', now()) " + "returning id",
                    "RET-" + TAG);
        }
    }

    @AfterAll
    static void removeTheStore() throws Exception {
        try (Connection db = ConnectorServer.database()) {
            update(db, "delete from store where id = ?", store);
            update(db, "delete from stock_movement where product_id = ?", product);
            update(db, "delete from wms_product where id = ?", product);
            update(db, "delete from warehouse where id = ?", warehouse);
            update(db, "delete from activity_event where message like ?", "%" + TAG + "%");
        }
    }

    @Test
    void pruningRemovesWhatIsOldAndKeepsWhatIsStillNeeded() throws Exception {
        try (Connection db = ConnectorServer.database()) {
            // Webhook deliveries: the body goes after 30 days, the row after 90; one not processed stays whole.
            long bodyErased = delivery(db, "PROCESSED", 40);
            long deliveryGone = delivery(db, "KEPT", 100);
            long notProcessed = delivery(db, "RECEIVED", 100);
            long recentDelivery = delivery(db, "PROCESSED", 1);

            long activityGone = id(
                    db,
                    "insert into activity_event (occurred_at, category, message) values "
                            + "(now() - interval '100 days', 'retention-it', ?) returning id",
                    "old entry " + TAG);
            // More than a batch (500 rows by default): the round goes on batch after batch until none is left.
            update(
                    db,
                    "insert into activity_event (occurred_at, category, message) select now() - interval "
                            + "'100 days', 'retention-it', 'backlog ' || g || ' " + TAG
                            + "' from generate_series(1, 1200) g");
            long activityKept = id(
                    db,
                    "insert into activity_event (occurred_at, category, message) values "
                            + "(now() - interval '10 days', 'retention-it', ?) returning id",
                    "recent entry " + TAG);

            // Stock: a finished push goes with its links to the movements; a parked one stays, and so do the
            // movements it carries, those a pending change has not pushed yet and those of a recent push.
            long pushGone = push(db, "PUSHED", 40);
            long parked = push(db, "FAILED", 40);
            long recentPush = push(db, "PUSHED", 5);
            long idle = change(db, "IDLE", null);
            long pushing = change(db, "PUSHING", parked);
            long movementOfGonePush = movement(db, 100, idle, pushGone);
            long movementOfParked = movement(db, 100, pushing, parked);
            long movementNotPushed = movement(db, 100, idle, null);
            long movementWithoutStore = movement(db, 100, null, null);
            long recentMovement = movement(db, 1, null, null);
            long movementOfRecentPush = movement(db, 100, idle, recentPush);

            // Orders: finished (shipped and acknowledged, cancelled, filtered out) and a year old go, with their
            // shipments; what the WMS or stock sync still needs stays.
            long shipped = order(db, "ACCEPTED", "SHIPPED", false, 400);
            long shippedShipment = shipment(db, shipped, "FULFILLED");
            long unacknowledged = order(db, "READY", null, true, 400);
            long open = order(db, "ACCEPTED", null, false, 400);
            long cancelledWithOpenReturn = order(db, "CANCELLED", null, false, 400);
            long recentlyCancelled = order(db, "CANCELLED", null, false, 10);
            long filteredWithDemand = order(db, "FILTERED", null, false, 400);
            update(
                    db,
                    "insert into order_demand (store_id, shopify_order_id, inventory_item_id, location_id, "
                            + "quantity, updated_at) select store_id, shopify_order_id, 'gid://shopify/InventoryItem/9', "
                            + "'gid://shopify/Location/1', 2, now() from shop_order where id = ?",
                    filteredWithDemand);
            long shippedWithParkedShipment = order(db, "ACCEPTED", "SHIPPED", false, 400);
            long parkedShipment = shipment(db, shippedWithParkedShipment, "FAILED");

            // Returns: closed a year ago goes with its receipt; open, recent, or with a receipt not disposed of stays.
            long closedReturn = shopReturn(db, "CLOSED", null, 400);
            long doneReceipt = receipt(db, closedReturn, "DONE");
            long openReturn = shopReturn(db, "EXPECTED", cancelledWithOpenReturn, 400);
            long recentlyClosed = shopReturn(db, "CLOSED", null, 10);
            long closedWithFailedReceipt = shopReturn(db, "CLOSED", null, 400);
            receipt(db, closedWithFailedReceipt, "FAILED");

            // Run history: finished runs older than 30 days go, except a running one and the store's latest.
            long runningSweep = sweep(db, "RUNNING", 100);
            long oldSweep = sweep(db, "SUCCEEDED", 100);
            long failedSweep = sweep(db, "FAILED", 60);
            long latestSweep = sweep(db, "SUCCEEDED", 50);
            long oldReconciliation = run(db, "stock_reconciliation", "SUCCEEDED", 100);
            long latestReconciliation = run(db, "stock_reconciliation", "SUCCEEDED", 40);
            long oldSync = run(db, "product_sync", "SUCCEEDED", 100);
            long latestSync = run(db, "product_sync", "FAILED", 40);

            Instant asked = pruneNow(db);

            assertArrayEquals(new byte[0], body(db, bodyErased), "the body of a delivery 40 days old is erased");
            assertNotNull(timestamp(db, "select body_erased_at from webhook_delivery where id = ?", bodyErased));
            assertGone(db, "webhook_delivery", deliveryGone);
            assertArrayEquals(BODY, body(db, notProcessed), "a delivery not processed is kept whole, however old");
            assertArrayEquals(BODY, body(db, recentDelivery));
            assertNull(timestamp(db, "select body_erased_at from webhook_delivery where id = ?", recentDelivery));

            assertGone(db, "activity_event", activityGone);
            assertEquals(
                    0,
                    count(db, "select count(*) from activity_event where message like ?", "backlog % " + TAG),
                    "a backlog of several batches is pruned in one round");
            assertKept(db, "activity_event", activityKept);

            assertGone(db, "stock_push", pushGone);
            assertKept(db, "stock_push", parked, recentPush);
            assertGone(db, "stock_movement", movementOfGonePush, movementWithoutStore);
            assertKept(db, "stock_movement", movementOfParked, movementNotPushed, recentMovement, movementOfRecentPush);
            assertEquals(List.of(parked), pushesOf(db, movementOfParked), "the parked push still lists its movement");
            assertEquals(
                    List.of(recentPush), pushesOf(db, movementOfRecentPush), "the kept push still lists its movement");
            assertEquals(
                    1,
                    count(
                            db,
                            "select count(*) from stock_movement_target where movement_id = ? " + "and push_id is null",
                            movementNotPushed),
                    "the movement not pushed yet still waits for a push");

            assertGone(db, "shop_order", shipped);
            assertGone(db, "shipment", shippedShipment);
            assertKept(
                    db,
                    "shop_order",
                    unacknowledged,
                    open,
                    cancelledWithOpenReturn,
                    recentlyCancelled,
                    filteredWithDemand,
                    shippedWithParkedShipment);
            assertKept(db, "shipment", parkedShipment);

            assertGone(db, "shop_return", closedReturn);
            assertGone(db, "return_receipt", doneReceipt);
            assertKept(db, "shop_return", openReturn, recentlyClosed, closedWithFailedReceipt);

            assertGone(db, "order_sweep", oldSweep, failedSweep);
            assertKept(db, "order_sweep", runningSweep, latestSweep);
            assertGone(db, "stock_reconciliation", oldReconciliation);
            assertKept(db, "stock_reconciliation", latestReconciliation);
            assertGone(db, "product_sync", oldSync);
            assertKept(db, "product_sync", latestSync);

            String summary = string(db, "select summary from retention_round where id = 1");
            assertTrue(summary.matches(".*webhook bodies: \\d+ erased \\(older than 30 days\\).*"), summary);
            assertTrue(summary.matches(".*finished orders: \\d+ deleted \\(older than 365 days\\).*"), summary);
            String metrics = ConnectorServer.metrics(ConnectorServer.httpsPort(), "application")
                    .body();
            Matcher pruned = Pattern.compile(
                            "retention_pruned_total\\{[^}]*kind=\"finished_orders\"[^}]*\\} " + "([0-9.]+)")
                    .matcher(metrics);
            assertTrue(pruned.find(), "the pruned rows are counted per kind on /metrics");
            assertTrue(Double.parseDouble(pruned.group(1)) >= 1, pruned.group());
            assertTrue(
                    Pattern.compile("database_table_bytes\\{[^}]*table=\"webhook_delivery\"[^}]*\\} [1-9]")
                            .matcher(metrics)
                            .find(),
                    "each table's size is on /metrics");
            WmsFixture.await(
                    Duration.ofSeconds(60),
                    () -> count(
                                    db,
                                    "select count(*) from activity_event where "
                                            + "category = 'retention' and actor = 'admin' and occurred_at >= ?",
                                    Timestamp.from(asked))
                            == 1,
                    "one activity entry for the round, by the admin who asked for it",
                    () -> "; entries: "
                            + string(
                                    db,
                                    "select string_agg(message, ' | ') from activity_event "
                                            + "where category = 'retention'"));
        }
    }

    @Test
    void aRoundRunsOnOneInstanceAtATimeAndIsTakenOverWhenThatInstanceDied() throws Exception {
        try (Connection db = ConnectorServer.database()) {
            long old = id(
                    db,
                    "insert into activity_event (occurred_at, category, message) values "
                            + "(now() - interval '100 days', 'retention-it', ?) returning id",
                    "held back " + TAG);
            // Another instance is in the middle of a round: it holds the lease.
            update(
                    db,
                    "update retention_round set holder = 'another instance', lease_until = now() + "
                            + "interval '10 minutes', started_at = now(), finished_at = null, summary = null where id = 1");
            HttpClient admin = signedInAdmin();
            HttpResponse<String> pressed = press(admin);
            assertTrue(location(pressed).endsWith("pruning=busy"), location(pressed));
            assertTrue(
                    ConnectorServer.get(
                                    admin,
                                    location(pressed)
                                            .substring(ConnectorServer.url().length()))
                            .body()
                            .contains("id=\"pruning-busy\""),
                    "the page says a round is running already");
            assertKept(db, "activity_event", old);

            // That instance died: once its lease has run out, the next round takes over.
            update(
                    db,
                    "update retention_round set lease_until = now() - interval '1 second' "
                            + "where holder = 'another instance'");
            Instant asked = timestamp(db, "select now()", null);
            assertTrue(location(press(admin)).endsWith("pruning=started"));
            awaitRoundSince(db, asked);
            assertGone(db, "activity_event", old);
        }
    }

    /**
     * Presses "Prune now" and waits for a round that started after it to finish (a scheduled round running at that
     * moment makes the button start nothing: it is pressed again).
     */
    private static Instant pruneNow(Connection db) throws Exception {
        HttpClient admin = signedInAdmin();
        Instant asked = timestamp(db, "select now()", null);
        for (int press = 0; press < 20 && location(press(admin)).endsWith("pruning=busy"); press++) {
            Thread.sleep(500);
        }
        awaitRoundSince(db, asked);
        return asked;
    }

    private static HttpClient signedInAdmin() throws Exception {
        HttpClient admin = ConnectorServer.client();
        ConnectorServer.get(admin, "/admin/activity.xhtml");
        assertEquals(
                302,
                AdminLoginIT.signIn(admin, "admin", ConnectorServer.adminPassword())
                        .statusCode(),
                "signed in");
        return admin;
    }

    /** Presses "Prune now" as a browser does; the answer redirects to the page, saying whether a round started. */
    private static HttpResponse<String> press(HttpClient admin) throws Exception {
        String page = ConnectorServer.get(admin, "/admin/activity.xhtml").body();
        HttpResponse<String> pressed = admin.send(
                HttpRequest.newBuilder(URI.create(ConnectorServer.url() + "/admin/activity.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                FacesForm.of(page, "retention").submittedWith("retention:prune-now", "Prune now")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, pressed.statusCode(), pressed.body());
        return pressed;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static void awaitRoundSince(Connection db, Instant asked) throws Exception {
        WmsFixture.await(
                Duration.ofSeconds(120),
                () -> count(
                                db,
                                "select count(*) from retention_round "
                                        + "where started_at >= ? and finished_at is not null",
                                Timestamp.from(asked))
                        == 1,
                "a retention round that started after Prune now to finish",
                () -> "; the round: "
                        + string(
                                db,
                                "select concat_ws(' ', holder, started_at, lease_until, finished_at, summary) "
                                        + "from retention_round"));
    }

    private static long delivery(Connection db, String outcome, int daysAgo) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into webhook_delivery (webhook_id, store_id, "
                + "topic, headers, body, received_at, outcome, processed_at) values (?, ?, 'orders/create', '{}', ?, "
                + "now() - make_interval(days => ?), ?, case when ? <> 'RECEIVED' then now() end) returning id")) {
            insert.setString(1, "retention-" + TAG + "-" + UUID.randomUUID());
            insert.setLong(2, store);
            insert.setBytes(3, BODY);
            insert.setInt(4, daysAgo);
            insert.setString(5, outcome);
            insert.setString(6, outcome);
            return single(insert);
        }
    }

    private static long push(Connection db, String state, int daysAgo) throws SQLException {
        // A parked push's next attempt lies ahead, so the parked-push retry leaves it where it is during the test.
        return id(
                db,
                "insert into stock_push (store_id, mode, idempotency_key, payload, quantities, state, "
                        + "next_attempt_at, created_at, finished_at, reason) values (?, 'DELTA', ?, '{}', 1, ?, "
                        + "now() + interval '1 day', now() - make_interval(days => ?), "
                        + "case when ? <> 'FAILED' then now() - make_interval(days => ?) end, "
                        + "case when ? = 'FAILED' then 'Shopify unavailable' end) returning id",
                store,
                UUID.randomUUID().toString(),
                state,
                daysAgo,
                state,
                daysAgo,
                state);
    }

    private static long change(Connection db, String state, Long push) throws SQLException {
        return id(
                db,
                "insert into stock_change (store_id, inventory_item_id, location_id, product_id, warehouse_id, "
                        + "state, push_id, updated_at) values (?, ?, 'gid://shopify/Location/1', ?, ?, ?, ?, now()) "
                        + "returning id",
                store,
                "gid://shopify/InventoryItem/" + UUID.randomUUID(),
                product,
                warehouse,
                state,
                push);
    }

    private static long movement(Connection db, int daysAgo, Long change, Long push) throws SQLException {
        long movement = id(
                db,
                "insert into stock_movement (movement_id, kind, product_id, warehouse_id, delta, "
                        + "sellable_after, sequence, received_at) values (?, 'ADJUSTMENT', ?, ?, 1, 1, 1, "
                        + "now() - make_interval(days => ?)) returning id",
                "retention-" + UUID.randomUUID(),
                product,
                warehouse,
                daysAgo);
        if (change != null) {
            update(
                    db,
                    "insert into stock_movement_target (movement_id, change_id, push_id) values (?, ?, ?)",
                    movement,
                    change,
                    push);
        }
        return movement;
    }

    private static long order(Connection db, String state, String shippingState, boolean unacknowledged, int daysAgo)
            throws SQLException {
        return id(
                db,
                "insert into shop_order (store_id, shopify_order_id, state, shipping_state, feed_pending, "
                        + "feed_seq, feed_kind, first_seen_at, updated_at) values (?, ?, ?, ?, ?, "
                        + "case when ? then nextval('shop_order_feed_seq') end, case when ? then 'ORDER' end, "
                        + "now() - make_interval(days => ?), now() - make_interval(days => ?)) returning id",
                store,
                "gid://shopify/Order/" + UUID.randomUUID(),
                state,
                shippingState,
                unacknowledged,
                unacknowledged,
                unacknowledged,
                daysAgo,
                daysAgo);
    }

    private static long shipment(Connection db, long order, String state) throws SQLException {
        return id(
                db,
                "insert into shipment (shipment_key, order_id, store_id, state, shipped_at, fingerprint, "
                        + "fulfillment_id, reason, received_at, updated_at) values (?, ?, ?, ?, now() - interval '400 days', "
                        + "'f', case when ? = 'FULFILLED' then ? end, case when ? = 'FAILED' then 'Shopify refused it' end, "
                        + "now() - interval '400 days', now() - interval '400 days') returning id",
                "retention-" + UUID.randomUUID(),
                order,
                store,
                state,
                state,
                "gid://shopify/Fulfillment/" + UUID.randomUUID(),
                state);
    }

    private static long shopReturn(Connection db, String state, Long order, int daysAgo) throws SQLException {
        return id(
                db,
                "insert into shop_return (store_id, shopify_return_id, shopify_order_id, order_id, "
                        + "shopify_status, state, created_at, updated_at) values (?, ?, 'gid://shopify/Order/1', ?, ?, ?, "
                        + "now() - make_interval(days => ?), now() - make_interval(days => ?)) returning id",
                store,
                "gid://shopify/Return/" + UUID.randomUUID(),
                order,
                "CLOSED".equals(state) ? "CLOSED" : "OPEN",
                state,
                daysAgo,
                daysAgo);
    }

    private static long receipt(Connection db, long shopReturn, String state) throws SQLException {
        return id(
                db,
                "insert into return_receipt (receipt_key, return_id, state, reason, received_at, updated_at) "
                        + "values (?, ?, ?, case when ? = 'FAILED' then 'Shopify refused it' end, "
                        + "now() - interval '400 days', now() - interval '400 days') returning id",
                "retention-" + UUID.randomUUID(),
                shopReturn,
                state,
                state);
    }

    private static long sweep(Connection db, String state, int daysAgo) throws SQLException {
        return id(
                db,
                "insert into order_sweep (store_id, window_from, window_until, started_at, finished_at, state) "
                        + "values (?, now() - make_interval(days => ?), now() - make_interval(days => ?), "
                        + "now() - make_interval(days => ?), case when ? <> 'RUNNING' then now() - make_interval(days => ?) "
                        + "end, ?) returning id",
                store,
                daysAgo + 1,
                daysAgo,
                daysAgo,
                state,
                daysAgo,
                state);
    }

    private static long run(Connection db, String table, String state, int daysAgo) throws SQLException {
        return id(
                db,
                "insert into " + table + " (store_id, state, started_at, finished_at) values (?, ?, "
                        + "now() - make_interval(days => ?), now() - make_interval(days => ?)) returning id",
                store,
                state,
                daysAgo,
                daysAgo);
    }

    private static void assertGone(Connection db, String table, long... ids) throws SQLException {
        for (long id : ids) {
            assertEquals(
                    0,
                    count(db, "select count(*) from " + table + " where id = ?", id),
                    table + " " + id + " is pruned");
        }
    }

    private static void assertKept(Connection db, String table, long... ids) throws SQLException {
        for (long id : ids) {
            assertEquals(
                    1, count(db, "select count(*) from " + table + " where id = ?", id), table + " " + id + " is kept");
        }
    }

    private static List<Long> pushesOf(Connection db, long movement) throws SQLException {
        List<Long> pushes = new ArrayList<>();
        try (PreparedStatement select =
                db.prepareStatement("select push_id from stock_movement_target " + "where movement_id = ?")) {
            select.setLong(1, movement);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pushes.add(rows.getLong(1));
                }
            }
        }
        return pushes;
    }

    private static byte[] body(Connection db, long delivery) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("select body from webhook_delivery where id = ?")) {
            select.setLong(1, delivery);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "delivery " + delivery + " is kept");
                return row.getBytes(1);
            }
        }
    }

    private static PreparedStatement bound(Connection db, String sql, Object... values) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        return statement;
    }

    private static long id(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = bound(db, sql, values)) {
            return single(statement);
        }
    }

    private static long count(Connection db, String sql, Object... values) throws SQLException {
        return id(db, sql, values);
    }

    private static void update(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = bound(db, sql, values)) {
            statement.executeUpdate();
        }
    }

    private static Instant timestamp(Connection db, String sql, Object value) throws SQLException {
        try (PreparedStatement statement = value == null ? bound(db, sql) : bound(db, sql, value);
                ResultSet row = statement.executeQuery()) {
            row.next();
            Timestamp timestamp = row.getTimestamp(1);
            return timestamp == null ? null : timestamp.toInstant();
        }
    }

    private static String string(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = bound(db, sql);
                ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            assertTrue(row.next());
            return row.getLong(1);
        }
    }
}
