package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.json;
import static wms.shopify.it.WmsFixture.quantities;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Fulfillment;
import wms.shopify.sandbox.FulfillmentOrder;
import wms.shopify.sandbox.FulfillmentService;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.SandboxSettings;
import wms.shopify.sandbox.Shop;
import wms.shopify.sandbox.ShopifySignatures;
import wms.shopify.sandbox.TrackingNumberRequests;

/**
 * Fulfillment-service mode (issue #19): a second fulfillment request for an order whose first the WMS already
 * accepted reaches the WMS. The order's mug is first at another app's location; the merchant requests the shirt of
 * the WMS, which accepts it; then the merchant moves the mug's fulfillment order onto the WMS's service location and
 * requests it too: the feed gets a {@code CHANGE} entry carrying both lines, whose acknowledgement accepts the second
 * request on Shopify once, and a notification delivered again adds nothing; or whose rejection rejects the second
 * request on Shopify once, with Shopify's reason, and a request made again comes back as a new change. Shopify asks
 * the service for the tracking numbers of its fulfillments ({@code fetch_tracking_numbers}, signed) and gets those the
 * WMS reported.
 */
class SecondFulfillmentRequestIT {

    private static final String DOMAIN = "second-request-it.myshopify.com";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static SandboxConnector connector;
    static Shop shop;
    static Location main;
    static Location threePl;
    static Location serviceLocation;
    static WmsFixture wms;

    @BeforeAll
    static void storeInFulfillmentServiceMode() throws Exception {
        connector = SandboxConnector.get(List.of("ORDER_SWEEP_INTERVAL_SECONDS=0"));
        shop = WmsFixture.stockedShop(connector, DOMAIN, "SR main", 100, "Shirt", "SR-SHIRT", "Mug", "SR-MUG");
        main = shop.location("SR main");
        threePl = shop.addAnotherAppsFulfillmentService("ShipFast SR", "shipfast-sr")
                .location();
        shop.stock("SR-MUG", threePl, 50);
        wms = new WmsFixture(connector, "second-request-it");
        wms.installForOrders(shop, main, "WH-SR-MAIN", null);
        wms.catalog(DOMAIN, "W-SR-SHIRT", "SR-SHIRT", "W-SR-MUG", "SR-MUG");

        HttpResponse<String> switched =
                wms.api("PUT", "/api/v1/stores/" + DOMAIN + "/fulfillment-mode", "{\"mode\":\"FULFILLMENT_SERVICE\"}");
        assertEquals(200, switched.statusCode(), switched.body());
        FulfillmentService service = shop.fulfillmentServices().stream()
                .filter(s -> s.callbackUrl() != null && s.callbackUrl().startsWith(connector.url()))
                .findFirst()
                .orElseThrow();
        serviceLocation = service.location();
        wms.sql("insert into warehouse (code, name, updated_at) values ('WH-SR', 'WH-SR', now()) "
                + "on conflict (code) do nothing");
        wms.sql("update store_location set warehouse_id = (select id from warehouse where code = 'WH-SR') "
                + "where shopify_location_id = '" + serviceLocation.id() + "'");
        shop.stock("SR-SHIRT", serviceLocation, 50);
        shop.stock("SR-MUG", serviceLocation, 50);
    }

