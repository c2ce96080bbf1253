package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.ShippedOrderFixture.lines;
import static wms.shopify.it.ShippedOrderFixture.parcel;
import static wms.shopify.it.WmsFixture.json;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import wms.shopify.sandbox.Fulfillment;
import wms.shopify.sandbox.Journal;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Shop;

/**
 * Shipping end to end against the Shopify sandbox: the WMS reports shipments of an order it took from the feed
 * (full or partial, several parcels) and each becomes exactly one fulfillment on the right fulfillment order lines
 * with its tracking; a shipment reported twice stays one; bad reports are refused with nothing stored; Shopify
 * failing for a while is retried until it recovers; a fulfillment Shopify applied but never answered for is found
 * and not made twice; a shipment whose attempts are spent is parked as failed, shown on the Orders page and retried
 * from there; tracking known later updates the fulfillment; with Shopify answering 5xx (before and after the write),
 * 429 and THROTTLED, all 2 s late, every shipment still ends as exactly one fulfillment, none parked (R3).
 */
class ShippingIT {

    private static final String DOMAIN = "shipping-it.myshopify.com";

    static SandboxConnector connector;
    static Shop shop;
    static Location main;
    /** The WMS side: its credential and its calls of the WMS API. */
    static WmsFixture wms;

    @BeforeAll
    static void storeWithMappedCatalog() throws Exception {
        connector = SandboxConnector.get(SandboxConnector.SHIPPING_SETTINGS);
        shop = WmsFixture.stockedShop(connector, DOMAIN, "Shipping main", 500, "Shirt", "S-SHIRT", "Mug", "S-MUG");
        main = shop.location("Shipping main");
        wms = new WmsFixture(connector, "shipping-it");
        wms.installForOrders(shop, main, "WH-SHIP", null);
        wms.catalog(DOMAIN, "W-SHIRT", "S-SHIRT", "W-MUG", "S-MUG");
    }

    @AfterEach
    void healthyShopify() {
        shop.faults().none();
    }

    @Test
    void fullAndPartialShipmentsWithSeveralParcelsBecomeOneFulfillmentEachWithTracking() throws Exception {
        var order = shop.placeOrder(main, true, Map.of("S-SHIRT", 3, "S-MUG", 1));
        long orderId = acceptedOrder(order.id());

        HttpResponse<String> first = ship(shipment(
                "SHIP-1A",
                orderId,
                "dhl express",
                lines("W-SHIRT", 2),
                parcel("JD0001", null),
                parcel("JD0002", null)));
        assertEquals(202, first.statusCode(), first.body());
        awaitShipment("SHIP-1A", "FULFILLED");
        assertEquals(
                "PARTIALLY_SHIPPED",
                json(wms.api("GET", "/api/v1/orders/" + orderId, null)).getString("shipping"));

        HttpResponse<String> second = ship(shipment(
                "SHIP-1B",
                orderId,
                "Acme Couriers",
                lines("W-SHIRT", 1, "W-MUG", 1),
                parcel("AC-77", "https://track.acme.example/AC-77")));
        assertEquals(202, second.statusCode(), second.body());
        JsonObject done = awaitShipment("SHIP-1B", "FULFILLED");
        assertEquals(
                "SHIPPED",
                json(wms.api("GET", "/api/v1/orders/" + orderId, null)).getString("shipping"));

        List<Fulfillment> fulfillments = order.fulfillments();
        assertEquals(2, fulfillments.size(), "one fulfillment per shipment");
        Fulfillment parcels = fulfillments.get(0);
        assertEquals(2, parcels.totalQuantity());
        assertEquals(
                List.of("JD0001", "JD0002"),
                parcels.trackingInfo().stream().map(t -> t.get("number")).toList());
        assertEquals("DHL Express", parcels.trackingInfo().get(0).get("company"), "Shopify's spelling of the carrier");
        Fulfillment rest = fulfillments.get(1);
        assertEquals(done.getString("fulfillmentId"), rest.id());
        assertEquals(2, rest.totalQuantity());
        assertEquals("Acme Couriers", rest.trackingInfo().get(0).get("company"), "an unknown carrier as named");
        assertEquals(
                "https://track.acme.example/AC-77", rest.trackingInfo().get(0).get("url"));
        assertEquals("FULFILLED", order.displayFulfillmentStatus());
        List<Journal.Mutation> created = shop.journal().applied("fulfillmentCreate");
        @SuppressWarnings("unchecked")
        Map<String, Object> input = (Map<String, Object>)
                created.get(created.size() - 1).arguments().get("fulfillment");
        assertEquals(Boolean.TRUE, input.get("notifyCustomer"), "the store setting: notify the customer");
    }

