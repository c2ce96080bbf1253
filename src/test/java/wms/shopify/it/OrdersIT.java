package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.json;
import static wms.shopify.it.WmsFixture.quantities;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Shop;

/**
 * Orders end to end against the Shopify sandbox: an order placed on the sandbox store reaches the WMS feed through
 * its webhooks with what the WMS needs to ship it, exactly once however often and in whatever order its webhooks
 * come; each filter dimension, and an order decided again on a later update; an unmapped line held and released on
 * the Orders page after mapping; cancellation through the feed; a webhook Shopify never delivered found by the
 * sweep; and a privacy request erasing the customer. Each test opens a store of its own and places its own orders,
 * so none depends on another's order, filters or feed entries.
 */
class OrdersIT {

    static final HttpClient HTTP = ConnectorServer.client();
    private static final String LOCATION = "Orders main";

    static SandboxConnector connector;
    /** The WMS side: its credential and its calls of the WMS API. */
    static WmsFixture wmsApi;

    static ExecutorService senders;
    /**
     * The WMS's callback address, as a test server: records every call; the first call with a body fails (503), as
     * when the WMS is briefly down, so that every callback is retried once.
     */
    static com.sun.net.httpserver.HttpServer wms;

    static final List<String> CALLBACKS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final java.util.Set<String> ANSWERED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void theConnectorAndTheWms() throws Exception {
        wms = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("localhost", 0), 0);
        wms.createContext("/wms/orders", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            CALLBACKS.add(body);
            exchange.sendResponseHeaders(ANSWERED.add(body) ? 503 : 204, -1);
            exchange.close();
        });
        wms.start();
        connector = SandboxConnector.get(List.of(
                "ORDER_SWEEP_INTERVAL_SECONDS=0",
                "WMS_ORDER_CALLBACK_URL=http://localhost:" + wms.getAddress().getPort() + "/wms/orders"));
        senders = Executors.newFixedThreadPool(9);
        wmsApi = new WmsFixture(connector, "orders-it");
    }

    /**
     * A store of this test's own (named after {@code tag}) selling a shirt, a mug and a hat (100 of each at its
     * location, mapped to the WMS warehouse WH-ORD with the shipping process ORD-PARCEL); the shirt and the mug are
     * mapped to WMS products, the hat is not.
     */
    private static Shop store(String tag) throws Exception {
        String domain = "orders-" + tag + ".myshopify.com";
        Shop shop = WmsFixture.stockedShop(
                connector, domain, LOCATION, 100, "Shirt", "O-SHIRT", "Mug", "O-MUG", "Hat", "O-HAT");
        wmsApi.installForOrders(shop, shop.location(LOCATION), "WH-ORD", "ORD-PARCEL");
        wmsApi.catalog(domain, "W-SHIRT", "O-SHIRT", "W-MUG", "O-MUG");
        return shop;
    }

    @AfterAll
    static void stopSenders() {
        senders.shutdownNow();
        wms.stop(0);
    }

    @Test
    void aPaidOrderReachesTheFeedWithWhatTheWmsNeedsToShipItAndLeavesItWhenAcknowledged() throws Exception {
        Shop shop = store("paid");
        Location main = shop.location(LOCATION);
        var order = shop.placeOrder(main, true, Map.of("O-SHIRT", 2, "O-MUG", 1), false, "Leave at the door");
        JsonObject entry = awaitEntry(order.id());
        assertEquals("ORDER", entry.getString("kind"));
        assertEquals(shop.domain(), entry.getString("store"));
        assertEquals(order.name(), entry.getString("name"));
        assertEquals("WH-ORD", entry.getString("warehouse"));
        assertEquals("ORD-PARCEL", entry.getString("shippingProcess"));
        assertEquals("Chestnut Street 92", entry.getJsonObject("shipTo").getString("address1"));
        assertEquals("US", entry.getJsonObject("shipTo").getString("countryCode"));
        assertEquals("bob.norman@example.com", entry.getString("email"));
        assertEquals("Standard Shipping", entry.getString("shippingMethod"));
        assertEquals("Leave at the door", entry.getString("note"));
        assertEquals(Map.of("W-SHIRT", 2, "W-MUG", 1), quantities(entry));

        long revision = entry.getJsonNumber("revision").longValue();
        long id = entry.getJsonNumber("orderId").longValue();
        assertEquals(409, ack(id, revision - 1).statusCode(), "an older revision is refused");
        HttpResponse<String> acked = ack(id, revision);
        assertEquals(200, acked.statusCode(), acked.body());
        assertEquals(200, ack(id, revision).statusCode(), "again: harmless");
        assertTrue(entryFor(order.id()) == null, "acknowledged: gone from the feed, even read from the start");
        assertEquals("ACCEPTED", state(order.id()));
        assertEquals(404, ack(999_999, 1).statusCode());
        assertEquals(400, wmsApi.api("GET", "/api/v1/orders/feed?limit=0", null).statusCode());
        assertEquals(
                401,
                HTTP.send(
                                HttpRequest.newBuilder(URI.create(connector.url() + "/api/v1/orders/feed"))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode());
    }

    @Test
    void eachWebhookDeliveredThreeTimesSomeConcurrentlyMakesOneOrder() throws Exception {
        Shop shop = store("thrice");
        Location main = shop.location(LOCATION);
        var order = shop.placeOrder(main, true, Map.of("O-SHIRT", 1));
        byte[] body = body(order.legacyResourceId(), order.id());
        List<Callable<Integer>> sends = new ArrayList<>();
        for (String topic : List.of("orders/create", "orders/paid", "orders/updated")) {
            for (int i = 0; i < 3; i++) {
                String webhookId = UUID.randomUUID().toString();
                sends.add(() -> webhook(shop, topic, webhookId, body).statusCode());
                if (i == 0) {
                    sends.add(() ->
                            webhook(shop, topic, webhookId, body).statusCode()); // the same delivery twice at once
                }
            }
        }
        for (Future<Integer> sent : senders.invokeAll(sends)) {
            assertEquals(200, sent.get());
        }
        awaitProcessed();
        assertEquals(1, wmsApi.count("select count(*) from shop_order where shopify_order_id = '" + order.id() + "'"));
        JsonObject entry = awaitEntry(order.id());
        assertEquals(
                1,
                feed().stream()
                        .filter(e -> e.getString("shopifyOrderId").equals(order.id()))
                        .count());
        assertEquals(Map.of("W-SHIRT", 1), quantities(entry));
        assertEquals(
                200,
                ack(
                                entry.getJsonNumber("orderId").longValue(),
                                entry.getJsonNumber("revision").longValue())
                        .statusCode());
    }

    @Test
    void ordersPaidBeforeOrdersCreateIsOneOrderAsItIsNow() throws Exception {
        Shop shop = store("paid-first");
        Location main = shop.location(LOCATION);
        shop.faults().webhookDropShare(1.0);
        var order = shop.placeOrder(main, true, Map.of("O-MUG", 3));
        shop.faults().none();
        byte[] body = body(order.legacyResourceId(), order.id());
        assertEquals(
                200,
                webhook(shop, "orders/paid", UUID.randomUUID().toString(), body).statusCode());
        awaitProcessed();
        assertEquals(Map.of("W-MUG", 3), quantities(awaitEntry(order.id())));
        assertEquals(
                200,
                webhook(shop, "orders/create", UUID.randomUUID().toString(), body)
                        .statusCode());
        awaitProcessed();
        assertEquals(1, wmsApi.count("select count(*) from shop_order where shopify_order_id = '" + order.id() + "'"));
        assertEquals(
                1,
                feed().stream()
                        .filter(e -> e.getString("shopifyOrderId").equals(order.id()))
                        .count());
    }

    @Test
    void eachFilterDimensionAndALaterUpdateDecidesAgain() throws Exception {
        Shop shop = store("filters");
        Location main = shop.location(LOCATION);
        // Financial status: unpaid is filtered out, then paid later is imported.
        var unpaid = shop.placeOrder(main, false, Map.of("O-SHIRT", 1));
        awaitState(unpaid.id(), "FILTERED");
        assertTrue(note(unpaid.id()).contains("financial status pending"), note(unpaid.id()));
        assertNull(entryFor(unpaid.id()));
        shop.markPaid(unpaid);
        awaitEntry(unpaid.id());

        // Test orders: out by default; once the filter takes them, the order is imported (the filter change decides
        // it again at once; its next update would too).
        var test = shop.placeOrder(main, true, Map.of("O-SHIRT", 1), true, null);
        awaitState(test.id(), "FILTERED");
        assertTrue(note(test.id()).contains("test order"), note(test.id()));
        filters(shop, "[\"open\"]", "[\"paid\"]", "[\"unfulfilled\",\"partially_fulfilled\"]", true);
        shop.editNote(test, "now wanted");
        awaitEntry(test.id());

        // Order status and fulfillment status.
        filters(shop, "[\"closed\"]", "[\"paid\"]", "[\"unfulfilled\"]", false);
        var open = shop.placeOrder(main, true, Map.of("O-SHIRT", 1));
        awaitState(open.id(), "FILTERED");
        assertTrue(note(open.id()).contains("order status open"), note(open.id()));
        filters(shop, "[\"open\"]", "[\"paid\"]", "[\"fulfilled\"]", false);
        var unfulfilled = shop.placeOrder(main, true, Map.of("O-SHIRT", 1));
        awaitState(unfulfilled.id(), "FILTERED");
        assertTrue(note(unfulfilled.id()).contains("fulfillment status unfulfilled"), note(unfulfilled.id()));

        // A value Shopify does not have is refused; the filters are read back as saved.
        assertEquals(
                400,
                wmsApi.api(
                                "PUT",
                                "/api/v1/stores/" + shop.domain() + "/order-filters",
                                "{\"orderStatuses\":[\"opn\"],"
                                        + "\"financialStatuses\":[],\"fulfillmentStatuses\":[],\"testOrders\":false}")
                        .statusCode());
        filters(shop, "[\"open\"]", "[\"paid\"]", "[\"unfulfilled\",\"partially_fulfilled\"]", false);
        JsonObject saved = json(wmsApi.api("GET", "/api/v1/stores/" + shop.domain() + "/order-filters", null));
        assertEquals(
                "[\"partially_fulfilled\",\"unfulfilled\"]",
                saved.getJsonArray("fulfillmentStatuses").toString());
        shop.editNote(open, "again");
        awaitEntry(open.id());
        awaitEntry(unfulfilled.id());
        ackAll(shop);
    }

    @Test
    void anUnmappedLineHoldsTheOrderOnTheOrdersPageUntilReleasedAfterMapping() throws Exception {
        Shop shop = store("held");
        Location main = shop.location(LOCATION);
        var order = shop.placeOrder(main, true, Map.of("O-SHIRT", 1, "O-HAT", 2));
        awaitState(order.id(), "HELD");
        assertNull(entryFor(order.id()), "never in the feed while held");
        long rowId = wmsApi.count("select id from shop_order where shopify_order_id = '" + order.id() + "'");
        try (Browser browser = new Browser()) {
            browser.visit(connector.url() + "/admin/orders.xhtml");
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
            browser.visit(connector.url() + "/admin/orders.xhtml?state=HELD&reason=UNMAPPED_LINE");
            String why = browser.text(By.cssSelector("tr[data-rk='" + rowId + "'] .why"));
            assertTrue(why.contains("Hat") && why.contains("(SKU O-HAT)"), why);
            browser.screenshot("orders-held");

            wmsApi.catalog(shop.domain(), "W-HAT", "O-HAT");
            browser.click(By.cssSelector("tr[data-rk='" + rowId + "'] input[id$='release']"));
            awaitState(order.id(), "READY");
            assertTrue(browser.driver().getPageSource().contains("in the WMS feed"), "the release says where it went");
            browser.visit(connector.url() + "/admin/orders.xhtml?state=READY");
            assertTrue(
                    browser.driver()
                                    .findElements(By.cssSelector("tr[data-rk='" + rowId + "']"))
                                    .size()
                            == 1,
                    "listed as in the feed");
            browser.screenshot("orders-released");
        }
        assertEquals(Map.of("W-SHIRT", 1, "W-HAT", 2), quantities(awaitEntry(order.id())));
    }

    @Test
    void aCancellationBeforeShippingCancelsTheWmsOrderThroughTheFeed() throws Exception {
        Shop shop = store("cancelled");
        Location main = shop.location(LOCATION);
        var order = shop.placeOrder(main, true, Map.of("O-MUG", 1));
        JsonObject entry = awaitEntry(order.id());
        long id = entry.getJsonNumber("orderId").longValue();
        assertEquals(200, ack(id, entry.getJsonNumber("revision").longValue()).statusCode());
        shop.cancelOrder(order, "CUSTOMER");
        JsonObject cancellation = awaitEntry(order.id());
        assertEquals("CANCELLATION", cancellation.getString("kind"));
        assertEquals(id, cancellation.getJsonNumber("orderId").longValue());
        assertEquals("CANCELLED", state(order.id()));
        assertEquals(
                200, ack(id, cancellation.getJsonNumber("revision").longValue()).statusCode());
        assertNull(entryFor(order.id()));

        // Cancelled before the WMS saw it: no entry at all.
        shop.faults().webhookDropShare(1.0);
        var early = shop.placeOrder(main, true, Map.of("O-MUG", 1));
        shop.faults().none();
        shop.cancelOrder(early, "CUSTOMER");
        awaitState(early.id(), "CANCELLED");
        assertNull(entryFor(early.id()));
    }

    @Test
    void aWebhookShopifyNeverDeliveredIsFoundByTheSweepAndShownOnActivity() throws Exception {
        Shop shop = store("swept");
        Location main = shop.location(LOCATION);
        shop.faults().webhookDropShare(1.0);
        var lost = shop.placeOrder(main, true, Map.of("O-SHIRT", 4));
        shop.faults().none();
        Thread.sleep(1500);
        assertEquals(0, wmsApi.count("select count(*) from shop_order where shopify_order_id = '" + lost.id() + "'"));
        HttpResponse<String> swept = wmsApi.api(
                "POST",
                "/api/v1/stores/" + shop.domain() + "/order-sweep",
                "{\"from\":\"" + Instant.now().minus(Duration.ofHours(1)) + "\"}");
        assertEquals(200, swept.statusCode(), swept.body());
        JsonObject result = json(swept);
        assertEquals("succeeded", result.getString("state"));
        assertEquals(1, result.getInt("gapsFilled"), result.toString());
        assertEquals(lost.name(), result.getString("gapOrders"));
        assertEquals(Map.of("W-SHIRT", 4), quantities(awaitEntry(lost.id())));
        JsonObject again = json(wmsApi.api(
                "POST",
                "/api/v1/stores/" + shop.domain() + "/order-sweep",
                "{\"from\":\"" + Instant.now().minus(Duration.ofHours(1)) + "\"}"));
        assertEquals(0, again.getInt("gapsFilled"), "idempotent: " + again);

        String activity = connector
                .get(connector.signedInAdmin(), "/admin/activity.xhtml")
                .body();
        assertTrue(activity.contains("id=\"webhook-health\""), "webhook health is shown");
        assertTrue(activity.contains("data-topic=\"orders/create\""));
        assertTrue(activity.contains("id=\"sweep-gaps\"") && activity.contains(lost.name()), "the gap is shown");
    }

    @Test
    void aPrivacyRequestErasesTheCustomerButNotTheGoods() throws Exception {
        Shop shop = store("redacted");
        Location main = shop.location(LOCATION);
        var order = shop.placeOrder(main, true, Map.of("O-MUG", 1));
        awaitEntry(order.id());
        byte[] redact = ("{\"shop_domain\":\"" + shop.domain()
                        + "\",\"customer\":{\"id\":1,\"email\":\"nobody@example.com\"}," + "\"orders_to_redact\":["
                        + order.legacyResourceId() + "]}")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(
                200,
                webhook(shop, "customers/redact", UUID.randomUUID().toString(), redact)
                        .statusCode());
        awaitProcessed();
        try (Connection db = connector.jdbc();
                ResultSet row = db.createStatement()
                        .executeQuery("select ship_name, "
                                + "ship_address1, contact_email, redacted_at, (select count(*) from shop_order_line l where l.order_id "
                                + "= o.id) from shop_order o where shopify_order_id = '" + order.id() + "'")) {
            assertTrue(row.next());
            assertNull(row.getString(1));
            assertNull(row.getString(2));
            assertNull(row.getString(3));
            assertTrue(row.getTimestamp(4) != null);
            assertEquals(1, row.getInt(5), "the lines stay");
        }
        JsonValue shipTo = entryFor(order.id()).get("shipTo");
        assertTrue(shipTo == null || shipTo == JsonValue.NULL, "no address in the feed any more: " + shipTo);
    }

    @Test
    void theWmsIsCalledBackForEachFeedEntryWithRetriesAndTheFeedStaysTheSourceOfTruth() throws Exception {
        Shop shop = store("callbacks");
        Location main = shop.location(LOCATION);
        var order = shop.placeOrder(main, true, Map.of("O-MUG", 2));
        JsonObject entry = awaitEntry(order.id());
        String expected = "\"revision\":" + entry.getJsonNumber("revision").longValue();
        await(
                () -> CALLBACKS.stream().anyMatch(c -> c.contains(expected) && c.contains(order.id())),
                "the callback for " + order.name());
        assertTrue(CALLBACKS.size() >= 2, "calls arrived");
        String first = CALLBACKS.stream()
                .filter(c -> c.contains(order.id()))
                .findFirst()
                .orElseThrow();
        await(
                () -> CALLBACKS.stream().filter(first::equals).count() >= 2,
                "the first call for " + order.name() + " failed (503) and was retried");

        // The WMS takes the order, then the customer cancels it.
        assertEquals(
                200,
                ack(
                                entry.getJsonNumber("orderId").longValue(),
                                entry.getJsonNumber("revision").longValue())
                        .statusCode());
        shop.cancelOrder(order, "CUSTOMER");
        await(
                () -> CALLBACKS.stream()
                        .anyMatch(c -> c.contains("\"kind\":\"CANCELLATION\"") && c.contains(order.id())),
                "a cancellation is called back too");
    }

    @Test
    void aFilterChangeDecidesTheFilteredOutOrdersAgainAtOnceAndOneThatPassesReachesTheFeedOnce() throws Exception {
        Shop shop = store("refilter");
        Location main = shop.location(LOCATION);
        String usual = "[\"unfulfilled\",\"partially_fulfilled\"]";
        filters(shop, "[\"open\"]", "[\"paid\"]", usual, false);
        var unpaid = shop.placeOrder(main, false, Map.of("O-MUG", 1));
        var test = shop.placeOrder(main, true, Map.of("O-MUG", 1), true, null);
        awaitState(unpaid.id(), "FILTERED");
        awaitState(test.id(), "FILTERED");
        long activityBefore = wmsApi.count("select coalesce(max(id), 0) from activity_event");
        String updatedBefore = wmsApi.text(
                "select cast(shopify_updated_at as varchar) from shop_order " + "where shopify_order_id = ?",
                unpaid.id());

        // Pending orders now pass: the unpaid order enters the feed without any update on Shopify.
        filters(shop, "[\"open\"]", "[\"paid\",\"pending\"]", usual, false);
        JsonObject entry = awaitEntry(unpaid.id());
        assertEquals("READY", state(unpaid.id()));
        assertEquals(
                updatedBefore,
                wmsApi.text(
                        "select cast(shopify_updated_at as varchar) from shop_order " + "where shopify_order_id = ?",
                        unpaid.id()),
                "decided on the filter change, not on an update");
        assertEquals(
                "filter change",
                wmsApi.text("select last_source from shop_order where shopify_order_id = ?", unpaid.id()));
        await(() -> recheckMessages(shop, activityBefore).size() == 1, "the re-check in the activity log");
        String message = recheckMessages(shop, activityBefore).get(0);
        assertTrue(
                message.matches("\\d+ orders of " + shop.domain().replace(".", "\\.") + " re-checked after the filter "
                        + "change, [1-9]\\d* now go to the WMS.*"),
                message);
        assertEquals("FILTERED", state(test.id()), "still out: test orders are not imported");

        // Another change re-checks what is still filtered out: the order in the feed is not handed over again.
        filters(shop, "[\"open\"]", "[]", usual, false);
        await(() -> recheckMessages(shop, activityBefore).size() == 2, "the second re-check in the activity log");
        List<JsonObject> entries = feed().stream()
                .filter(e -> e.getString("shopifyOrderId").equals(unpaid.id()))
                .toList();
        assertEquals(1, entries.size(), "once in the feed");
        assertEquals(
                entry.getJsonNumber("revision").longValue(),
                entries.get(0).getJsonNumber("revision").longValue(),
                "the same revision: not handed over twice");
        assertEquals("FILTERED", state(test.id()), "re-checked again, still out");

        filters(shop, "[\"open\"]", "[\"paid\"]", usual, false);
        ackAll(shop);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static void filters(Shop shop, String orders, String financial, String fulfillment, boolean test)
            throws Exception {
        HttpResponse<String> changed = wmsApi.api(
                "PUT",
                "/api/v1/stores/" + shop.domain() + "/order-filters",
                "{\"orderStatuses\":"
                        + orders + ",\"financialStatuses\":" + financial + ",\"fulfillmentStatuses\":" + fulfillment
                        + ",\"testOrders\":" + test + "}");
        assertEquals(200, changed.statusCode(), changed.body());
    }

    private static byte[] body(long legacyId, String gid) {
        return ("{\"id\":" + legacyId + ",\"admin_graphql_api_id\":\"" + gid + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> webhook(Shop shop, String topic, String webhookId, byte[] body)
            throws Exception {
        return SandboxConnector.deliverWebhook(connector.url(), shop.domain(), topic, webhookId, body);
    }

    /** Waits until every stored delivery has been processed. */
    private static void awaitProcessed() throws Exception {
        await(
                () -> wmsApi.count("select count(*) from webhook_delivery where outcome = 'RECEIVED'") == 0,
                "the webhook queue to drain");
    }

    private static JsonObject awaitEntry(String shopifyOrderId) throws Exception {
        JsonObject[] found = new JsonObject[1];
        await(() -> (found[0] = entryFor(shopifyOrderId)) != null, "order " + shopifyOrderId + " in the feed");
        return found[0];
    }

    private static void awaitState(String shopifyOrderId, String state) throws Exception {
        await(() -> state.equals(state(shopifyOrderId)), "order " + shopifyOrderId + " to be " + state);
    }

    private static void await(WmsFixture.Check check, String what) throws Exception {
        WmsFixture.await(Duration.ofSeconds(30), check, what, () -> "; latest deliveries: " + latestDeliveries());
    }

    private static String latestDeliveries() throws Exception {
        StringBuilder notes = new StringBuilder();
        try (Connection db = connector.jdbc();
                ResultSet rows = db.createStatement()
                        .executeQuery("select topic, "
                                + "outcome, outcome_note from webhook_delivery order by id desc limit 5")) {
            while (rows.next()) {
                notes.append(rows.getString(1))
                        .append(' ')
                        .append(rows.getString(2))
                        .append(": ")
                        .append(rows.getString(3))
                        .append(" | ");
            }
        }
        return notes.toString();
    }

    /** The whole order feed, read two entries a page (so that the cursor is exercised). */
    private static List<JsonObject> feed() throws Exception {
        return wmsApi.feed("orders", 2);
    }

    private static JsonObject entryFor(String shopifyOrderId) throws Exception {
        return feed().stream()
                .filter(e -> e.getString("shopifyOrderId").equals(shopifyOrderId))
                .findFirst()
                .orElse(null);
    }

    /** Acknowledges every entry of the store's in the feed. */
    private static void ackAll(Shop shop) throws Exception {
        for (JsonObject entry : feed().stream()
                .filter(e -> e.getString("store").equals(shop.domain()))
                .toList()) {
            assertEquals(
                    200,
                    ack(
                                    entry.getJsonNumber("orderId").longValue(),
                                    entry.getJsonNumber("revision").longValue())
                            .statusCode());
        }
    }

    private static HttpResponse<String> ack(long orderId, long revision) throws Exception {
        return wmsApi.acknowledge("orders", orderId, revision);
    }

    /** The activity entries of filter re-checks after the given entry, oldest first. */
    private static List<String> recheckMessages(Shop shop, long afterId) throws Exception {
        List<String> messages = new ArrayList<>();
        try (Connection db = connector.jdbc();
                ResultSet rows = db.createStatement()
                        .executeQuery("select message "
                                + "from activity_event where id > " + afterId
                                + " and message like '%re-checked after the filter "
                                + "change%' and message like '% of " + shop.domain() + " %' order by id")) {
            while (rows.next()) {
                messages.add(rows.getString(1));
            }
        }
        return messages;
    }

    private static String state(String shopifyOrderId) throws Exception {
        return wmsApi.text("select state from shop_order where shopify_order_id = ?", shopifyOrderId);
    }

    private static String note(String shopifyOrderId) throws Exception {
        return wmsApi.text("select state_note from shop_order where shopify_order_id = ?", shopifyOrderId);
    }
}
