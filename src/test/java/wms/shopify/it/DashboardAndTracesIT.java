package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The Dashboard, the Trace of an item and the Trace of an order in a real browser after a scripted scenario written
 * into the database as the components write it: pushes whose movements took known times to reach Shopify, changes
 * waiting for their window and for the budget, parked ones, webhooks (an echo among them, a repeated order event),
 * orders waiting in the feed and held, a fulfilled and a parked shipment, a return and its receipt. The dashboard's
 * figures and signals are the scenario's, its chart has a bar per hour, and it refreshes itself without reloading;
 * each trace lists the scenario's steps newest first. No Content-Security-Policy violation, no serious or critical
 * accessibility violation (axe-core) on any of the three pages.
 */
@MicroShedTest
class DashboardAndTracesIT {

    private static final String TAG = UUID.randomUUID().toString().substring(0, 8);
    private static final String DOMAIN = "dash-" + TAG + ".myshopify.com";
    private static final String SKU = "DASH-" + TAG;
    private static final long ITEM_NO =
            7_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    private static final String ITEM = "gid://shopify/InventoryItem/" + ITEM_NO;
    private static final String OTHER_ITEM = "gid://shopify/InventoryItem/" + (ITEM_NO + 1);
    private static final String LOCATION = "gid://shopify/Location/" + TAG.hashCode();
    private static final String ORDER_NAME = "#D" + TAG;
    private static final String SHOPIFY_ORDER = "gid://shopify/Order/" + ITEM_NO;

    private static Browser browser;
    private static long storeId;
    private static long orderId;
    private static long heldOrderId;
    private static long productId;
    private static long warehouseId;
    private static long push1;
    private static long push2;

