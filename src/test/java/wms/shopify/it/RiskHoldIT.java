package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.json;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Order;
import wms.shopify.sandbox.Shop;

/**
 * The store filter "hold orders whose risk is high" (issue 19 §2), against the running connector and the Shopify
 * sandbox: an order Shopify recommends cancelling is held (out of the WMS feed, shown on the Orders page with
 * Shopify's recommendation, an Activity entry) and goes to the WMS when Shopify's recommendation changes, or when the
 * merchant releases it (the Orders page's button, the API), after which it is never held for risk again; an order
 * assessed only after it entered the feed leaves it; INVESTIGATE holds only when the store says so; the setting is
 * part of the order filters' JSON, a bad value is a 400 naming the field, and turning it off decides the held orders
 * again.
 */
class RiskHoldIT {

    private static final String DOMAIN = "risk-hold-it.myshopify.com";

    static SandboxConnector connector;
    static Shop shop;
    static Location main;
    static WmsFixture wmsApi;

    @BeforeAll
    static void storeWithMappedCatalog() throws Exception {
        connector = SandboxConnector.get(SandboxConnector.SHIPPING_SETTINGS);
        shop = WmsFixture.stockedShop(connector, DOMAIN, "Risk main", 100, "Shirt", "R-SHIRT", "Mug", "R-MUG");
        main = shop.location("Risk main");
        wmsApi = new WmsFixture(connector, "risk-hold-it");
        wmsApi.installForOrders(shop, main, "WH-RISK", null);
        wmsApi.catalog(DOMAIN, "XR-SHIRT", "R-SHIRT", "XR-MUG", "R-MUG");
    }

    @Test
    void anOrderShopifyRecommendsCancellingIsHeldShownAndGoesWhenShopifyChangesItsMind() throws Exception {
        riskHold("cancel");
        Order order = placeAssessed("HIGH", Map.of("R-SHIRT", 1));
        awaitHeldForRisk(order);
        assertEquals("CANCEL", column("risk_recommendation", order));
        assertNull(wmsApi.orderEntry(order.id()), "held: not in the WMS feed");
        assertEquals(
                1,
                activity("%" + order.name() + " of " + DOMAIN + " is held: Held for risk: Shopify recommends "
                        + "cancelling it (CANCEL)%"));

        long rowId = rowId(order);
        try (Browser browser = signedIn()) {
            browser.visit(connector.url() + "/admin/orders.xhtml?state=HELD&store=" + wmsApi.storeId(DOMAIN));
            String state = browser.text(By.cssSelector("tr[data-rk='" + rowId + "'] .state"));
            assertEquals("Held: High risk", state);
            String why = browser.text(By.cssSelector("tr[data-rk='" + rowId + "'] .why"));
            assertTrue(why.contains("Shopify recommends cancelling it (CANCEL)"), why);
            browser.screenshot("orders-held-for-risk");
            assertEquals(List.of(), Accessibility.seriousViolations(browser));
        }

        assessRisk(order, "LOW", "card verified by the issuer");
        JsonObject entry = awaitEntry(order);
        assertEquals("ORDER", entry.getString("kind"));
        assertEquals(1, WmsFixture.quantities(entry).get("XR-SHIRT"));
        assertEquals("READY", column("state", order));
        assertEquals(
                1,
                activity("%" + order.name() + "%is no longer held for risk: Shopify now recommends "
                        + "fulfilling it (ACCEPT)%"));
    }

    @Test
    void anOrderAssessedAfterItEnteredTheFeedLeavesItAndTheApiReleasesItForGood() throws Exception {
        riskHold("cancel");
        Order order = shop.placeOrder(main, true, Map.of("R-MUG", 2));
        long id = awaitEntry(order).getJsonNumber("orderId").longValue();

        assessRisk(order, "HIGH", "billing address far from the IP's location");
        awaitHeldForRisk(order);
        assertNull(wmsApi.orderEntry(order.id()), "not acknowledged yet: it leaves the feed");
        assertEquals(
                1,
                activity("%" + order.name() + "%taken out of the feed before the WMS acknowledged it: Held "
                        + "for risk%"));

        HttpResponse<String> released = wmsApi.api("POST", "/api/v1/orders/" + id + "/risk-release", null);
        assertEquals(200, released.statusCode(), released.body());
        assertEquals("done", json(released).getString("released"));
        assertEquals("READY", json(released).getString("state"));
        assertNotNull(wmsApi.orderEntry(order.id()), "released: in the feed");
        assertNotNull(column("risk_released_at", order));
        assertEquals(
                1,
                activity("%" + order.name() + " of " + DOMAIN + " released from its risk hold (Shopify "
                        + "recommends cancelling it (CANCEL))%"));

        HttpResponse<String> again = wmsApi.api("POST", "/api/v1/orders/" + id + "/risk-release", null);
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("not held for risk"), again.body());
        assertEquals(
                404,
                wmsApi.api("POST", "/api/v1/orders/999999999/risk-release", null)
                        .statusCode());

