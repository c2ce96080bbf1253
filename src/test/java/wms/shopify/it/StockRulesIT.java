package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.await;
import static wms.shopify.it.WmsFixture.json;
import static wms.shopify.it.WmsFixture.movement;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Shop;

/**
 * Availability rules end to end against the Shopify sandbox: two stores sell one WMS warehouse, one in Delta mode and
 * one in Absolute mode, with a rule of each kind on a product of its own (buffer, share, maximum shown, out of stock
 * below). Rules go in through the WMS API ({@code PUT .../stock-rules}); what Shopify ends up holding is checked after
 * the rule change and after further movements, then with the rules removed. The API's validation, the preview and
 * the refusal of shares over 100 % are checked on the same stores.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StockRulesIT {

    private static final String DELTA = "rules-delta.myshopify.com";
    private static final String ABSOLUTE = "rules-absolute.myshopify.com";
    private static final String WAREHOUSE = "RULES-WH";
    private static final List<String> SKUS = List.of("RU-BUF", "RU-SHARE", "RU-MAX", "RU-OOS");
    /** A product the WMS reports no movement of until a rule is in place; Shopify holds 12 of it. */
    private static final String NEW = "RU-NEW";
    /** A product the Delta store sells on Shopify with a share rule, then the WMS allocates. */
    private static final String SALE = "RU-SALE";

    private static final Duration SETTLE = Duration.ofSeconds(30);

    static WmsFixture fixture;
    static Shop delta;
    static Shop absolute;
    static Location deltaLocation;
    static Location absoluteLocation;

    @BeforeAll
    static void twoStoresSellingOneWarehouse() throws Exception {
        SandboxConnector connector = SandboxConnector.get(List.of("STOCK_RECONCILE_MINUTES=0"));
        fixture = new WmsFixture(connector, "stock-rules-it");
        delta = connector.sandbox().createShop(DELTA, Plan.STANDARD);
        absolute = connector.sandbox().createShop(ABSOLUTE, Plan.STANDARD);
        deltaLocation = delta.addLocation("Delta warehouse");
        absoluteLocation = absolute.addLocation("Absolute warehouse");
        delta.addProduct("Rules", SKUS.toArray(String[]::new));
        absolute.addProduct("Rules", SKUS.toArray(String[]::new));
        delta.addProduct("New", NEW, SALE);
        absolute.addProduct("New", NEW, SALE);
        for (String sku : SKUS) {
            delta.stock(sku, deltaLocation, 0);
            absolute.stock(sku, absoluteLocation, 0);
        }
        delta.stock(NEW, deltaLocation, 12);
        absolute.stock(NEW, absoluteLocation, 12);
        delta.stock(SALE, deltaLocation, 0);
        absolute.stock(SALE, absoluteLocation, 0);
        long deltaStore = fixture.install(delta, deltaLocation, WAREHOUSE);
        long absoluteStore = fixture.install(absolute, absoluteLocation, WAREHOUSE);
        fixture.registerProducts(java.util.stream.Stream.concat(SKUS.stream(), java.util.stream.Stream.of(NEW, SALE))
                .toList());
        fixture.syncProducts(DELTA);
        fixture.syncProducts(ABSOLUTE);
        fixture.stockSync(deltaStore, "DELTA", 1);
        fixture.stockSync(absoluteStore, "ABSOLUTE", 1);
    }

    @Test
    @Order(1)
    void withoutRulesBothStoresShowTheWmsQuantity() throws Exception {
        send("1", "RU-BUF", 20, 20);
        send("1", "RU-SHARE", 21, 21);
        send("1", "RU-MAX", 80, 80);
        send("1", "RU-OOS", 4, 4);
        expect(Map.of("RU-BUF", 20, "RU-SHARE", 21, "RU-MAX", 80, "RU-OOS", 4));
    }

    @Test
    @Order(2)
    void badRulesAreRefusedByFieldAndChangeNothing() throws Exception {
        HttpResponse<String> refused = put(
                ABSOLUTE,
                "{\"rules\": [{\"buffer\": -1}, {\"sharePercent\": 101, \"product\": \"W-RU-SHARE\"}, "
                        + "{\"maximum\": \"5\"}, {\"location\": \"Main\", \"outOfStockBelow\": 1}, {}, "
                        + "{\"product\": \"W-RU-MAX\", \"productGroup\": \"W-\", \"buffer\": 1}, "
                        + "{\"color\": \"red\", \"buffer\": 1}, {\"buffer\": 1.5}]}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        for (String field : List.of(
                "rules[0].buffer",
                "rules[1].sharePercent",
                "rules[2].maximum",
                "rules[3].location",
                "\"rules[4]\"",
                "rules[5].productGroup",
                "rules[6].color",
                "rules[7].buffer")) {
            assertTrue(refused.body().contains(field), field + " in " + refused.body());
        }
        HttpResponse<String> noList = put(ABSOLUTE, "{\"rule\": []}");
        assertEquals(400, noList.statusCode(), noList.body());
        assertTrue(noList.body().contains("\"rules\""), noList.body());
        HttpResponse<String> unknown = put(
                ABSOLUTE,
                "{\"rules\": [{\"product\": \"NOPE\", \"buffer\": 1}, "
                        + "{\"location\": \"gid://shopify/Location/999999\", \"buffer\": 1}]}");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("rules[0].product") && unknown.body().contains("NOPE"), unknown.body());
        assertTrue(unknown.body().contains("rules[1].location"), unknown.body());
        assertEquals("[]", rules(ABSOLUTE).getJsonArray("rules").toString(), "nothing saved");
        assertEquals(
                404,
                fixture.api("GET", "/api/v1/stores/nope.myshopify.com/stock-rules", null)
                        .statusCode());
    }

    @Test
    @Order(3)
    void aPreviewSaysWhatWouldChangeAndSavesNothing() throws Exception {
        HttpResponse<String> preview = fixture.api(
                "POST", "/api/v1/stores/" + ABSOLUTE + "/stock-rules/preview", rulesBody(absoluteLocation, 50));
        assertEquals(200, preview.statusCode(), preview.body());
        JsonObject answer = json(preview);
        assertEquals(4, answer.getInt("levels"));
        assertEquals(4, answer.getInt("down"), preview.body());
        assertEquals(1, answer.getInt("toZero"), "RU-OOS: 4 is below 5");
        assertEquals("4 items down (1 to zero), 0 up, of 4", answer.getString("summary"));
        assertEquals("[]", rules(ABSOLUTE).getJsonArray("rules").toString(), "nothing saved");
        Thread.sleep(2000);
        assertEquals(20, available(absolute, "RU-BUF"), "nothing pushed");
    }

    @Test
    @Order(4)
    void eachKindOfRuleIsPublishedInBothModes() throws Exception {
        HttpResponse<String> absoluteSaved = put(ABSOLUTE, rulesBody(absoluteLocation, 50));
        assertEquals(200, absoluteSaved.statusCode(), absoluteSaved.body());
        assertEquals(4, json(absoluteSaved).getJsonArray("rules").size());
        HttpResponse<String> deltaSaved = put(DELTA, rulesBody(deltaLocation, 50));
        assertEquals(200, deltaSaved.statusCode(), deltaSaved.body());
        // buffer 3: 20 → 17; share 50 %: 21 → 10; maximum 50: 80 → 50; out of stock below 5: 4 → 0
        expect(Map.of("RU-BUF", 17, "RU-SHARE", 10, "RU-MAX", 50, "RU-OOS", 0));

        send("2", "RU-BUF", -10, 10);
        send("2", "RU-SHARE", 10, 31);
        send("2", "RU-MAX", -40, 40);
        send("2", "RU-OOS", 2, 6);
        expect(Map.of("RU-BUF", 7, "RU-SHARE", 15, "RU-MAX", 40, "RU-OOS", 6));
        assertEquals(4, rules(DELTA).getJsonArray("rules").size(), "GET answers the rules saved");
    }

    @Test
    @Order(5)
    void theStockPageExplainsEachPublishedQuantityAndTheFormPreviewsAChange() throws Exception {
        try (Browser browser = new Browser()) {
            browser.visit(fixture.connector.url() + "/admin/stock.xhtml");
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
            browser.visit(fixture.connector.url() + "/admin/stock.xhtml?search=RU-");
            String row = "tr.level[data-store='" + ABSOLUTE + "'][data-product='W-RU-SHARE'] ";
            assertEquals("31", browser.text(By.cssSelector(row + "td.wms")));
            assertEquals("0", browser.text(By.cssSelector(row + "td.demand")));
            assertEquals(
                    "share 50 % (product W-RU-SHARE at every location)", browser.text(By.cssSelector(row + "td.rule")));
            assertEquals("15", browser.text(By.cssSelector(row + "td.published")));
            String buffer = "tr.level[data-store='" + DELTA + "'][data-product='W-RU-BUF'] ";
            assertEquals("10", browser.text(By.cssSelector(buffer + "td.wms")));
            assertEquals(
                    "buffer 3 (product W-RU-BUF at every location)", browser.text(By.cssSelector(buffer + "td.rule")));
            assertEquals("7", browser.text(By.cssSelector(buffer + "td.published")));
            assertEquals(
                    "10 in the WMS → buffer 3 (product W-RU-BUF at every location) → 7 published",
                    browser.driver().findElement(By.cssSelector(buffer.trim())).getAttribute("title"));
            browser.screenshot("stock-rules-explanation");

            // The store's rules form: rows in the order of precedence (products, then the one at a location).
            browser.click(By.cssSelector("tr[data-store='" + DELTA + "'] a[id$='rules']"));
            browser.awaitPageContaining("Stock rules · " + DELTA);
            assertEquals(
                    "W-RU-SHARE",
                    browser.driver()
                            .findElement(By.cssSelector("tr#rule-2 input[id$=':product']"))
                            .getAttribute("value"));
            browser.type(By.cssSelector("tr#rule-2 input[id$=':share']"), "60");
            browser.type(By.cssSelector("tr#rule-0 input[id$=':buffer']"), "x");
            browser.click(By.cssSelector("input[id$='preview']"));
            browser.awaitPageContaining("Row 1 buffer: must be a whole number");
            browser.type(By.cssSelector("tr#rule-0 input[id$=':buffer']"), "3");
            browser.click(By.cssSelector("input[id$='preview']"));
            browser.awaitPageContaining("would add up to 110 %");
            assertTrue(browser.driver().getPageSource().contains("Row 3 sharePercent"), "the row is named");
            browser.type(By.cssSelector("tr#rule-2 input[id$=':share']"), "50");
            browser.type(By.cssSelector("tr#rule-0 input[id$=':buffer']"), "100");
            browser.click(By.cssSelector("input[id$='preview']"));
            browser.awaitPageContaining("If saved: 1 items down (1 to zero), 0 up, of 4.");
            assertEquals("1 items down (1 to zero), 0 up, of 4", browser.text(By.id("change-summary")));
            browser.screenshot("stock-rules-preview");
        }
        assertEquals(4, rules(DELTA).getJsonArray("rules").size(), "a preview saves nothing");
        assertTrue(
                rules(DELTA).toString().contains("\"buffer\":3"), rules(DELTA).toString());
    }

    @Test
    @Order(6)
    void sharesOverAHundredPercentOfOneWarehouseAreRefusedNamingTheStores() throws Exception {
        HttpResponse<String> refused = put(DELTA, rulesBody(deltaLocation, 60));
        assertEquals(400, refused.statusCode(), refused.body());
        String body = refused.body();
        assertTrue(body.contains("rules[1].sharePercent"), body);
        assertTrue(body.contains("would add up to 110 %"), body);
        assertTrue(body.contains(ABSOLUTE + " 50 %") && body.contains(DELTA + " 60 %"), body);
        assertTrue(rules(DELTA).toString().contains("\"sharePercent\":50"), "the saved rules stay: " + rules(DELTA));
    }

    @Test
    @Order(7)
    void rulesRemovedPublishTheWmsQuantityAgain() throws Exception {
        assertEquals(200, put(ABSOLUTE, "{\"rules\": []}").statusCode());
        assertEquals(200, put(DELTA, "{\"rules\": []}").statusCode());
        expect(Map.of("RU-BUF", 10, "RU-SHARE", 31, "RU-MAX", 40, "RU-OOS", 6));
    }

    @Test
    @Order(8)
    void aRuleSetBeforeALevelsFirstMovementIsShownFromThatMovementOn() throws Exception {
        String body = "{\"rules\": [{\"product\": \"W-" + NEW + "\", \"buffer\": 2}]}";
        assertEquals(200, put(ABSOLUTE, body).statusCode());
        assertEquals(200, put(DELTA, body).statusCode());
        // Shopify holds 12, the WMS's quantity before this first movement: 12 + 3 = 15, less the buffer of 2.
        send("1", NEW, 3, 15);
        expect(Map.of(NEW, 13));
    }

    @Test
    @Order(9)
    void aSaleOfTheDeltaStoreWithAShareIsShownExactlyOnceTheWmsAllocatesIt() throws Exception {
        String body = "{\"rules\": [{\"product\": \"W-" + SALE + "\", \"sharePercent\": 50}]}";
        assertEquals(200, put(DELTA, body).statusCode());
        send("1", SALE, 20, 20);
        await(SETTLE, () -> available(delta, SALE) == 10 && available(absolute, SALE) == 20, "10 and 20");

        wms.shopify.sandbox.Order sale = delta.placeOrder(deltaLocation, true, Map.of(SALE, 3));
        assertEquals(7, available(delta, SALE), "Shopify took the 3 units off sale itself");
        // The WMS allocates the order, naming it: 17 remain, half of it is 8; Shopify already took the 3 off.
        HttpResponse<String> allocated = fixture.send(movement(SALE + "-2", "allocation", SALE, WAREHOUSE, -3, 17)
                .add("order", Json.createObjectBuilder().add("store", DELTA).add("orderId", sale.id())));
        assertEquals(200, allocated.statusCode(), allocated.body());
        await(
                SETTLE,
                () -> available(delta, SALE) == 8 && available(absolute, SALE) == 17,
                "the Delta store at half of 17, the other store at 17");
        Thread.sleep(3000);
        assertEquals(8, available(delta, SALE), "settled: not 7, not 10");
        assertEquals(17, available(absolute, SALE));
    }

    /** Buffer, share (the percent given), maximum and out of stock below, each on a product of its own. */
    private static String rulesBody(Location location, int sharePercent) {
        JsonArrayBuilder rules = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("product", "W-RU-BUF").add("buffer", 3))
                .add(Json.createObjectBuilder().add("product", "W-RU-SHARE").add("sharePercent", sharePercent))
                .add(Json.createObjectBuilder()
                        .add("product", "W-RU-MAX")
                        .add("location", location.id())
                        .add("maximum", 50))
                .add(Json.createObjectBuilder().add("product", "W-RU-OOS").add("outOfStockBelow", 5));
        return Json.createObjectBuilder().add("rules", rules).build().toString();
    }

    private static void send(String id, String sku, long delta, long sellable) throws Exception {
        HttpResponse<String> sent = fixture.send(
                movement(sku + "-" + id, delta > 0 ? "receiving" : "picking", sku, WAREHOUSE, delta, sellable));
        assertEquals(200, sent.statusCode(), sent.body());
    }

    private static HttpResponse<String> put(String domain, String body) throws Exception {
        return fixture.api("PUT", "/api/v1/stores/" + domain + "/stock-rules", body);
    }

    private static JsonObject rules(String domain) throws Exception {
        HttpResponse<String> got = fixture.api("GET", "/api/v1/stores/" + domain + "/stock-rules", null);
        assertEquals(200, got.statusCode(), got.body());
        return json(got);
    }

    /** Both stores settle at these quantities. */
    private static void expect(Map<String, Integer> quantities) throws Exception {
        await(
                SETTLE,
                () -> quantities.entrySet().stream()
                        .allMatch(e -> available(delta, e.getKey()) == e.getValue()
                                && available(absolute, e.getKey()) == e.getValue()),
                "both stores at " + quantities);
        for (Map.Entry<String, Integer> expected : quantities.entrySet()) {
            assertEquals(expected.getValue(), available(delta, expected.getKey()), "Delta " + expected.getKey());
            assertEquals(expected.getValue(), available(absolute, expected.getKey()), "Absolute " + expected.getKey());
        }
    }

    private static int available(Shop shop, String sku) {
        return shop.quantity(sku, shop == delta ? deltaLocation : absoluteLocation, "available");
    }
}
