package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.json;
import static wms.shopify.it.WmsFixture.quantities;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.FulfillmentOrder;
import wms.shopify.sandbox.FulfillmentService;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Order;
import wms.shopify.sandbox.SandboxSettings;
import wms.shopify.sandbox.Shop;
import wms.shopify.sandbox.ShopifySignatures;

/**
 * Fulfillment-service mode with one service per warehouse, end to end against the Shopify sandbox (issue #19 §1): a
 * store selling from two warehouses gets two services, each location mapped to its warehouse at once; a fulfillment
 * request at each becomes that warehouse's feed entry, and each warehouse's acknowledgement accepts its own request on
 * Shopify; saving again registers nothing twice; a registration Shopify refuses halfway is completed by saving again;
 * switching to one service for all and back removes the services no longer wanted (listing open fulfillment orders
 * first); and Shopify's {@code fetch_stock} is answered with what the connector publishes at each service's location,
 * signed calls only. Every test has a store of its own, with warehouses of its own.
 */
class FulfillmentServicePerWarehouseIT {

    /** The connector's FULFILLMENT_SERVICE_NAME (its default): services are named after it and their warehouse. */
    private static final String APP_NAME = "WMS warehouse";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static SandboxConnector connector;
    static WmsFixture wmsApi;

    @BeforeAll
    static void connectorAndWms() throws Exception {
        connector = SandboxConnector.get(List.of("ORDER_SWEEP_INTERVAL_SECONDS=0"));
        wmsApi = new WmsFixture(connector, "fs-per-warehouse-it");
    }

    /**
     * A new store selling from two warehouses: its location "main" mapped to warehouse {@code <prefix>-A} (the default
     * for orders), its location "north" to {@code <prefix>-B}, both stocked, products mapped.
     */
    private record TwoWarehouses(Shop shop, Location main, Location north, String a, String b, long storeId) {
        String domain() {
            return this.shop.domain();
        }