        // Shopify assesses it once more, still high: the merchant's decision stands.
        long revision = wmsApi.orderEntry(order.id()).getJsonNumber("revision").longValue();
        long updatesBefore = processedUpdates(order);
        assessRisk(order, "HIGH", "second look: still high");
        awaitRead(order, "CANCEL", updatesBefore);
        assertEquals("READY", column("state", order));
        assertEquals(
                revision,
                wmsApi.orderEntry(order.id()).getJsonNumber("revision").longValue(),
                "still the same entry for the WMS");
    }

    @Test
    void investigateHoldsOnlyWhenTheStoreSaysSoAndTheOrdersPageReleasesIt() throws Exception {
        riskHold("cancel");
        Order investigated = placeAssessed("MEDIUM", Map.of("R-SHIRT", 2));
        assertEquals("ORDER", awaitEntry(investigated).getString("kind"), "INVESTIGATE does not hold under 'cancel'");

        riskHold("cancel_or_investigate");
        Order held = placeAssessed("MEDIUM", Map.of("R-MUG", 1));
        awaitHeldForRisk(held);
        assertEquals("INVESTIGATE", column("risk_recommendation", held));

        long rowId = rowId(held);
        try (Browser browser = signedIn()) {
            browser.visit(connector.url() + "/admin/orders.xhtml?state=HELD&store=" + wmsApi.storeId(DOMAIN));
            String why = browser.text(By.cssSelector("tr[data-rk='" + rowId + "'] .why"));
            assertTrue(why.contains("Shopify recommends investigating it (INVESTIGATE)"), why);
            browser.click(By.cssSelector("tr[data-rk='" + rowId + "'] input[id$='release']"));
            browser.awaitPageContaining("in the WMS feed (position");
            browser.visit(connector.url() + "/admin/orders.xhtml?state=READY&store=" + wmsApi.storeId(DOMAIN));
            assertEquals("In WMS feed", browser.text(By.cssSelector("tr[data-rk='" + rowId + "'] .state")));
            assertEquals(List.of(), Accessibility.seriousViolations(browser));
        }
        assertNotNull(wmsApi.orderEntry(held.id()));
        assertEquals("admin", column("risk_released_by", held));
        assertEquals(
                1, activity("%" + held.name() + "%released from its risk hold (Shopify recommends investigating%"));
    }

    @Test
    void turningTheRiskHoldOffDecidesTheHeldOrdersAgain() throws Exception {
        riskHold("cancel_or_investigate");
        Order order = placeAssessed("HIGH", Map.of("R-SHIRT", 3));
        awaitHeldForRisk(order);

        riskHold("off");
        assertEquals("ORDER", awaitEntry(order).getString("kind"), "off: the re-check hands it over");
        assertEquals("READY", column("state", order));
    }

    @Test
    void theSettingIsPartOfTheOrderFiltersAndABadValueChangesNothing() throws Exception {
        riskHold("cancel");
        HttpResponse<String> bad = putFilters(",\"riskHold\":\"maybe\"");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals(
                "riskHold", json(bad).getJsonArray("errors").getJsonObject(0).getString("field"));
        HttpResponse<String> notText = putFilters(",\"riskHold\":true");
        assertEquals(400, notText.statusCode(), notText.body());
        assertEquals("cancel", filters().getString("riskHold"), "refused: nothing changed");

        HttpResponse<String> without = putFilters("");
        assertEquals(200, without.statusCode(), without.body());
        assertEquals("cancel", json(without).getString("riskHold"), "left out: kept as it was");
        assertEquals("cancel", filters().getString("riskHold"));

        HttpResponse<String> anyCase = putFilters(",\"riskHold\":\"CANCEL_OR_INVESTIGATE\"");
        assertEquals(200, anyCase.statusCode(), anyCase.body());
        assertEquals("cancel_or_investigate", json(anyCase).getString("riskHold"));
        // The other tests of the class set it too: at least this change is recorded.
        assertTrue(activity("Order filters of " + DOMAIN + " changed:%risk hold cancel_or_investigate.") >= 1);
    }

    @Test
    void storeSettingsShowsTheRiskHoldAndSavesItWithTheOtherSettings() throws Exception {
        riskHold("cancel");
        long storeId = wmsApi.storeId(DOMAIN);
        try (Browser browser = signedIn()) {
            browser.visit(connector.url() + "/admin/store-settings.xhtml?store=" + storeId);
            assertEquals("Hold when Shopify recommends cancelling", browser.chosen(By.id("settings:risk-hold")));
            assertEquals(List.of(), Accessibility.seriousViolations(browser));
            browser.choose(By.id("settings:risk-hold"), "Hold when Shopify recommends cancelling or investigating");
            browser.click(By.id("settings:save"));
            assertEquals("Settings saved.", browser.text(By.id("saved")));
            assertEquals(
                    "Hold when Shopify recommends cancelling or investigating",
                    browser.chosen(By.id("settings:risk-hold")),
                    "shown as saved");
        }
        assertEquals("cancel_or_investigate", filters().getString("riskHold"));
        assertEquals(
                "CANCEL_OR_INVESTIGATE",
                wmsApi.text(
                        "select risk_hold from intake_policy where store_id = cast(? as bigint)",
                        String.valueOf(storeId)));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** An order Shopify's fraud analysis had assessed at this level by the time orders/create was sent. */
    private static Order placeAssessed(String riskLevel, Map<String, Integer> quantities) {
        synchronized (shop) {
            shop.riskAtCheckout(riskLevel);
            try {
                return shop.placeOrder(main, true, quantities);
            } finally {
                shop.riskAtCheckout(null);
            }
        }
    }

    private static void riskHold(String value) throws Exception {
        HttpResponse<String> saved = putFilters(",\"riskHold\":\"" + value + "\"");
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(value, json(saved).getString("riskHold"));
    }

    private static HttpResponse<String> putFilters(String riskHold) throws Exception {
        return wmsApi.api(
                "PUT",
                "/api/v1/stores/" + DOMAIN + "/order-filters",
                "{\"orderStatuses\":[],\"financialStatuses\":[],\"fulfillmentStatuses\":[],\"testOrders\":false"
                        + riskHold + "}");
    }

    private static JsonObject filters() throws Exception {
        return json(wmsApi.api("GET", "/api/v1/stores/" + DOMAIN + "/order-filters", null));
    }

    private static void awaitHeldForRisk(Order order) throws Exception {
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> "HIGH_RISK".equals(column("hold_reason", order)),
                "order " + order.name() + " held for risk",
                () -> "; state " + column("state", order) + ", " + column("state_note", order));
        assertEquals("HELD", column("state", order));
    }

    /**
     * Waits until the connector processed an orders/updated of the order beyond the {@code before} it had, and holds
     * this recommendation of Shopify's. (Not by the order's updated_at: Shopify's has whole seconds, and an
     * assessment within the second of the one before leaves it unchanged.)
     */
    private static void awaitRead(Order order, String recommendation, long before) throws Exception {
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> processedUpdates(order) > before && recommendation.equals(column("risk_recommendation", order)),
                "order " + order.name() + " read with " + recommendation,
                () -> "; " + column("risk_recommendation", order) + ", orders/updated processed "
                        + processedUpdates(order));
    }

    /** The orders/updated deliveries of the order that the connector processed. */
    private static long processedUpdates(Order order) throws Exception {
        return Long.parseLong(wmsApi.text(
                "select count(*)::text from webhook_delivery where topic = 'orders/updated' and outcome <> 'RECEIVED'"
                        + " and convert_from(body, 'UTF8')::jsonb ->> 'admin_graphql_api_id' = ?",
                order.id()));
    }

    private static JsonObject awaitEntry(Order order) throws Exception {
        JsonObject[] found = new JsonObject[1];
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> (found[0] = wmsApi.orderEntry(order.id())) != null,
                "order " + order.name() + " in the feed",
                () -> "; state " + column("state", order) + ", " + column("state_note", order));
        return found[0];
    }

    /**
     * Shopify assesses the order again, in a later second than its last update: the orders/updated body carries the
     * order's updated_at in whole seconds and not the assessment, so an assessment within the same second would send
     * the very body of the update before it, which the connector refuses as a replay (webhook_delivery_same_body).
     */
    private static void assessRisk(Order order, String level, String fact) throws InterruptedException {
        Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 20);
        shop.assessRisk(order, level, fact);
    }

    private static Browser signedIn() {
        Browser browser = new Browser();
        browser.visit(connector.url() + "/admin/orders.xhtml");
        browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
        return browser;
    }

    private static String column(String column, Order order) throws Exception {
        return wmsApi.text("select " + column + " from shop_order where shopify_order_id = ?", order.id());
    }

    private static long rowId(Order order) throws Exception {
        return wmsApi.count("select id from shop_order where shopify_order_id = '" + order.id() + "'");
    }

    private static long activity(String like) throws Exception {
        return wmsApi.count("select count(*) from activity_event where message like '" + like.replace("'", "''") + "'");
    }
}