    @Test
    void aShipmentReportedTwiceStaysOneAndBadReportsStoreNothing() throws Exception {
        var order = shop.placeOrder(main, true, Map.of("S-SHIRT", 2));
        long orderId = acceptedOrder(order.id());
        String body = shipment("SHIP-2", orderId, "UPS", lines("W-SHIRT", 1), parcel("1Z1", null));
        assertEquals(202, ship(body).statusCode());
        HttpResponse<String> again = ship(body);
        assertEquals(200, again.statusCode(), "the same report again changes nothing");
        awaitShipment("SHIP-2", "FULFILLED");
        assertEquals(200, ship(body).statusCode());
        HttpResponse<String> other = ship(shipment("SHIP-2", orderId, "UPS", lines("W-SHIRT", 2), parcel("1Z1", null)));
        assertEquals(409, other.statusCode(), "the same id with other content");
        assertTrue(other.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        Thread.sleep(1500);
        assertEquals(1, order.fulfillments().size(), "fulfilled once");

        String ofThisTest = "select count(*) from shipment where shipment_key like 'SHIP-2%'";
        long before = wms.count(ofThisTest);
        HttpResponse<String> tooMany = ship(shipment("SHIP-2X", orderId, null, lines("W-SHIRT", 2)));
        assertEquals(422, tooMany.statusCode());
        assertTrue(tooMany.body().contains("more than the 1 left to ship"), tooMany.body());
        HttpResponse<String> notInOrder = ship(shipment("SHIP-2Y", orderId, null, lines("W-MUG", 1)));
        assertEquals(422, notInOrder.statusCode());
        assertTrue(notInOrder.body().contains("is not in order"), notInOrder.body());
        HttpResponse<String> unknown = ship(shipment("SHIP-2Z", 999_999, null, lines("W-SHIRT", 1)));
        assertEquals(422, unknown.statusCode());
        assertTrue(unknown.body().contains("unknown order"), unknown.body());
        HttpResponse<String> malformed = ship("{\"shipmentId\":\"has space\",\"lines\":[{\"quantity\":0}],"
                + "\"parcels\":[{\"trackingUrl\":\"ftp://x\"}]}");
        assertEquals(400, malformed.statusCode());
        for (String field : List.of(
                "shipmentId",
                "orderId",
                "shippedAt",
                "lines[0].product",
                "lines[0].quantity",
                "parcels[0].trackingUrl")) {
            assertTrue(malformed.body().contains("\"" + field + "\""), field + " in " + malformed.body());
        }
        try (Connection db = connector.jdbc()) {
            db.createStatement()
                    .executeUpdate("update store set status = 'DISCONNECTED' where domain = '" + DOMAIN + "'");
            try {
                HttpResponse<String> disconnected = ship(shipment("SHIP-2D", orderId, null, lines("W-SHIRT", 1)));
                assertEquals(409, disconnected.statusCode());
                assertTrue(disconnected.body().contains("not connected"), disconnected.body());
            } finally {
                db.createStatement()
                        .executeUpdate("update store set status = 'CONNECTED' where domain = '" + DOMAIN + "'");
            }
        }
        var unacknowledged = shop.placeOrder(main, true, Map.of("S-MUG", 1));
        JsonObject[] entry = new JsonObject[1];
        await(() -> (entry[0] = entryFor(unacknowledged.id())) != null, "the order in the feed");
        HttpResponse<String> early =
                ship(shipment("SHIP-2E", entry[0].getJsonNumber("orderId").longValue(), null, lines("W-MUG", 1)));
        assertEquals(409, early.statusCode());
        assertTrue(early.body().contains("acknowledge it before"), early.body());
        assertEquals(before, wms.count(ofThisTest), "nothing stored for refused reports");
    }

    @Test
    void shopifyFailingForAWhileIsRetriedUntilItRecovers() throws Exception {
        var order = shop.placeOrder(main, true, Map.of("S-MUG", 2));
        long orderId = acceptedOrder(order.id());
        shop.faults().serverErrorShare(1.0);
        assertEquals(
                202,
                ship(shipment("SHIP-3", orderId, "FedEx", lines("W-MUG", 2), parcel("FX3", null)))
                        .statusCode());
        await(
                () -> intValue("select attempts from shipment where shipment_key = 'SHIP-3'") >= 1
                        && "QUEUED".equals(wms.text("select state from shipment where shipment_key = ?", "SHIP-3")),
                "a failed attempt waiting for the next");
        String reason = wms.text("select reason from shipment where shipment_key = ?", "SHIP-3");
        assertTrue(reason.contains("503"), reason);
        shop.faults().none();
        awaitShipment("SHIP-3", "FULFILLED");
        assertEquals(1, order.fulfillments().size());
    }

    @Test
    void aFulfillmentShopifyAppliedWithoutAnsweringInTimeIsFoundNotMadeTwice() throws Exception {
        var order = shop.placeOrder(main, true, Map.of("S-SHIRT", 1, "S-MUG", 1));
        long orderId = acceptedOrder(order.id());
        int appliedBefore = shop.journal().applied("fulfillmentCreate").size();
        shop.faults().answerDelayAfterWrite(Duration.ofSeconds(6), 1);
        assertEquals(
                202,
                ship(shipment("SHIP-4", orderId, "USPS", lines("W-SHIRT", 1, "W-MUG", 1), parcel("94001", null)))
                        .statusCode());
        JsonObject done = awaitShipment("SHIP-4", "FULFILLED");
        assertTrue(done.getInt("attempts") >= 2, "the first attempt timed out: " + done);
        assertEquals(1, order.fulfillments().size(), "no duplicate fulfillment");
        assertEquals(order.fulfillments().get(0).id(), done.getString("fulfillmentId"), "the one Shopify made");
        assertEquals(
                appliedBefore + 1,
                shop.journal().applied("fulfillmentCreate").size(),
                "fulfillmentCreate applied once");
    }

    @Test
    void aShipmentWhoseAttemptsAreSpentIsParkedShownOnTheOrdersPageAndRetriedFromThere() throws Exception {
        var order = shop.placeOrder(main, true, Map.of("S-SHIRT", 1));
        long orderId = acceptedOrder(order.id());
        shop.faults().serverErrorShare(1.0);
        assertEquals(
                202,
                ship(shipment("SHIP-5", orderId, "GLS", lines("W-SHIRT", 1), parcel("GLS5", null)))
                        .statusCode());
        JsonObject failed = awaitShipment("SHIP-5", "FAILED");
        assertTrue(failed.getString("reason").startsWith("Gave up after 8 attempts"), failed.getString("reason"));
        assertEquals(0, order.fulfillments().size());
        shop.faults().none();
        long rowId = wms.count("select id from shipment where shipment_key = 'SHIP-5'");
        try (Browser browser = new Browser()) {
            browser.visit(connector.url() + "/admin/orders.xhtml");
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
            browser.visit(connector.url() + "/admin/orders.xhtml");
            String reason = browser.text(By.cssSelector("#shipment-" + rowId + " .reason"));
            assertTrue(reason.contains("Gave up after 8 attempts"), reason);
            browser.screenshot("shipment-failed");
            browser.click(By.cssSelector("#shipment-" + rowId + " input[id$='retry-shipment']"));
            awaitShipment("SHIP-5", "FULFILLED");
            browser.visit(connector.url() + "/admin/orders.xhtml");
            assertTrue(browser.driver().findElements(By.id("shipment-" + rowId)).isEmpty(), "no longer failed");
            browser.screenshot("shipment-retried");
        }
        assertEquals(
                409, wms.api("POST", "/api/v1/shipments/SHIP-5/retry", null).statusCode(), "only failed ones");
        assertEquals(1, order.fulfillments().size());
    }

    @Test
    void trackingKnownLaterUpdatesTheFulfillment() throws Exception {
        var order = shop.placeOrder(main, true, Map.of("S-MUG", 1));
        long orderId = acceptedOrder(order.id());
        assertEquals(
                202, ship(shipment("SHIP-6", orderId, null, lines("W-MUG", 1))).statusCode());
        awaitShipment("SHIP-6", "FULFILLED");
        assertTrue(order.fulfillments().get(0).trackingInfo().isEmpty(), "no tracking yet");
        HttpResponse<String> tracked = wms.api(
                "PUT",
                "/api/v1/shipments/SHIP-6/tracking",
                Json.createObjectBuilder()
                        .add("carrier", "royal mail")
                        .add(
                                "parcels",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder().add("trackingNumber", "RM6")))
                        .build()
                        .toString());
        assertEquals(202, tracked.statusCode(), tracked.body());
        await(() -> !order.fulfillments().get(0).trackingInfo().isEmpty(), "the tracking on Shopify");
        assertEquals("RM6", order.fulfillments().get(0).trackingInfo().get(0).get("number"));
        assertEquals(
                "Royal Mail", order.fulfillments().get(0).trackingInfo().get(0).get("company"));
        assertEquals(1, order.fulfillments().size());
        assertEquals(
                404,
                wms.api("PUT", "/api/v1/shipments/NOPE/tracking", "{\"carrier\":\"UPS\"}")
                        .statusCode());
    }