    @Test
    void aSecondRequestAfterTheFirstWasAcceptedReachesTheWmsAndIsAcceptedOnItsAcknowledgement() throws Exception {
        Map<Location, Map<String, Integer>> routed = new LinkedHashMap<>();
        routed.put(serviceLocation, Map.of("SR-SHIRT", 2));
        routed.put(threePl, Map.of("SR-MUG", 1));
        var order = shop.placeSplitOrder(true, routed);
        FulfillmentOrder shirts = at(order, serviceLocation);
        shop.requestFulfillment(shirts, "Please ship");
        JsonObject first = awaitEntry(order.id(), "ORDER");
        assertEquals(Map.of("W-SR-SHIRT", 2), quantities(first), "the mug is another app's");
        long orderId = first.getJsonNumber("orderId").longValue();
        HttpResponse<String> acknowledged = wms.acknowledge(
                "orders", orderId, first.getJsonNumber("revision").longValue());
        assertEquals(200, acknowledged.statusCode(), acknowledged.body());
        assertEquals("ACCEPTED", shirts.requestStatus(), "the first request accepted");

        Map<String, Object> moved = shop.move(at(order, threePl), serviceLocation);
        assertTrue(moved.get("userErrors") == null || ((List<?>) moved.get("userErrors")).isEmpty(), moved.toString());
        FulfillmentOrder mugs = order.fulfillmentOrders().stream()
                .filter(fo -> fo.location() == serviceLocation && "UNSUBMITTED".equals(fo.requestStatus()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the mug's fulfillment order at the service location"));
        shop.requestFulfillment(mugs, "One more, please");

        JsonObject second = awaitEntry(order.id(), "CHANGE");
        assertEquals(orderId, second.getJsonNumber("orderId").longValue(), "the same order");
        assertEquals(
                Map.of("W-SR-SHIRT", 2, "W-SR-MUG", 1),
                quantities(second),
                "the second request's lines reach the WMS with the order's");
        assertEquals("SUBMITTED", mugs.requestStatus(), "not accepted before the WMS acknowledges");

        assertEquals("stored", notifyAgain().body(), "Shopify's notification delivered again");
        awaitProcessed();
        JsonObject again = wms.orderEntry(order.id());
        assertEquals(
                second.getJsonNumber("revision").longValue(),
                again.getJsonNumber("revision").longValue(),
                "a notification read again adds nothing");

        HttpResponse<String> taken = wms.acknowledge(
                "orders", orderId, second.getJsonNumber("revision").longValue());
        assertEquals(200, taken.statusCode(), taken.body());
        assertEquals("done", json(taken).getString("acknowledged"));
        assertEquals("ACCEPTED", mugs.requestStatus(), "the second request accepted on Shopify");
        assertEquals(
                1,
                shop.journal().applied("fulfillmentOrderAcceptFulfillmentRequest").stream()
                        .filter(m -> mugs.id().equals(m.arguments().get("id")))
                        .count(),
                "accepted once");
        assertNull(wms.orderEntry(order.id()), "out of the feed");
        assertEquals("ACCEPTED", wms.text("select state from shop_order where shopify_order_id = ?", order.id()));
    }

    @Test
    void rejectingTheChangeRejectsTheSecondRequestOnShopifyOnceAndARequestMadeAgainComesBack() throws Exception {
        Map<Location, Map<String, Integer>> routed = new LinkedHashMap<>();
        routed.put(serviceLocation, Map.of("SR-SHIRT", 1));
        routed.put(threePl, Map.of("SR-MUG", 2));
        var order = shop.placeSplitOrder(true, routed);
        FulfillmentOrder shirts = at(order, serviceLocation);
        shop.requestFulfillment(shirts, "Please ship");
        JsonObject first = awaitEntry(order.id(), "ORDER");
        long orderId = first.getJsonNumber("orderId").longValue();
        assertEquals(
                200,
                wms.acknowledge(
                                "orders",
                                orderId,
                                first.getJsonNumber("revision").longValue())
                        .statusCode());
        assertEquals("ACCEPTED", shirts.requestStatus());
        shop.move(at(order, threePl), serviceLocation);
        FulfillmentOrder mugs = order.fulfillmentOrders().stream()
                .filter(fo -> fo.location() == serviceLocation && "UNSUBMITTED".equals(fo.requestStatus()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the mug's fulfillment order at the service location"));
        shop.requestFulfillment(mugs, "Two mugs too, please");
        JsonObject change = awaitEntry(order.id(), "CHANGE");
        long revision = change.getJsonNumber("revision").longValue();
        String rejection = "{\"revision\": " + revision + ", \"reason\": \"No mugs until Friday\", "
                + "\"rejectionReason\": \"INVENTORY_OUT_OF_STOCK\"}";

        // A rejection naming a reason Shopify does not know is refused, and nothing is answered on Shopify.
        HttpResponse<String> wrong = wms.api(
                "POST",
                "/api/v1/orders/" + orderId + "/change-rejection",
                "{\"revision\": " + revision + ", \"reason\": \"x\", \"rejectionReason\": \"NO_MUGS\"}");
        assertEquals(400, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("rejectionReason"), wrong.body());
        assertEquals("SUBMITTED", mugs.requestStatus(), "a refused call answers nothing");
        assertEquals("CHANGE", wms.orderEntry(order.id()).getString("kind"), "still waiting in the feed");

        HttpResponse<String> rejected = wms.api("POST", "/api/v1/orders/" + orderId + "/change-rejection", rejection);
        assertEquals(200, rejected.statusCode(), rejected.body());
        assertEquals("done", json(rejected).getString("rejected"));
        assertEquals(
                List.of(mugs.id()),
                json(rejected).getJsonArray("rejectedOnShopify").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
        assertEquals("REJECTED", mugs.requestStatus(), "the second request rejected on Shopify");
        assertEquals("ACCEPTED", shirts.requestStatus(), "the first stays accepted");
        List<wms.shopify.sandbox.Journal.Mutation> rejections =
                shop.journal().applied("fulfillmentOrderRejectFulfillmentRequest").stream()
                        .filter(m -> mugs.id().equals(m.arguments().get("id")))
                        .toList();
        assertEquals(1, rejections.size(), "rejected once");
        assertEquals("INVENTORY_OUT_OF_STOCK", rejections.get(0).arguments().get("reason"));
        assertEquals("No mugs until Friday", rejections.get(0).arguments().get("message"));

        // The same rejection again (the WMS retrying) answers nothing twice.
        HttpResponse<String> again = wms.api("POST", "/api/v1/orders/" + orderId + "/change-rejection", rejection);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("already", json(again).getString("rejected"));
        assertEquals(
                1,
                shop.journal().applied("fulfillmentOrderRejectFulfillmentRequest").stream()
                        .filter(m -> mugs.id().equals(m.arguments().get("id")))
                        .count(),
                "rejected once, whatever the retries");
        assertNull(wms.orderEntry(order.id()), "out of the feed");
        assertEquals("ACCEPTED", wms.text("select state from shop_order where shopify_order_id = ?", order.id()));

        // Shown on the Orders page and in the Activity log.
        String page = connector
                .get(wms.admin, "/admin/orders.xhtml?store=" + wms.storeId(DOMAIN))
                .body();
        assertTrue(
                page.contains("change rejected by WMS")
                        && page.contains("the request was rejected on Shopify: INVENTORY_OUT_OF_STOCK: No mugs until "
                                + "Friday"),
                page);
        String logged = "select count(*) from activity_event where message like '%of " + DOMAIN
                + ": the WMS rejected the change on Shopify: No mugs until Friday. The fulfillment request was "
                + "rejected on Shopify (INVENTORY_OUT_OF_STOCK: No mugs until Friday): " + mugs.id() + ".'";
        WmsFixture.await(Duration.ofSeconds(60), () -> wms.count(logged) == 1, "the Activity log entry", () -> "");

        // The mug's lines left the order as the WMS has it: the merchant requesting it again reaches the WMS anew.
        shop.requestFulfillment(mugs, "Friday then");
        JsonObject[] anew = new JsonObject[1];
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> (anew[0] = wms.orderEntry(order.id())) != null
                        && "CHANGE".equals(anew[0].getString("kind"))
                        && anew[0].getJsonNumber("revision").longValue() > revision,
                "the request made again as a new change",
                () -> "; entry " + anew[0]);
        assertEquals(Map.of("W-SR-SHIRT", 1, "W-SR-MUG", 2), quantities(anew[0]));
    }

    @Test
    void shopifyAsksTheServiceForTrackingNumbersAndGetsThoseTheWmsReported() throws Exception {
        Map<Location, Map<String, Integer>> routed = new LinkedHashMap<>();
        routed.put(serviceLocation, Map.of("SR-SHIRT", 2));
        var order = shop.placeSplitOrder(true, routed);
        shop.requestFulfillment(at(order, serviceLocation), "Please ship");
        JsonObject entry = awaitEntry(order.id(), "ORDER");
        long orderId = entry.getJsonNumber("orderId").longValue();
        assertEquals(
                200,
                wms.acknowledge(
                                "orders",
                                orderId,
                                entry.getJsonNumber("revision").longValue())
                        .statusCode());

        // One shirt ships with a tracking number, the other without one (the WMS has none yet).
        HttpResponse<String> shipped = ShippedOrderFixture.ship(
                wms,
                ShippedOrderFixture.shipment(
                                "SR-TRK-1",
                                orderId,
                                null,
                                ShippedOrderFixture.lines("W-SR-SHIRT", 1),
                                ShippedOrderFixture.parcel("SR-1Z-0001", null))
                        .build()
                        .toString());
        assertEquals(202, shipped.statusCode(), shipped.body());
        assertEquals("WH-SR", json(shipped).getString("warehouse"), "the shipment's warehouse: the order's");
        JsonObject first = ShippedOrderFixture.awaitShipment(wms, "SR-TRK-1", "FULFILLED", Duration.ofSeconds(120));
        assertEquals("WH-SR", first.getString("warehouse"));
        ShippedOrderFixture.shipAndAwait(wms, "SR-TRK-2", orderId, "W-SR-SHIRT", 1);
        JsonObject second = json(wms.api("GET", "/api/v1/shipments/SR-TRK-2", null));
        Fulfillment numbered = fulfillment(order, first.getString("fulfillmentId"));
        Fulfillment waiting = fulfillment(order, second.getString("fulfillmentId"));
        assertEquals(order.name() + ".1", numbered.name(), "Shopify's names of fulfillments");
        assertTrue(waiting.trackingInfo().isEmpty(), "shipped without tracking");
        FulfillmentService service = serviceLocation.fulfillmentService();

        // Shopify's round asks for the fulfillment waiting for tracking: the WMS has no number for it yet.
        TrackingNumberRequests.Answer round =
                connector.sandbox().fetchTrackingNumbers(shop).get(service);
        assertEquals(200, round.status(), round.body());
        assertTrue(round.success(), round.body());
        assertEquals(Map.of(), round.trackingNumbers(), "nothing to answer for " + waiting.name());
        assertTrue(waiting.trackingInfo().isEmpty());

        // Asked by name: the number the WMS reported, nothing for a fulfillment without one or not the connector's.
        TrackingNumberRequests.Answer byName = connector
                .sandbox()
                .fetchTrackingNumbers(shop, service, List.of(numbered.name(), waiting.name(), "#99999.1"));
        assertEquals(200, byName.status(), byName.body());
        assertEquals(Map.of(numbered.name(), "SR-1Z-0001"), byName.trackingNumbers(), byName.body());

        // The WMS reports the second shipment's tracking later: pushed to Shopify, and the answer when asked.
        HttpResponse<String> later = wms.api(
                "PUT", "/api/v1/shipments/SR-TRK-2/tracking", "{\"parcels\": [{\"trackingNumber\": \"SR-1Z-0002\"}]}");
        assertEquals(202, later.statusCode(), later.body());
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> !waiting.trackingInfo().isEmpty(),
                "the later tracking on Shopify",
                () -> "");
        assertEquals(
                Map.of(waiting.name(), "SR-1Z-0002"),
                connector
                        .sandbox()
                        .fetchTrackingNumbers(shop, service, List.of(waiting.name()))
                        .trackingNumbers());

        // A call Shopify did not sign is refused and answers nothing.
        TrackingNumberRequests.Answer forged =
                connector.sandbox().fetchTrackingNumbers(shop, service, List.of(numbered.name()), "not-the-app-secret");
        assertEquals(401, forged.status(), forged.body());
        assertFalse(forged.body().contains("SR-1Z-0001"), forged.body());
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Fulfillment fulfillment(wms.shopify.sandbox.Order order, String id) {
        return order.fulfillments().stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fulfillment " + id + " on Shopify"));
    }

    private static FulfillmentOrder at(wms.shopify.sandbox.Order order, Location location) {
        return order.fulfillmentOrders().stream()
                .filter(fo -> fo.location() == location && !fo.finished())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no open fulfillment order at " + location.name()));
    }

    private static JsonObject awaitEntry(String shopifyOrderId, String kind) throws Exception {
        JsonObject[] found = new JsonObject[1];
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> (found[0] = wms.orderEntry(shopifyOrderId)) != null && kind.equals(found[0].getString("kind")),
                "a " + kind + " entry of order " + shopifyOrderId,
                () -> "; entry " + found[0] + "; last delivery: "
                        + wms.text(
                                "select topic || ' ' || outcome || ': ' || coalesce(outcome_note, '') "
                                        + "from webhook_delivery where topic <> ? order by id desc limit 1",
                                "-"));
        return found[0];
    }

    /** Shopify's fulfillment-request notification as it sends it to the service's callback: signed. */
    private static HttpResponse<String> notifyAgain() throws Exception {
        byte[] body = "{\"kind\":\"FULFILLMENT_REQUEST\"}".getBytes(StandardCharsets.UTF_8);
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(connector.url()
                                + "/shopify/webhooks/fulfillment-service/fulfillment_order_notification"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("X-Shopify-Shop-Domain", DOMAIN)
                        .header("X-Shopify-Triggered-At", Instant.now().toString())
                        .header(
                                "X-Shopify-Hmac-Sha256",
                                ShopifySignatures.bodyHmac(body, SandboxSettings.DEFAULT_CLIENT_SECRET))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitProcessed() throws Exception {
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> wms.count("select count(*) from webhook_delivery where outcome = 'RECEIVED'") == 0,
                "the webhook queue to drain",
                () -> "");
    }
}