        /** The service Shopify registered for a warehouse, by its name. */
        FulfillmentService serviceOf(String warehouse) {
            return this.shop.fulfillmentServices().stream()
                    .filter(s -> s.serviceName().equals(APP_NAME + " \u2014 " + warehouse))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no service for " + warehouse + ": "
                            + this.shop.fulfillmentServices().stream()
                                    .map(FulfillmentService::serviceName)
                                    .toList()));
        }
    }

    private static TwoWarehouses store(String domain, String prefix) throws Exception {
        String a = prefix + "-A";
        String b = prefix + "-B";
        Shop shop = WmsFixture.stockedShop(
                connector, domain, "main", 100, "Shirt", prefix + "-SHIRT", "Mug", prefix + "-MUG");
        Location north = shop.addLocation("north");
        shop.stock(prefix + "-SHIRT", north, 100);
        shop.stock(prefix + "-MUG", north, 100);
        Location main = shop.location("main");
        long storeId = wmsApi.installForOrders(shop, main, a, null);
        wmsApi.sql("insert into warehouse (code, name, updated_at) values ('" + b + "', '" + b + "', now()) "
                + "on conflict (code) do nothing");
        wmsApi.sql("update store_location set warehouse_id = (select id from warehouse where code = '" + b + "') "
                + "where shopify_location_id = '" + north.id() + "'");
        wmsApi.catalog(domain, "W-" + prefix + "-SHIRT", prefix + "-SHIRT", "W-" + prefix + "-MUG", prefix + "-MUG");
        return new TwoWarehouses(shop, main, north, a, b, storeId);
    }

    @Test
    void oneServicePerWarehouseEachRequestBecomesItsWarehousesEntryAndIsAcceptedByItsAcknowledgement()
            throws Exception {
        TwoWarehouses store = store("fs-per-warehouse-it.myshopify.com", "PWR");
        Shop shop = store.shop();

        HttpResponse<String> refused =
                switchTo(store.domain(), "{\"mode\":\"FULFILLMENT_SERVICE\",\"scope\":\"EVERY_LOCATION\"}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"scope\""), refused.body());
        assertTrue(shop.fulfillmentServices().isEmpty(), "a refused switch registers nothing");

        HttpResponse<String> on =
                switchTo(store.domain(), "{\"mode\":\"FULFILLMENT_SERVICE\",\"scope\":\"PER_WAREHOUSE\"}");
        assertEquals(200, on.statusCode(), on.body());
        JsonObject setup = json(on);
        assertEquals("FULFILLMENT_SERVICE", setup.getString("mode"));
        assertEquals("PER_WAREHOUSE", setup.getString("scope"));
        assertEquals(2, shop.fulfillmentServices().size(), "one service per warehouse");
        Map<String, String> locationOf = new HashMap<>();
        for (JsonValue value : setup.getJsonArray("warehouseServices")) {
            JsonObject service = value.asJsonObject();
            locationOf.put(service.getString("warehouse"), service.getString("locationId"));
        }
        assertEquals(Set.of(store.a(), store.b()), locationOf.keySet());
        for (String warehouse : List.of(store.a(), store.b())) {
            FulfillmentService service = store.serviceOf(warehouse);
            assertEquals(service.location().id(), locationOf.get(warehouse));
            assertTrue(service.inventoryManagement(), "inventory management on");
            assertEquals(
                    connector.url() + "/shopify/webhooks/fulfillment-service/warehouses/" + warehouse,
                    service.callbackUrl());
            assertEquals(
                    warehouse,
                    wmsApi.text(
                            "select w.code from store_location l join warehouse w on w.id = l.warehouse_id "
                                    + "where l.shopify_location_id = ?",
                            service.location().id()),
                    "the service's location is mapped to its warehouse at once");
        }

        // Saving the same choice again registers nothing twice.
        HttpResponse<String> again =
                switchTo(store.domain(), "{\"mode\":\"FULFILLMENT_SERVICE\",\"scope\":\"PER_WAREHOUSE\"}");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(2, json(again).getJsonArray("warehouseServices").size());
        assertEquals(2, shop.fulfillmentServices().size());
        assertEquals(2, shop.journal().applied("fulfillmentServiceCreate").size(), "each registered once");

        // One order over both services' locations, each fulfillment order requested of its warehouse's service.
        Location atA = store.serviceOf(store.a()).location();
        Location atB = store.serviceOf(store.b()).location();
        shop.stock("PWR-SHIRT", atA, 20);
        shop.stock("PWR-MUG", atB, 20);
        Order order = shop.placeSplitOrder(true, Map.of(atA, Map.of("PWR-SHIRT", 2), atB, Map.of("PWR-MUG", 3)));
        FulfillmentOrder foA = fulfillmentOrder(order, atA);
        FulfillmentOrder foB = fulfillmentOrder(order, atB);
        shop.requestFulfillment(foA, null);
        assertEquals(Set.of(store.a()), awaitEntries(order.id(), 1).keySet(), "only what was requested");
        shop.requestFulfillment(foB, null);
        Map<String, JsonObject> entries = awaitEntries(order.id(), 2);
        assertEquals(Set.of(store.a(), store.b()), entries.keySet(), "one entry per warehouse");
        assertEquals(Map.of("W-PWR-SHIRT", 2), quantities(entries.get(store.a())));
        assertEquals(Map.of("W-PWR-MUG", 3), quantities(entries.get(store.b())));

        // Each warehouse's acknowledgement accepts its own request, and only its own.
        HttpResponse<String> ackA = acknowledge(entries.get(store.a()), store.a());
        assertEquals(200, ackA.statusCode(), ackA.body());
        assertEquals("ACCEPTED", foA.requestStatus());
        assertEquals("SUBMITTED", foB.requestStatus(), "warehouse B has not acknowledged yet");
        HttpResponse<String> ackB = acknowledge(entries.get(store.b()), store.b());
        assertEquals(200, ackB.statusCode(), ackB.body());
        assertEquals("ACCEPTED", foB.requestStatus());
        assertEquals(
                2,
                shop.journal()
                        .applied("fulfillmentOrderAcceptFulfillmentRequest")
                        .size());

        // Switching back lists what is open at both services' locations first, then removes both.
        HttpResponse<String> listed = switchTo(store.domain(), "{\"mode\":\"MERCHANT_MANAGED\"}");
        assertEquals(200, listed.statusCode(), listed.body());
        JsonObject notYet = json(listed);
        assertFalse(notYet.getBoolean("switched"), notYet.toString());
        assertEquals(
                Set.of(foA.id(), foB.id()),
                notYet.getJsonArray("openFulfillmentOrders").stream()
                        .map(fo -> fo.asJsonObject().getString("fulfillmentOrderId"))
                        .collect(Collectors.toSet()));
        assertEquals(2, shop.fulfillmentServices().size(), "nothing removed before the merchant confirms");
        HttpResponse<String> back = switchTo(
                store.domain(),
                "{\"mode\":\"MERCHANT_MANAGED\",\"confirm\":true,\"destinationLocationId\":\""
                        + store.main().id() + "\"}");
        assertEquals(200, back.statusCode(), back.body());
        assertTrue(json(back).getBoolean("switched"));
        assertTrue(shop.fulfillmentServices().isEmpty(), "both services removed");
        JsonObject merchant = json(mode(store.domain()));
        assertEquals("MERCHANT_MANAGED", merchant.getString("mode"));
        assertTrue(merchant.getJsonArray("warehouseServices").isEmpty(), merchant.toString());
    }

    @Test
    void aRegistrationRefusedHalfwayIsCompletedBySavingAgainAndSwitchingRemovesTheServicesNoLongerWanted()
            throws Exception {
        TwoWarehouses store = store("fs-per-warehouse-switch-it.myshopify.com", "PWS");
        Shop shop = store.shop();
        // A location of the merchant's already carries the name the second service would take: Shopify refuses it.
        Location blocker = shop.addLocation(APP_NAME + " \u2014 " + store.b());

        HttpResponse<String> halfway =
                switchTo(store.domain(), "{\"mode\":\"FULFILLMENT_SERVICE\",\"scope\":\"PER_WAREHOUSE\"}");
        assertEquals(400, halfway.statusCode(), halfway.body());
        assertTrue(halfway.body().contains(store.b()) && halfway.body().contains("save again"), halfway.body());
        assertEquals(1, shop.fulfillmentServices().size(), "the first warehouse's service was registered");
        JsonObject recorded = json(mode(store.domain()));
        assertEquals("MERCHANT_MANAGED", recorded.getString("mode"), "not switched until every service is registered");
        assertEquals(1, recorded.getJsonArray("warehouseServices").size(), "the registered one is recorded");
        String first =
                recorded.getJsonArray("warehouseServices").getJsonObject(0).getString("serviceId");

        // The merchant renames the location; saving again registers only the missing service.
        shop.renameLocation(blocker, "store room");
        HttpResponse<String> completed =
                switchTo(store.domain(), "{\"mode\":\"FULFILLMENT_SERVICE\",\"scope\":\"PER_WAREHOUSE\"}");
        assertEquals(200, completed.statusCode(), completed.body());
        assertEquals("FULFILLMENT_SERVICE", json(completed).getString("mode"));
        assertEquals(2, shop.fulfillmentServices().size());
        assertTrue(
                shop.fulfillmentServices().stream().anyMatch(s -> s.id().equals(first)),
                "the first service is kept, not registered again");

        // One service for all warehouses while a fulfillment order is open at a warehouse's service: listed first,
        // nothing registered nor removed until the merchant confirms.
        Location atA = store.serviceOf(store.a()).location();
        shop.stock("PWS-SHIRT", atA, 10);
        Order open = shop.placeOrder(atA, true, Map.of("PWS-SHIRT", 1));
        FulfillmentOrder openFo = fulfillmentOrder(open, atA);
        HttpResponse<String> listed =
                switchTo(store.domain(), "{\"mode\":\"FULFILLMENT_SERVICE\",\"scope\":\"ONE_FOR_ALL\"}");
        assertEquals(200, listed.statusCode(), listed.body());
        JsonObject notYet = json(listed);
        assertFalse(notYet.getBoolean("switched"), notYet.toString());
        assertEquals("PER_WAREHOUSE", notYet.getString("scope"));
        assertTrue(
                notYet.getJsonArray("openFulfillmentOrders").stream()
                        .anyMatch(fo -> fo.asJsonObject()
                                .getString("fulfillmentOrderId")
                                .equals(openFo.id())),
                notYet.toString());
        assertEquals(2, shop.fulfillmentServices().size(), "nothing registered nor removed before confirmation");

        HttpResponse<String> one = switchTo(
                store.domain(),
                "{\"mode\":\"FULFILLMENT_SERVICE\",\"scope\":\"ONE_FOR_ALL\",\"confirm\":true,"
                        + "\"destinationLocationId\":\"" + store.main().id() + "\"}");
        assertEquals(200, one.statusCode(), one.body());
        JsonObject oneSetup = json(one);
        assertTrue(oneSetup.getBoolean("switched"), oneSetup.toString());
        assertEquals("ONE_FOR_ALL", oneSetup.getString("scope"));
        assertTrue(oneSetup.getJsonArray("warehouseServices").isEmpty(), oneSetup.toString());
        assertEquals(1, shop.fulfillmentServices().size(), "the two per warehouse removed, the one registered");
        FulfillmentService all = shop.fulfillmentServices().get(0);
        assertEquals(APP_NAME, all.serviceName());
        assertEquals(all.id(), oneSetup.getString("serviceId"));
        assertEquals(store.main(), openFo.location(), "its open fulfillment order went to the merchant's location");

        // Back to merchant-managed: the one service removed too.
        HttpResponse<String> back = switchTo(store.domain(), "{\"mode\":\"MERCHANT_MANAGED\",\"confirm\":true}");
        assertEquals(200, back.statusCode(), back.body());
        JsonObject merchant = json(mode(store.domain()));
        assertEquals("MERCHANT_MANAGED", merchant.getString("mode"));
        assertTrue(merchant.getJsonArray("warehouseServices").isEmpty(), merchant.toString());
        assertTrue(shop.fulfillmentServices().isEmpty(), "every service removed");
    }

    @Test
    void fetchStockAnswersWhatTheConnectorPublishesAtEachServicesLocationToSignedCallsOnly() throws Exception {
        TwoWarehouses store = store("fs-fetch-stock-it.myshopify.com", "PWF");
        Shop shop = store.shop();
        HttpResponse<String> on =
                switchTo(store.domain(), "{\"mode\":\"FULFILLMENT_SERVICE\",\"scope\":\"PER_WAREHOUSE\"}");
        assertEquals(200, on.statusCode(), on.body());
        // Stock sync on, with a window long enough that nothing is pushed meanwhile: Shopify learns it by fetch_stock.
        wmsApi.stockSync(store.storeId(), "ABSOLUTE", 3600);
        HttpResponse<String> moved = wmsApi.send(
                WmsFixture.movement("PWF-M1", "receiving", "PWF-SHIRT", store.a(), 7, 7),
                WmsFixture.movement("PWF-M2", "receiving", "PWF-SHIRT", store.b(), 2, 2),
                WmsFixture.movement("PWF-M3", "receiving", "PWF-MUG", store.b(), 4, 4));
        assertEquals(200, moved.statusCode(), moved.body());

        FulfillmentService serviceA = store.serviceOf(store.a());
        FulfillmentService serviceB = store.serviceOf(store.b());
        Map<String, Integer> atA = awaitFetched(shop, serviceA, null, Map.of("PWF-SHIRT", 7));
        assertEquals(Map.of("PWF-SHIRT", 7), atA, "warehouse A's: the mug has no stock reported there");
        assertEquals(7, shop.quantity("PWF-SHIRT", serviceA.location(), "available"), "Shopify took the answer");
        assertEquals(
                Map.of("PWF-SHIRT", 2, "PWF-MUG", 4),
                awaitFetched(shop, serviceB, null, Map.of("PWF-SHIRT", 2, "PWF-MUG", 4)));
        assertEquals(Map.of("PWF-MUG", 4), connector.sandbox().fetchStock(shop, serviceB, "PWF-MUG"), "one SKU asked");

        // What Shopify would be shown: an open order's units are taken off, as the one availability calculation does.
        // Taken off as soon as Shopify took it off sale, before the merchant requests it of the service (the WMS has
        // not been given it yet), and not twice once requested.
        shop.stock("PWF-SHIRT", serviceB.location(), 20);
        Order order = shop.placeOrder(serviceB.location(), true, Map.of("PWF-SHIRT", 1));
        awaitFetched(shop, serviceB, "PWF-SHIRT", Map.of("PWF-SHIRT", 1));
        shop.requestFulfillment(fulfillmentOrder(order, serviceB.location()), null);
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> wmsApi.orderEntry(order.id()) != null,
                "the requested order in the feed",
                () -> "");
        assertEquals(
                Map.of("PWF-SHIRT", 1), connector.sandbox().fetchStock(shop, serviceB, "PWF-SHIRT"), "counted once");

        // Unsigned, badly signed, signed for another query, for no service of the WMS's: refused, nothing answered.
        String base =
                connector.url() + "/shopify/webhooks/fulfillment-service/warehouses/" + store.a() + "/fetch_stock";
        String query = "shop=" + URLEncoder.encode(store.domain(), StandardCharsets.UTF_8) + "&max_retries=3";
        assertEquals(401, get(base + "?" + query, null).statusCode(), "unsigned");
        assertEquals(401, get(base + "?" + query, "bm90IGEgc2lnbmF0dXJl").statusCode(), "badly signed");
        assertEquals(
                401, get(base + "?" + query + "&sku=PWF-SHIRT", sign(query)).statusCode(), "signed for another query");
        HttpResponse<String> signed = get(base + "?" + query, sign(query));
        assertEquals(200, signed.statusCode(), signed.body());
        assertEquals(Json.createObjectBuilder().add("PWF-SHIRT", 7).build(), json(signed));
        String elsewhere = connector.url() + "/shopify/webhooks/fulfillment-service/warehouses/PWF-NOWHERE/fetch_stock";
        assertEquals(404, get(elsewhere + "?" + query, sign(query)).statusCode(), "no service for that warehouse");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static HttpResponse<String> mode(String domain) throws Exception {
        return wmsApi.api("GET", "/api/v1/stores/" + domain + "/fulfillment-mode", null);
    }

    private static HttpResponse<String> switchTo(String domain, String body) throws Exception {
        return wmsApi.api("PUT", "/api/v1/stores/" + domain + "/fulfillment-mode", body);
    }

    private static HttpResponse<String> acknowledge(JsonObject entry, String warehouse) throws Exception {
        return wmsApi.api(
                "POST",
                "/api/v1/orders/" + entry.getJsonNumber("orderId").longValue() + "/acknowledgement",
                Json.createObjectBuilder()
                        .add("revision", entry.getJsonNumber("revision").longValue())
                        .add("warehouse", warehouse)
                        .build()
                        .toString());
    }

    private static FulfillmentOrder fulfillmentOrder(Order order, Location location) {
        return order.fulfillmentOrders().stream()
                .filter(fo -> fo.location() == location)
                .findFirst()
                .orElseThrow();
    }

    /** The order's entries in the feed by warehouse, once there are {@code count}. */
    private static Map<String, JsonObject> awaitEntries(String shopifyOrderId, int count) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, JsonObject>[] found = new Map[1];
        WmsFixture.await(
                Duration.ofSeconds(90),
                () -> (found[0] = wmsApi.feed("orders", 500).stream()
                                        .filter(e ->
                                                e.getString("shopifyOrderId").equals(shopifyOrderId))
                                        .collect(Collectors.toMap(e -> e.getString("warehouse"), e -> e)))
                                .size()
                        == count,
                count + " entries of order " + shopifyOrderId,
                () -> "; last delivery: "
                        + wmsApi.text(
                                "select topic || ' ' || outcome || ': ' || coalesce(outcome_note, '') "
                                        + "from webhook_delivery where topic <> ? order by id desc limit 1",
                                "-"));
        return found[0];
    }

    /** Shopify's fetch_stock through the sandbox until it answers this (the movements are taken asynchronously). */
    private static Map<String, Integer> awaitFetched(
            Shop shop, FulfillmentService service, String sku, Map<String, Integer> expected) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Integer>[] last = new Map[1];
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> expected.equals(last[0] = connector.sandbox().fetchStock(shop, service, sku)),
                "fetch_stock of " + service.serviceName() + " to answer " + expected,
                () -> "; it answered " + last[0]);
        return last[0];
    }

    private static String sign(String query) {
        return ShopifySignatures.bodyHmac(
                query.getBytes(StandardCharsets.UTF_8), SandboxSettings.DEFAULT_CLIENT_SECRET);
    }

    private static HttpResponse<String> get(String url, String hmac) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (hmac != null) {
            request.header("X-Shopify-Hmac-Sha256", hmac);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
