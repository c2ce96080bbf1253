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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import wms.shopify.sandbox.FulfillmentOrder;
import wms.shopify.sandbox.FulfillmentService;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.SandboxSettings;
import wms.shopify.sandbox.Shop;
import wms.shopify.sandbox.ShopifySignatures;

/**
 * Fulfillment-service mode end to end against the Shopify sandbox (issue #19 §1): switched on Store Settings (a
 * browser) and through the WMS API, the WMS is registered as the store's fulfillment service and its location listed for the mapping; an order at the
 * service's location reaches the feed only once the merchant requests fulfillment (Shopify's signed notification to
 * the callback), the WMS's acknowledgement accepts the request on Shopify once, a notification delivered again adds
 * nothing, the WMS rejects a request with Shopify's reason, a cancellation request reaches the feed (and the Orders
 * page once it waited too long) and the WMS agrees or refuses it with its reason, and switching back lists the open fulfillment orders
 * (on the page and in the API) before the service is removed. Every test has a store of its own, switched on through
 * the WMS API (but the one that switches on in the browser).
 */
class FulfillmentServiceIT {

    private static final String DOMAIN = "fulfillment-service-it.myshopify.com";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static SandboxConnector connector;
    static WmsFixture wmsApi;

    @BeforeAll
    static void connectorAndWms() throws Exception {
        connector = SandboxConnector.get(List.of("ORDER_SWEEP_INTERVAL_SECONDS=0"));
        wmsApi = new WmsFixture(connector, "fulfillment-service-it");
    }

    /** A new store of this domain taking orders at its own location, merchant-managed as installed. */
    private static ShippedOrderFixture store(String domain) throws Exception {
        return ShippedOrderFixture.store(
                wmsApi, domain, "FS main", 100, "WH-FS-MAIN", "Shirt", "F-SHIRT", "W-FSHIRT", "Mug", "F-MUG", "W-FMUG");
    }

    /** A store switched to fulfillment-service mode through the WMS API, and the location Shopify made for it. */
    record ServiceStore(ShippedOrderFixture store, Location serviceLocation) {
        Shop shop() {
            return this.store.shop;
        }

        String domain() {
            return this.store.shop.domain();
        }
    }

    /**
     * A new store in fulfillment-service mode: switched on through the WMS API, the service's location mapped by the
     * merchant to the warehouse the WMS ships it from (WH-FS) and stocked there.
     */
    private static ServiceStore serviceStore(String domain) throws Exception {
        ShippedOrderFixture store = store(domain);
        HttpResponse<String> on = switchTo(domain, "{\"mode\":\"FULFILLMENT_SERVICE\"}");
        assertEquals(200, on.statusCode(), on.body());
        Location serviceLocation = store.shop.fulfillmentServices().get(0).location();
        wmsApi.sql("insert into warehouse (code, name, updated_at) values ('WH-FS', 'WH-FS', now()) "
                + "on conflict (code) do nothing");
        wmsApi.sql("update store_location set warehouse_id = (select id from warehouse where code = 'WH-FS') "
                + "where shopify_location_id = '" + serviceLocation.id() + "'");
        store.shop.stock("F-SHIRT", serviceLocation, 50);
        store.shop.stock("F-MUG", serviceLocation, 50);
        return new ServiceStore(store, serviceLocation);
    }

    @Test
    void switchingOnRegistersTheWmsAsTheStoresFulfillmentServiceOnce() throws Exception {
        Shop shop = store(DOMAIN).shop;
        assertEquals("MERCHANT_MANAGED", json(mode(DOMAIN)).getString("mode"));
        HttpResponse<String> refused = switchTo(DOMAIN, "{\"mode\":\"WMS\"}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"mode\""), refused.body());
        assertTrue(shop.fulfillmentServices().isEmpty(), "a refused switch registers nothing");