    @Test
    void serverErrorsThrottlingAndLatencyStillGiveEveryShipmentExactlyOneFulfillment() throws Exception {
        // R3: 20 % 5xx before and after the write, bursts of 429 (Retry-After 1 s) and THROTTLED twice, 10 % of
        // requests answered 429 besides (so that fulfillmentCreate itself meets some), 2 s latency.
        int count = 8;
        List<wms.shopify.sandbox.Order> orders = new java.util.ArrayList<>();
        List<Long> orderIds = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            var order = shop.placeOrder(main, true, Map.of(i % 2 == 0 ? "S-SHIRT" : "S-MUG", 1 + i % 3));
            orders.add(order);
            orderIds.add(acceptedOrder(order.id()));
        }
        int appliedBefore = shop.journal().applied("fulfillmentCreate").size();
        int requestsBefore = shop.journal().requests().size();
        Instant start = Instant.now();
        shop.faults()
                .serverErrorShare(0.2)
                .serverErrorAfterWriteShare(0.2)
                .throttledBurst(3)
                .tooManyRequestsBurst(2, 1.0)
                .tooManyRequests(0.1, 1.0)
                .latency(Duration.ofSeconds(2));
        try {
            for (int i = 0; i < count; i++) {
                if (i == count / 2) {
                    for (int done = 0; done < i; done++) {
                        awaitFulfilledNotParked("SHIP-R3-" + done);
                    }
                    shop.faults().throttledBurst(3).tooManyRequestsBurst(2, 1.0); // the second bursts
                }
                int quantity = 1 + i % 3;
                assertEquals(
                        202,
                        ship(shipment(
                                        "SHIP-R3-" + i,
                                        orderIds.get(i),
                                        "DHL",
                                        lines(i % 2 == 0 ? "W-SHIRT" : "W-MUG", quantity),
                                        parcel("R3-" + i, null)))
                                .statusCode());
            }
            for (int i = 0; i < count; i++) {
                awaitFulfilledNotParked("SHIP-R3-" + i);
            }
        } finally {
            shop.faults().none();
        }
        Duration landed = Duration.between(start, Instant.now());
        Thread.sleep(2000);
        for (int i = 0; i < count; i++) {
            List<Fulfillment> made = orders.get(i).fulfillments();
            assertEquals(1, made.size(), "order " + i + " fulfilled exactly once");
            assertEquals(1 + i % 3, made.get(0).totalQuantity());
            assertEquals(
                    made.get(0).id(),
                    wms.text("select fulfillment_id from shipment where shipment_key = ?", "SHIP-R3-" + i),
                    "the connector knows the one Shopify made");
        }
        assertEquals(
                appliedBefore + count,
                shop.journal().applied("fulfillmentCreate").size(),
                "fulfillmentCreate applied once per shipment");
        assertEquals(
                0,
                wms.count("select count(*) from shipment where shipment_key like 'SHIP-R3-%' "
                        + "and state <> 'FULFILLED'"),
                "none parked");
        List<Journal.Request> requests = shop.journal().requests();
        requests = requests.subList(requestsBefore, requests.size());
        assertTrue(requests.stream().anyMatch(r -> r.status() == 429), "Shopify answered 429 meanwhile");
        assertTrue(requests.stream().anyMatch(r -> r.status() >= 500), "Shopify answered 5xx meanwhile");
        List<Journal.Request> creates = requests.stream()
                .filter(r -> r.body() != null && r.body().contains("fulfillmentCreate("))
                .toList();
        System.out.printf(
                "ShippingIT: %d shipments fulfilled once each after %d ms through %d requests (%d "
                        + "fulfillmentCreate sent: %d answered 5xx, %d 429, %d THROTTLED; in all %d answered 5xx, %d 429, %d "
                        + "THROTTLED), %d attempts in all%n",
                count,
                landed.toMillis(),
                requests.size(),
                creates.size(),
                creates.stream().filter(r -> r.status() >= 500).count(),
                creates.stream().filter(r -> r.status() == 429).count(),
                creates.stream().filter(r -> "THROTTLED".equals(r.errorCode())).count(),
                requests.stream().filter(r -> r.status() >= 500).count(),
                requests.stream().filter(r -> r.status() == 429).count(),
                requests.stream().filter(r -> "THROTTLED".equals(r.errorCode())).count(),
                wms.count("select sum(attempts) from shipment where shipment_key like 'SHIP-R3-%'"));
    }

    @Test
    void everyTrackingNumberReachesShopifyWithItsOwnUrlAndCarrierWhateverTheMixOfParcels() throws Exception {
        var order = shop.placeOrder(main, true, Map.of("S-SHIRT", 4));
        long orderId = acceptedOrder(order.id());
        String url = "https://track.acme.example/";
        // The reported case: the first parcel without a URL, the second with one.
        assertEquals(
                202,
                ship(shipment(
                                "SHIP-10A",
                                orderId,
                                "Acme Couriers",
                                lines("W-SHIRT", 1),
                                parcel("1Z999", null),
                                parcel("1Z998", url + "1Z998")))
                        .statusCode());
        assertEquals(
                202,
                ship(shipment(
                                "SHIP-10B",
                                orderId,
                                "dhl express",
                                lines("W-SHIRT", 1),
                                parcel("A1", url + "A1"),
                                parcel("A2", null),
                                parcel("A3", url + "A3"),
                                parcel("A4", null)))
                        .statusCode());
        assertEquals(
                202,
                ship(shipment("SHIP-10C", orderId, null, lines("W-SHIRT", 1), parcel("N1", null), parcel("N2", null)))
                        .statusCode());
        assertEquals(
                202,
                ship(shipment(
                                "SHIP-10D",
                                orderId,
                                "Acme Couriers",
                                lines("W-SHIRT", 1),
                                parcel("U1", url + "U1"),
                                parcel("U2", url + "U2")))
                        .statusCode());
        for (String key : List.of("SHIP-10A", "SHIP-10B", "SHIP-10C", "SHIP-10D")) {
            awaitShipment(key, "FULFILLED");
        }
        assertEquals(4, order.fulfillments().size());
        Map<String, String> none = new java.util.HashMap<>();
        none.put("1Z999", null);
        none.put("1Z998", url + "1Z998");
        assertEquals(none, urlsByNumber(fulfillmentOf("SHIP-10A", order)), "each number with its own URL");
        assertEquals(Set.of("Acme Couriers"), companies(fulfillmentOf("SHIP-10A", order)));
        Map<String, String> mixed = new java.util.HashMap<>();
        mixed.put("A1", url + "A1");
        mixed.put("A2", null);
        mixed.put("A3", url + "A3");
        mixed.put("A4", null);
        assertEquals(mixed, urlsByNumber(fulfillmentOf("SHIP-10B", order)));
        assertEquals(Set.of("DHL Express"), companies(fulfillmentOf("SHIP-10B", order)), "every number's carrier");
        Map<String, String> noUrls = new java.util.HashMap<>();
        noUrls.put("N1", null);
        noUrls.put("N2", null);
        assertEquals(noUrls, urlsByNumber(fulfillmentOf("SHIP-10C", order)));
        assertEquals(Map.of("U1", url + "U1", "U2", url + "U2"), urlsByNumber(fulfillmentOf("SHIP-10D", order)));

        // Tracking known later, with the same kind of mix, replaces the fulfillment's tracking with the pairs right.
        HttpResponse<String> later = wms.api(
                "PUT",
                "/api/v1/shipments/SHIP-10C/tracking",
                Json.createObjectBuilder()
                        .add("carrier", "Acme Couriers")
                        .add(
                                "parcels",
                                Json.createArrayBuilder()
                                        .add(parcel("L1", null))
                                        .add(parcel("L2", url + "L2")))
                        .build()
                        .toString());
        assertEquals(202, later.statusCode(), later.body());
        Map<String, String> updated = new java.util.HashMap<>();
        updated.put("L1", null);
        updated.put("L2", url + "L2");
        await(() -> updated.equals(urlsByNumber(fulfillmentOf("SHIP-10C", order))), "the later tracking on Shopify");
        assertEquals(Set.of("Acme Couriers"), companies(fulfillmentOf("SHIP-10C", order)));
    }

    private static Fulfillment fulfillmentOf(String shipmentKey, wms.shopify.sandbox.Order order) throws Exception {
        String id =
                json(wms.api("GET", "/api/v1/shipments/" + shipmentKey, null)).getString("fulfillmentId");
        return order.fulfillments().stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** What Shopify shows: each tracking number with the URL it links to (null: none given). */
    private static Map<String, String> urlsByNumber(Fulfillment fulfillment) {
        Map<String, String> urls = new java.util.HashMap<>();
        fulfillment.trackingInfo().forEach(t -> urls.put((String) t.get("number"), (String) t.get("url")));
        return urls;
    }

    private static Set<Object> companies(Fulfillment fulfillment) {
        return fulfillment.trackingInfo().stream()
                .map(t -> t.get("company"))
                .collect(java.util.stream.Collectors.toSet());
    }

    // --- helpers

    private static void awaitFulfilledNotParked(String key) throws Exception {
        WmsFixture.await(
                Duration.ofSeconds(240),
                () -> {
                    String state = wms.text("select state from shipment where shipment_key = ?", key);
                    assertTrue(!"FAILED".equals(state), key + " parked: " + shipments());
                    return "FULFILLED".equals(state);
                },
                key + " to be fulfilled",
                () -> "; shipments: " + shipments());
    }

    private static long acceptedOrder(String shopifyOrderId) throws Exception {
        return wms.acceptedOrder(shopifyOrderId);
    }

    private static JsonObject entryFor(String shopifyOrderId) throws Exception {
        return wms.orderEntry(shopifyOrderId);
    }

    private static JsonObject awaitShipment(String key, String state) throws Exception {
        return ShippedOrderFixture.awaitShipment(wms, key, state, Duration.ofSeconds(120));
    }

    private static HttpResponse<String> ship(String body) throws Exception {
        return ShippedOrderFixture.ship(wms, body);
    }

    private static String shipment(
            String key, long orderId, String carrier, JsonArrayBuilder lines, JsonObjectBuilder... parcels) {
        return ShippedOrderFixture.shipment(key, orderId, carrier, lines, parcels)
                .build()
                .toString();
    }

    private static void await(WmsFixture.Check check, String what) throws Exception {
        WmsFixture.await(Duration.ofSeconds(120), check, what, () -> "; shipments: " + shipments());
    }

    private static String shipments() throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection db = connector.jdbc();
                ResultSet rows = db.createStatement()
                        .executeQuery("select " + "shipment_key, state, attempts, reason from shipment order by id")) {
            while (rows.next()) {
                text.append(rows.getString(1))
                        .append(' ')
                        .append(rows.getString(2))
                        .append(' ')
                        .append(rows.getInt(3))
                        .append(": ")
                        .append(rows.getString(4))
                        .append(" | ");
            }
        }
        return text.toString();
    }

    private static int intValue(String sql) throws Exception {
        return (int) wms.count(sql);
    }
}