    @BeforeAll
    static void scenario() throws Exception {
        ConnectorServer.awaitReady(ConnectorServer.url());
        try (Connection db = ConnectorServer.database()) {
            // One transaction: now() is the same instant in every statement, so the lags are exactly the scenario's.
            db.setAutoCommit(false);
            // Disconnected: the background rounds (flush, sweeps, upkeep) leave the store's rows as written here.
            storeId = id(
                    db,
                    "insert into store (domain, status, installed_at) values ('" + DOMAIN
                            + "', 'DISCONNECTED', now()) returning id");
            update(db, "update stock_policy set coalescing_window_seconds = 30 where store_id = " + storeId);
            productId = id(
                    db,
                    "insert into wms_product (code, sku, name, updated_at) values ('P-" + TAG + "', '" + SKU
                            + "', 'Dashboard product', now()) returning id");
            warehouseId = id(
                    db,
                    "insert into warehouse (code, name, updated_at) values ('WH-" + TAG
                            + "', 'Dashboard warehouse', now()) returning id");
            update(
                    db,
                    "insert into store_variant (store_id, variant_id, inventory_item_id, product_title, sku,"
                            + " tracked, stocked_at_mapped, status, product_id, seen_at) values (" + storeId
                            + ", 'gid://shopify/ProductVariant/" + ITEM_NO + "', '" + ITEM + "', 'Dashboard product', '"
                            + SKU
                            + "', true, true, 'SKU', " + productId + ", now())");

            // The traced item: one movement pushed 3 h ago (0 → 5), two coalesced into a push 10 min ago (5 → 8).
            long change = change(db, ITEM, "IDLE", "null", "8, 8, now() - interval '10 minutes'", null);
            long other = change(db, OTHER_ITEM, "IDLE", "null", "3, 3, now() - interval '20 minutes'", null);
            push1 = push(db, ITEM, "0", 5, "interval '3 hours 30 seconds'", "interval '3 hours'");
            push2 = push(db, ITEM, "5", 8, "interval '10 minutes 1 second'", "interval '10 minutes'");
            long push3 = push(db, OTHER_ITEM, "1", 3, "interval '20 minutes 1 second'", "interval '20 minutes'");
            long push4 = push(db, OTHER_ITEM, "0", 1, "interval '5 hours 1 second'", "interval '5 hours'");
            // Lags: 60 s (3 h ago); 4 s and 2 s (10 min ago); 6 s and 8 s (20 min ago); 120 s (5 h ago).
            movement(db, "m1", 5, 5, change, push1, "interval '3 hours 60 seconds'");
            movement(db, "m2", 2, 7, change, push2, "interval '10 minutes 4 seconds'");
            movement(db, "m3", 1, 8, change, push2, "interval '10 minutes 2 seconds'");
            movement(db, "m4", 1, 2, other, push3, "interval '20 minutes 6 seconds'");
            movement(db, "m5", 1, 3, other, push3, "interval '20 minutes 8 seconds'");
            movement(db, "m6", 1, 1, other, push4, "interval '5 hours 120 seconds'");

            // Waiting: 3 in their window, 2 due for 5 minutes (the budget), 1 parked change and 1 parked push.
            for (int i = 1; i <= 3; i++) {
                change(db, ITEM + "0" + i, "PENDING", "now() + interval '10 minutes'", "null, null, null", null);
            }
            for (int i = 4; i <= 5; i++) {
                change(db, ITEM + "0" + i, "PENDING", "now() - interval '5 minutes'", "null, null, null", null);
            }
            change(db, ITEM + "06", "FAILED", "null", "null, null, null", "Shopify refused the item: not stocked");
            update(
                    db,
                    "insert into stock_push (store_id, mode, idempotency_key, payload, quantities, state,"
                            + " next_attempt_at, reason, created_at) values (" + storeId + ", 'ABSOLUTE', 'parked-"
                            + TAG
                            + "', '{}', 1, 'FAILED', now(), 'parked after 8 attempts', now() - interval '2 minutes')");

            // Shopify's inventory webhooks: the echo of push 2, and 26 about other items (with the order's 3, 30 in
            // the last hour).
            delivery(
                    db,
                    "inventory_levels/update",
                    "{\"inventory_item_id\":" + ITEM_NO + ",\"location_id\":1," + "\"available\":8}",
                    "interval '9 minutes'",
                    null,
                    "echo-" + TAG,
                    "Echo of the connector''s own stock write (available 8): ignored.");
            for (int i = 0; i < 26; i++) {
                delivery(
                        db,
                        "inventory_levels/update",
                        "{\"inventory_item_id\":" + (ITEM_NO + 2 + i) + ",\"location_id\":1,\"available\":" + i + "}",
                        "interval '" + (i + 1) + " minutes'",
                        null,
                        "other-" + i + "-" + TAG,
                        null);
            }
            update(
                    db,
                    "insert into stock_reconciliation (store_id, state, started_at, finished_at, checked,"
                            + " differences, corrected, report) values (" + storeId + ", 'SUCCEEDED', now() - interval"
                            + " '6 minutes', now() - interval '5 minutes', 2, 1, 1, '[{\"sku\":\"" + SKU + "\","
                            + "\"inventoryItemId\":\"" + ITEM + "\",\"locationId\":\"" + LOCATION + "\",\"shopify\":9,"
                            + "\"wms\":8}]')");

            // The traced order: seen 31 min ago, webhooks (one event delivered twice), held, then accepted by the
            // WMS, one shipment fulfilled and one parked, a return received.
            orderId = id(
                    db,
                    "insert into shop_order (store_id, shopify_order_id, name, state, first_seen_at,"
                            + " updated_at, acknowledged_at, last_source) values (" + storeId + ", '" + SHOPIFY_ORDER
                            + "', '"
                            + ORDER_NAME
                            + "', 'ACCEPTED', now() - interval '31 minutes', now() - interval '14 minutes',"
                            + " now() - interval '15 minutes', 'orders/paid') returning id");
            delivery(
                    db,
                    "orders/create",
                    "{\"id\":" + ITEM_NO + ",\"v\":1}",
                    "interval '30 minutes'",
                    SHOPIFY_ORDER,
                    "create-" + TAG,
                    null,
                    "event-1-" + TAG);
            delivery(
                    db,
                    "orders/create",
                    "{\"id\":" + ITEM_NO + ",\"v\":2}",
                    "interval '29 minutes'",
                    SHOPIFY_ORDER,
                    "create-again-" + TAG,
                    null,
                    "event-1-" + TAG);
            delivery(
                    db,
                    "orders/paid",
                    "{\"id\":" + ITEM_NO + ",\"v\":3}",
                    "interval '25 minutes'",
                    SHOPIFY_ORDER,
                    "paid-" + TAG,
                    null,
                    "event-2-" + TAG);
            update(
                    db,
                    "insert into activity_event (occurred_at, category, message) values (now() - interval"
                            + " '28 minutes', 'orders', 'Order " + ORDER_NAME + " of " + DOMAIN
                            + " is held: line 1 is not mapped')");
            shipment(
                    db,
                    orderId,
                    "S1-" + TAG,
                    "FULFILLED",
                    "10",
                    "'gid://shopify/Fulfillment/" + ITEM_NO + "'",
                    "now() - interval '9 minutes'",
                    null);
            shipment(db, orderId, "S2-" + TAG, "FAILED", "8", "null", "null", "Shopify refused: the line is fulfilled");
            long returnId = id(
                    db,
                    "insert into shop_return (store_id, shopify_return_id, shopify_order_id, order_id,"
                            + " name, shopify_status, state, created_at, updated_at) values (" + storeId
                            + ", 'gid://shopify/Return/" + ITEM_NO + "', '" + SHOPIFY_ORDER + "', " + orderId + ", '"
                            + ORDER_NAME
                            + "-R1', 'OPEN', 'RECEIVED', now() - interval '5 minutes', now()) returning id");
            update(
                    db,
                    "insert into return_receipt (receipt_key, return_id, state, received_at, updated_at) values"
                            + " ('K1-" + TAG + "', " + returnId + ", 'DONE', now() - interval '3 minutes', now())");

            // The feed: two orders waiting (the longest for 20 minutes), one held.
            order(db, "#W1" + TAG, "READY", "now() - interval '20 minutes'", true);
            order(db, "#W2" + TAG, "READY", "now() - interval '5 minutes'", true);
            heldOrderId = order(db, "#H" + TAG, "HELD", "now() - interval '1 minute'", false);
            db.commit();
        }
        browser = new Browser();
        browser.open("/index.xhtml");
        browser.signIn("admin", ConnectorServer.adminPassword());
        browser.awaitUrlContaining("/admin/dashboard");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theDashboardShowsTheScenarioAndRefreshesItself() throws Exception {
        browser.open("/admin/dashboard.xhtml");
        String store = "section[data-store='" + DOMAIN + "'] ";
        browser.awaitTextContaining(By.cssSelector(store + "h2"), DOMAIN);

        assertEquals("4.0 s", figure(store, "lag-hour-p50"), "the median of 2, 4, 6 and 8 s");
        assertEquals("8.0 s", figure(store, "lag-hour-p95"));
        assertEquals("4", figure(store, "lag-hour-count"));
        assertEquals("6.0 s", figure(store, "lag-day-p50"), "the median of the day's six movements");
        assertEquals("2 min", figure(store, "lag-day-p95"));
        assertEquals("6", figure(store, "lag-day-count"));
        assertEquals("Green: fine", signal(store, "lag"), "95 % within 8 s against 90 s");
        assertTrue(text(store + "tr[data-figure='lag'] td.rule").contains("within 90 s"), "the rule is written");

        assertEquals("3", figure(store, "waiting-window"));
        assertEquals("2", figure(store, "waiting-budget"));
        // Due 5 minutes before the scenario was written, a few minutes before the page is read (more on a loaded
        // machine: the window allows a quarter of an hour between writing the scenario and reading the page).
        assertTrue(figure(store, "oldest-overdue").matches("([5-9]|1[0-9]) min.*"), figure(store, "oldest-overdue"));
        assertEquals("1", figure(store, "parked-changes"));
        assertEquals("1", figure(store, "parked-pushes"));
        assertEquals("Red: act now", signal(store, "backlog"), "something is parked");

        assertEquals("0.5", figure(store, "webhooks-per-minute"), "30 deliveries in the last hour");
        assertEquals("30", figure(store, "webhooks-hour"));

        assertEquals("2", figure(store, "feed-waiting"));
        assertTrue(figure(store, "feed-oldest").matches("(2[0-9]|3[0-4]) min.*"), figure(store, "feed-oldest"));
        assertEquals("1", figure(store, "held"));
        assertEquals("Amber: look soon", signal(store, "orders"), "waiting 20 minutes and one held");

        assertEquals("1", figure(store, "failed-shipments"));
        assertEquals("Red: act now", signal(store, "shipments"));
        assertTrue(text(store + "td.budget").startsWith("not known yet"), "no call to this store");
        assertEquals("Red: act now", text(store + "h2 .signal"), "the store's worst signal");

        // The chart: a bar per hour, three hours with pushes.
        List<WebElement> bars = browser.driver().findElements(By.cssSelector(store + "svg rect.bar"));
        assertEquals(24, bars.size(), "24 hours");
        assertEquals(
                3,
                browser.driver()
                        .findElements(By.cssSelector(store + "svg rect.bar:not(.empty)"))
                        .size(),
                "the hours 5 h ago, 3 h ago and the last hour");
        browser.screenshot("dashboard");
        assertEquals("[]", browser.cspViolations(), "no Content-Security-Policy violation");
        assertEquals(List.of(), Accessibility.seriousViolations(browser));

        // A shipment fails meanwhile: the page shows it by itself, without being reloaded.
        ((JavascriptExecutor) browser.driver()).executeScript("window.dashboardNotReloaded = true;");
        try (Connection db = ConnectorServer.database()) {
            shipment(db, heldOrderId, "S3-" + TAG, "FAILED", "1", "null", "null", "Shopify refused it");
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> "2".equals(figure(store, "failed-shipments")));
        assertEquals(
                Boolean.TRUE,
                ((JavascriptExecutor) browser.driver()).executeScript("return window.dashboardNotReloaded === true;"),
                "refreshed in place, not reloaded");
        assertEquals("[]", browser.cspViolations(), "no violation by the refresh either");
    }

    @Test
    void theItemTraceExplainsTheQuantityOnShopify() throws Exception {
        // Found by SKU from the dashboard's search.
        browser.open("/admin/dashboard.xhtml");
        browser.type(By.id("dashboard:sku"), SKU);
        browser.click(By.id("dashboard:trace"));
        browser.awaitUrlContaining("/admin/item-trace");
        browser.awaitTextContaining(By.id("item-heading"), "SKU " + SKU + " of " + DOMAIN);

        String explanation = text("#levels td.explanation");
        assertTrue(
                explanation.startsWith("Shopify was last known to hold 8, after the connector's push of"), explanation);
        assertTrue(explanation.endsWith("the WMS's sellable quantity is 8; nothing waits."), explanation);

        List<String> steps = column("step");
        assertEquals(
                List.of(
                        "Reconciliation finding",
                        "Shopify's answer",
                        "Push sent",
                        "WMS movement",
                        "WMS movement",
                        "Shopify's answer",
                        "Push sent",
                        "WMS movement"),
                steps,
                "the scenario's steps, newest first");
        List<String> what = column("what");
        assertEquals("Location " + LOCATION + ": Shopify held 9, the WMS's figure was 8", what.get(0));
        assertTrue(what.get(1).startsWith("Push #" + push2 + ": taken by Shopify"), what.get(1));
        assertEquals(
                "Push #" + push2 + " (inventorySetQuantities): location " + LOCATION
                        + ": 5 → 8; 2 movements coalesced into it",
                what.get(2));
        assertTrue(
                what.get(3).startsWith("ADJUSTMENT +1 at warehouse WH-" + TAG + ": sellable 8 after it"), what.get(3));
        assertTrue(what.get(3).endsWith("coalesced into push #" + push2 + " for location " + LOCATION), what.get(3));
        assertEquals("Push #" + push1 + " (inventorySetQuantities): location " + LOCATION + ": 0 → 5", what.get(6));
        List<String> details = column("detail");
        assertEquals("idempotency key key-" + push2, details.get(2), "the push's idempotency key");
        assertEquals("movement id m1-" + TAG, details.get(7));

        browser.screenshot("item-trace");
        assertEquals("[]", browser.cspViolations(), "no Content-Security-Policy violation");
        assertEquals(List.of(), Accessibility.seriousViolations(browser));

        // A SKU no store has: the page says so.
        browser.type(By.id("trace-search:sku"), "NO-SUCH-" + TAG);
        browser.click(By.id("trace-search:search"));
        browser.awaitTextContaining(
                By.id("messages-panel"), "No variant of any store has the SKU NO-SUCH-" + TAG + ".");
    }

    @Test
    void theOrderTraceListsWhatHappenedToTheOrder() throws Exception {
        // From the Orders page: the order's name links to its trace.
        browser.open("/admin/orders.xhtml");
        browser.type(By.id("orders:name"), ORDER_NAME.substring(1));
        browser.click(By.id("orders:apply-filters"));
        browser.awaitTextContaining(By.cssSelector("#orders\\:order-list .ui-paginator-current"), "1–1 of 1");
        browser.awaitTextContaining(By.cssSelector("#orders\\:order-list tbody tr:first-child"), ORDER_NAME);
        browser.click(By.cssSelector("#orders\\:order-list tbody tr:first-child a.trace-link"));
        browser.awaitUrlContaining("/admin/order-trace.xhtml?order=" + orderId);
        browser.awaitTextContaining(By.id("order-heading"), "Order " + ORDER_NAME + " of " + DOMAIN);
        assertEquals("Now: Accepted by the WMS.", text("#decision"));
        assertEquals(
                List.of(
                        "Goods received",
                        "Return",
                        "Shipment parked",
                        "Shipment reported",
                        "Fulfillment on Shopify",
                        "Shipment reported",
                        "Decision now",
                        "WMS acknowledged",
                        "Webhook",
                        "Activity (orders)",
                        "Webhook (duplicate)",
                        "Webhook",
                        "First seen"),
                column("step"),
                "the scenario's steps, newest first");
        List<String> what = column("what");
        assertEquals("Not on Shopify after 0 attempt(s): Shopify refused: the line is fulfilled", what.get(2));
        assertEquals("orders/paid: processed", what.get(8));
        assertEquals("Order " + ORDER_NAME + " of " + DOMAIN + " is held: line 1 is not mapped", what.get(9));
        assertEquals("orders/create: processed; the same event as webhook create-" + TAG, what.get(10));
        List<String> details = column("detail");
        assertEquals("webhook id create-again-" + TAG + ", event id event-1-" + TAG, details.get(10));
        assertEquals("shipment S1-" + TAG + ", fulfillment gid://shopify/Fulfillment/" + ITEM_NO, details.get(4));

        browser.screenshot("order-trace");
        assertEquals("[]", browser.cspViolations(), "no Content-Security-Policy violation");
        assertEquals(List.of(), Accessibility.seriousViolations(browser));

        // By name, as typed on the page.
        browser.open("/admin/order-trace.xhtml");
        browser.type(By.id("trace-search:name"), ORDER_NAME.substring(1));
        browser.click(By.id("trace-search:search"));
        browser.awaitTextContaining(By.id("order-heading"), "Order " + ORDER_NAME + " of " + DOMAIN);
    }

    private static String figure(String store, String name) {
        return text(store + "." + name);
    }

    private static String signal(String store, String figure) {
        return text(store + "tr[data-figure='" + figure + "'] .signal");
    }

    private static String text(String css) {
        return browser.text(By.cssSelector(css)).trim();
    }

    /** A column of the timeline's first page, top to bottom. */
    private static List<String> column(String styleClass) {
        browser.text(By.cssSelector("#timeline-form\\:timeline tbody tr"));
        return browser
                .driver()
                .findElements(By.cssSelector("#timeline-form\\:timeline tbody tr.trace-event td." + styleClass))
                .stream()
                .map(cell -> cell.getText().trim())
                .toList();
    }

    private static long change(Connection db, String item, String state, String dueAt, String known, String reason)
            throws Exception {
        String[] values = known.split(", ", 3);
        return id(
                db,
                "insert into stock_change (store_id, inventory_item_id, location_id, product_id, warehouse_id,"
                        + " state, due_at, sellable, shopify_known, last_pushed_at, reason, updated_at) values ("
                        + storeId
                        + ", '" + item + "', '" + LOCATION + "', " + productId + ", " + warehouseId + ", '" + state
                        + "', "
                        + dueAt + ", " + values[0] + ", " + values[1] + ", " + values[2] + ", "
                        + (reason == null ? "null" : "'" + reason + "'") + ", now()) returning id");
    }

    private static long push(
            Connection db, String item, String before, int after, String createdAgo, String finishedAgo)
            throws Exception {
        long id = id(
                db,
                "insert into stock_push (store_id, mode, idempotency_key, payload, quantities, state, attempts,"
                        + " next_attempt_at, created_at, finished_at) values (" + storeId + ", 'ABSOLUTE', 'pending-"
                        + UUID.randomUUID()
                        + "', '{}', 1, 'PUSHED', 1, now(), now() - " + createdAgo + ", now() - " + finishedAgo
                        + ") returning id");
        update(
                db,
                "update stock_push set idempotency_key = 'key-' || id, payload = '{\"name\":\"available\","
                        + "\"reason\":\"correction\",\"referenceDocumentUri\":\"x\",\"quantities\":[{\"inventoryItemId\":\""
                        + item + "\",\"locationId\":\"" + LOCATION + "\",\"quantity\":" + after
                        + ",\"changeFromQuantity\":"
                        + before + "}]}' where id = " + id);
        return id;
    }

    private static void movement(Connection db, String id, long delta, long after, long change, long push, String ago)
            throws Exception {
        long movement = id(
                db,
                "insert into stock_movement (movement_id, kind, product_id, warehouse_id, delta,"
                        + " sellable_after, sequence, received_at) values ('" + id + "-" + TAG + "', 'ADJUSTMENT', "
                        + productId
                        + ", " + warehouseId + ", " + delta + ", " + after + ", 1, now() - " + ago + ") returning id");
        update(
                db,
                "insert into stock_movement_target (movement_id, change_id, push_id) values (" + movement + ", "
                        + change + ", " + push + ")");
    }

    private static void delivery(
            Connection db, String topic, String body, String ago, String orderRef, String webhookId, String note)
            throws Exception {
        delivery(db, topic, body, ago, orderRef, webhookId, note, null);
    }

    private static void delivery(
            Connection db,
            String topic,
            String body,
            String ago,
            String orderRef,
            String webhookId,
            String note,
            String eventId)
            throws Exception {
        update(
                db,
                "insert into webhook_delivery (webhook_id, store_id, topic, event_id, headers, body, body_digest,"
                        + " received_at, outcome, outcome_note, processed_at, order_ref) values ('" + webhookId + "', "
                        + storeId + ", '" + topic + "', " + (eventId == null ? "null" : "'" + eventId + "'") + ", '{}',"
                        + " convert_to('" + body + "', 'UTF8'), sha256(convert_to('" + body + "', 'UTF8')), now() - "
                        + ago
                        + ", 'PROCESSED', " + (note == null ? "null" : "'" + note + "'") + ", now() - " + ago + ", "
                        + (orderRef == null ? "null" : "'" + orderRef + "'") + ")");
    }

    private static void shipment(
            Connection db,
            long order,
            String key,
            String state,
            String minutesAgo,
            String fulfillment,
            String fulfilledAt,
            String reason)
            throws Exception {
        update(
                db,
                "insert into shipment (shipment_key, order_id, store_id, state, shipped_at, fingerprint, attempts,"
                        + " fulfillment_id, fulfilled_at, reason, received_at, updated_at) values ('" + key + "', "
                        + order
                        + ", " + storeId + ", '" + state + "', now(), 'f', " + ("FULFILLED".equals(state) ? 1 : 0)
                        + ", "
                        + fulfillment + ", " + fulfilledAt + ", " + (reason == null ? "null" : "'" + reason + "'")
                        + ", now() - interval '" + minutesAgo + " minutes', now() - interval '" + minutesAgo
                        + " minutes' + interval '1 minute')");
    }

    private static long order(Connection db, String name, String state, String updatedAt, boolean inFeed)
            throws Exception {
        return id(
                db,
                "insert into shop_order (store_id, shopify_order_id, name, state, hold_reason, state_note,"
                        + " feed_seq, feed_kind, feed_pending, first_seen_at, updated_at) values (" + storeId
                        + ", 'gid://shopify/Order/" + name.substring(1) + "', '" + name + "', '" + state + "', "
                        + ("HELD".equals(state) ? "'UNMAPPED_LINE', 'Line 1 is not mapped'" : "null, null") + ", "
                        + (inFeed ? "nextval('shop_order_feed_seq'), 'ORDER', true" : "null, null, false") + ", now(), "
                        + updatedAt + ") returning id");
    }

    private static long id(Connection db, String sql) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void update(Connection db, String sql) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}