        // The merchant switches on Store Settings.
        try (Browser browser = new Browser()) {
            browser.visit(connector.url() + "/admin/store-settings.xhtml?store=" + wmsApi.storeId(DOMAIN));
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
            browser.awaitTextContaining(By.id("fulfillment-mode"), "Merchant-managed");
            browser.click(By.id("fulfillment:register-service"));
            browser.awaitTextContaining(By.id("fulfillment-mode"), "Fulfillment service");
            assertTrue(browser.text(By.id("map-service-location")).contains("Map that location to the warehouse"));
            assertEquals("[]", browser.cspViolations(), "no Content-Security-Policy violation");
            assertEquals(List.of(), Accessibility.seriousViolations(browser));

            JsonObject setup = json(mode(DOMAIN));
            assertEquals("FULFILLMENT_SERVICE", setup.getString("mode"));
            assertEquals(1, shop.fulfillmentServices().size());
            FulfillmentService service = shop.fulfillmentServices().get(0);
            assertEquals(service.id(), setup.getString("serviceId"));
            assertEquals(service.location().id(), setup.getString("locationId"));
            assertEquals(connector.url() + "/shopify/webhooks/fulfillment-service", service.callbackUrl());
            assertTrue(service.inventoryManagement(), "inventory management on");
            assertTrue(service.trackingSupport(), "tracking support on");
            Location serviceLocation = service.location();
            assertEquals(
                    serviceLocation.name(),
                    wmsApi.text("select name from store_location where shopify_location_id = ?", serviceLocation.id()),
                    "the service's location is listed for the mapping at once");
            assertTrue(browser.text(By.id("fulfillment-mode")).contains(serviceLocation.name()));
            assertTrue(browser.text(By.id("locations")).contains(serviceLocation.name()), "in the location mapping");

            HttpResponse<String> again = switchTo(DOMAIN, "{\"mode\":\"FULFILLMENT_SERVICE\"}");
            assertEquals(200, again.statusCode(), again.body());
            assertEquals(service.id(), json(again).getString("serviceId"));
            assertEquals(1, shop.fulfillmentServices().size(), "switching on twice registers one service");
        }
    }

    @Test
    void aRequestedOrderReachesTheFeedAndItsAcknowledgementAcceptsTheRequestOnce() throws Exception {
        ServiceStore store = serviceStore("fs-requested-it.myshopify.com");
        Shop shop = store.shop();
        var order = shop.placeOrder(store.serviceLocation(), true, Map.of("F-SHIRT", 2, "F-MUG", 1));
        awaitState(order.id(), "FILTERED");
        assertNull(entryFor(order.id()), "not requested of the WMS yet: not in the feed");

        FulfillmentOrder fo = fulfillmentOrder(order, store.serviceLocation());
        shop.requestFulfillment(fo, "Please ship");
        JsonObject entry = awaitEntry(order.id());
        assertEquals("WH-FS", entry.getString("warehouse"));
        assertEquals(Map.of("W-FSHIRT", 2, "W-FMUG", 1), quantities(entry));
        assertEquals("SUBMITTED", fo.requestStatus(), "not accepted before the WMS acknowledges");

        long id = entry.getJsonNumber("orderId").longValue();
        long revision = entry.getJsonNumber("revision").longValue();
        HttpResponse<String> acked = wmsApi.acknowledge("orders", id, revision);
        assertEquals(200, acked.statusCode(), acked.body());
        assertEquals("ACCEPTED", fo.requestStatus());
        assertEquals("ACCEPTED", state(order.id()));
        assertEquals(200, wmsApi.acknowledge("orders", id, revision).statusCode(), "again: harmless");
        assertEquals(
                1,
                shop.journal()
                        .applied("fulfillmentOrderAcceptFulfillmentRequest")
                        .size(),
                "the request is accepted once");
    }

    @Test
    void aNotificationDeliveredAgainAddsNothingAndTheWmsRejectsARequestWithShopifysReason() throws Exception {
        ServiceStore store = serviceStore("fs-notified-it.myshopify.com");
        Shop shop = store.shop();
        var order = shop.placeOrder(store.serviceLocation(), true, Map.of("F-MUG", 3));
        FulfillmentOrder fo = fulfillmentOrder(order, store.serviceLocation());
        shop.requestFulfillment(fo, null);
        JsonObject entry = awaitEntry(order.id());
        long revision = entry.getJsonNumber("revision").longValue();

        String triggered = Instant.now().toString();
        assertEquals(
                "stored",
                notify(store.domain(), "FULFILLMENT_REQUEST", triggered).body());
        assertEquals(
                "duplicate",
                notify(store.domain(), "FULFILLMENT_REQUEST", triggered).body(),
                "the same notification twice");
        assertEquals(
                "stored",
                notify(
                                store.domain(),
                                "FULFILLMENT_REQUEST",
                                Instant.now().plusMillis(1).toString())
                        .body());
        assertEquals(401, notifyUnsigned(store.domain()).statusCode(), "an unsigned notification is refused");
        awaitProcessed();
        JsonObject after = entryFor(order.id());
        assertEquals(revision, after.getJsonNumber("revision").longValue(), "no new revision: nothing changed");
        assertEquals(1, wmsApi.count("select count(*) from shop_order where shopify_order_id = '" + order.id() + "'"));

        long id = entry.getJsonNumber("orderId").longValue();
        HttpResponse<String> badReason = reject(id, "{\"reason\":\"NO_REASON\"}");
        assertEquals(400, badReason.statusCode(), badReason.body());
        assertTrue(badReason.body().contains("\"reason\""), badReason.body());
        assertEquals("SUBMITTED", fo.requestStatus(), "a refused rejection changes nothing");

        HttpResponse<String> rejected =
                reject(id, "{\"reason\":\"INVENTORY_OUT_OF_STOCK\",\"message\":\"No mugs left\"}");
        assertEquals(200, rejected.statusCode(), rejected.body());
        assertEquals("REJECTED", fo.requestStatus());
        assertNull(entryFor(order.id()), "rejected: gone from the feed");
        assertEquals("FILTERED", state(order.id()));
        assertTrue(wmsApi.text("select state_note from shop_order where shopify_order_id = ?", order.id())
                .contains("INVENTORY_OUT_OF_STOCK"));
        HttpResponse<String> twice = reject(id, "{\"reason\":\"INVENTORY_OUT_OF_STOCK\"}");
        assertEquals(409, twice.statusCode(), "no request waiting any more: " + twice.body());
    }

    @Test
    void aCancellationRequestReachesTheFeedAndTheWmsAgreesOrRefusesWithItsReason() throws Exception {
        ServiceStore store = serviceStore("fs-cancelled-it.myshopify.com");
        Shop shop = store.shop();
        var unpicked = shop.placeOrder(store.serviceLocation(), true, Map.of("F-SHIRT", 1));
        FulfillmentOrder first = fulfillmentOrder(unpicked, store.serviceLocation());
        shop.requestFulfillment(first, null);
        long firstId = wmsApi.acceptedOrder(unpicked.id());
        assertEquals("ACCEPTED", first.requestStatus());
        shop.requestCancellation(first, "The customer changed their mind");
        JsonObject asked = awaitEntry(unpicked.id());
        assertEquals("CANCELLATION_REQUEST", asked.getString("kind"));

        // Not answered within the store's time: the Orders page shows it as waiting.
        wmsApi.sql("update shop_order set cancellation_requested_at = now() - interval '2 hours' "
                + "where shopify_order_id = '" + unpicked.id() + "'");
        String page = connector.get(wmsApi.admin, "/admin/orders.xhtml").body();
        assertTrue(page.contains("id=\"cancellations-waiting\"") && page.contains(unpicked.name()), page);
        HttpResponse<String> longer =
                switchTo(store.domain(), "{\"mode\":\"FULFILLMENT_SERVICE\",\"cancellationAnswerMinutes\":180}");
        assertEquals(200, longer.statusCode(), longer.body());
        assertEquals(180, json(longer).getInt("cancellationAnswerMinutes"));
        assertFalse(
                connector.get(wmsApi.admin, "/admin/orders.xhtml").body().contains("id=\"cancellations-waiting\""),
                "within the store's time now: not shown as waiting");
        HttpResponse<String> none =
                switchTo(store.domain(), "{\"mode\":\"FULFILLMENT_SERVICE\",\"cancellationAnswerMinutes\":0}");
        assertEquals(400, none.statusCode(), none.body());
        assertTrue(none.body().contains("cancellationAnswerMinutes"), none.body());

        HttpResponse<String> agreed = answerCancellation(firstId, "acceptance", "{\"message\":\"Nothing picked yet\"}");
        assertEquals(200, agreed.statusCode(), agreed.body());
        assertEquals("CANCELLATION_ACCEPTED", first.requestStatus());
        assertEquals("CLOSED", first.status());
        assertEquals("CANCELLED", state(unpicked.id()));
        assertNull(entryFor(unpicked.id()), "answered: gone from the feed");
        HttpResponse<String> again = answerCancellation(firstId, "acceptance", "{}");
        assertEquals(409, again.statusCode(), "no request waiting any more: " + again.body());

        var packed = shop.placeOrder(store.serviceLocation(), true, Map.of("F-MUG", 1));
        FulfillmentOrder second = fulfillmentOrder(packed, store.serviceLocation());
        shop.requestFulfillment(second, null);
        long secondId = wmsApi.acceptedOrder(packed.id());
        shop.requestCancellation(second, null);
        assertEquals("CANCELLATION_REQUEST", awaitEntry(packed.id()).getString("kind"));
        HttpResponse<String> noReason = answerCancellation(secondId, "rejection", "{}");
        assertEquals(400, noReason.statusCode(), noReason.body());
        assertTrue(noReason.body().contains("\"message\""), noReason.body());
        assertEquals("CANCELLATION_REQUESTED", second.requestStatus(), "a refused answer changes nothing");
        HttpResponse<String> refused = answerCancellation(secondId, "rejection", "{\"message\":\"Already packed\"}");
        assertEquals(200, refused.statusCode(), refused.body());
        assertEquals("CANCELLATION_REJECTED", second.requestStatus());
        assertEquals("ACCEPTED", state(packed.id()), "the WMS carries on");
        assertNull(entryFor(packed.id()));
        assertTrue(wmsApi.text("select state_note from shop_order where shopify_order_id = ?", packed.id())
                .contains("Already packed"));
    }

    @Test
    void switchingBackListsTheOpenFulfillmentOrdersFirstThenRemovesTheService() throws Exception {
        ServiceStore store = serviceStore("fs-switch-back-it.myshopify.com");
        Shop shop = store.shop();
        var order = shop.placeOrder(store.serviceLocation(), true, Map.of("F-SHIRT", 1));
        FulfillmentOrder open = fulfillmentOrder(order, store.serviceLocation());
        // On Store Settings, switching back first lists what is open at the service's location, removing nothing.
        try (Browser browser = new Browser()) {
            browser.visit(connector.url() + "/admin/store-settings.xhtml?store=" + store.store().storeId);
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
            browser.click(By.id("fulfillment:switch-back"));
            browser.awaitTextContaining(By.id("open-fulfillment-order-list"), order.name());
            assertEquals(1, shop.fulfillmentServices().size(), "nothing removed before the merchant confirms");
            assertEquals("[]", browser.cspViolations(), "no Content-Security-Policy violation");
            assertEquals(
                    List.of(), Accessibility.seriousViolations(browser), "with the open fulfillment orders listed");
        }

        HttpResponse<String> listed = switchTo(store.domain(), "{\"mode\":\"MERCHANT_MANAGED\"}");
        assertEquals(200, listed.statusCode(), listed.body());
        JsonObject first = json(listed);
        assertFalse(first.getBoolean("switched"), "not switched while fulfillment orders are open");
        assertEquals("FULFILLMENT_SERVICE", first.getString("mode"));
        assertTrue(
                first.getJsonArray("openFulfillmentOrders").stream()
                        .anyMatch(fo -> fo.asJsonObject()
                                .getString("fulfillmentOrderId")
                                .equals(open.id())),
                first.toString());
        assertEquals(1, shop.fulfillmentServices().size(), "nothing removed before the merchant confirms");

        HttpResponse<String> confirmed = switchTo(
                store.domain(),
                "{\"mode\":\"MERCHANT_MANAGED\",\"confirm\":true," + "\"destinationLocationId\":\""
                        + store.store().location.id() + "\"}");
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertTrue(json(confirmed).getBoolean("switched"));
        assertEquals("MERCHANT_MANAGED", json(mode(store.domain())).getString("mode"));
        assertTrue(shop.fulfillmentServices().isEmpty(), "the service is removed");
        assertEquals(
                store.store().location, open.location(), "its open fulfillment order went to the merchant's location");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static HttpResponse<String> mode(String domain) throws Exception {
        return wmsApi.api("GET", "/api/v1/stores/" + domain + "/fulfillment-mode", null);
    }

    private static HttpResponse<String> switchTo(String domain, String body) throws Exception {
        return wmsApi.api("PUT", "/api/v1/stores/" + domain + "/fulfillment-mode", body);
    }

    private static HttpResponse<String> reject(long orderId, String body) throws Exception {
        return wmsApi.api("POST", "/api/v1/orders/" + orderId + "/fulfillment-request-rejection", body);
    }

    private static HttpResponse<String> answerCancellation(long orderId, String answer, String body) throws Exception {
        return wmsApi.api("POST", "/api/v1/orders/" + orderId + "/cancellation-request-" + answer, body);
    }

    /** The order's fulfillment order at the location Shopify made for the WMS's service. */
    private static FulfillmentOrder fulfillmentOrder(wms.shopify.sandbox.Order order, Location serviceLocation) {
        return order.fulfillmentOrders().stream()
                .filter(fo -> fo.location() == serviceLocation)
                .findFirst()
                .orElseThrow();
    }

    /** A notification as Shopify sends it to the service's callback: signed, with the shop and the trigger time. */
    private static HttpResponse<String> notify(String domain, String kind, String triggeredAt) throws Exception {
        byte[] body = ("{\"kind\":\"" + kind + "\"}").getBytes(StandardCharsets.UTF_8);
        return HTTP.send(
                notification(domain, body)
                        .header("X-Shopify-Triggered-At", triggeredAt)
                        .header(
                                "X-Shopify-Hmac-Sha256",
                                ShopifySignatures.bodyHmac(body, SandboxSettings.DEFAULT_CLIENT_SECRET))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> notifyUnsigned(String domain) throws Exception {
        byte[] body = "{\"kind\":\"FULFILLMENT_REQUEST\"}".getBytes(StandardCharsets.UTF_8);
        return HTTP.send(
                notification(domain, body)
                        .header("X-Shopify-Triggered-At", Instant.now().toString())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder notification(String domain, byte[] body) {
        return HttpRequest.newBuilder(URI.create(
                        connector.url() + "/shopify/webhooks/fulfillment-service/fulfillment_order_notification"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Shop-Domain", domain)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

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

    /** Waits up to a minute; a failed wait names the last delivery's outcome (a notification refused or failed). */
    private static void await(WmsFixture.Check check, String what) throws Exception {
        WmsFixture.await(
                Duration.ofSeconds(60),
                check,
                what,
                () -> "; last delivery: "
                        + wmsApi.text(
                                "select topic || ' ' || outcome || ': ' || coalesce(outcome_note, '') from webhook_delivery "
                                        + "where topic <> ? order by id desc limit 1",
                                "-"));
    }

    private static JsonObject entryFor(String shopifyOrderId) throws Exception {
        return wmsApi.orderEntry(shopifyOrderId);
    }

    private static String state(String shopifyOrderId) throws Exception {
        return wmsApi.text("select state from shop_order where shopify_order_id = ?", shopifyOrderId);
    }
}
