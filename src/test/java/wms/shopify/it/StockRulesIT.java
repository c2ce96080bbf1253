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
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Shop;

/**
 * Availability rules end to end against the Shopify sandbox: two stores sell one WMS warehouse, one in Delta mode and
 * one in Absolute mode, with a rule of each kind on a product of its own (buffer, share, maximum shown, out of stock
 * below). Rules go in through the WMS API ({@code PUT .../stock-rules}); what Shopify ends up holding is checked after
 * the rule change and after further movements, then with the rules removed. The API's validation, the preview and
 * the refusal of shares over 100 % are checked on such stores too. Each test opens its own two stores and warehouse
 * ({@link SyncedStore.Pair}) and brings them to the levels and rules it starts from, so none depends on another.
 */
class StockRulesIT {

    private static final List<String> SKUS = List.of("RU-BUF", "RU-SHARE", "RU-MAX", "RU-OOS");
    /** A product the WMS reports no movement of until a rule is in place; Shopify holds 12 of it. */
    private static final String NEW = "RU-NEW";
    /** A product the Delta store sells on Shopify with a share rule, then the WMS allocates. */
    private static final String SALE = "RU-SALE";

    private static final Duration SETTLE = Duration.ofSeconds(30);

    static SandboxConnector connector;
    static WmsFixture fixture;

    @BeforeAll
    static void theConnectorAndAWmsCredential() throws Exception {
        connector = SandboxConnector.get(List.of("STOCK_RECONCILE_MINUTES=0"));
        fixture = new WmsFixture(connector, "stock-rules-it");
    }

    /**
     * Two stores of this test's own (named after {@code tag}) selling the four rule products (none on hand), the new
     * product (12 on hand) and the sale product (none), from locations mapped to a warehouse of the test's own.
     */
    private static SyncedStore.Pair stores(String tag) throws Exception {
        Shop delta = SyncedStore.newShop(connector, "rules-" + tag + "-delta.myshopify.com");
        Shop absolute = SyncedStore.newShop(connector, "rules-" + tag + "-absolute.myshopify.com");
        for (Shop shop : List.of(delta, absolute)) {
            Location location = shop.locations().get(0);
            shop.addProduct("Rules", SKUS.toArray(String[]::new));
            shop.addProduct("New", NEW, SALE);
            for (String sku : SKUS) {
                shop.stock(sku, location, 0);
            }
            shop.stock(NEW, location, 12);
            shop.stock(SALE, location, 0);
        }
        return SyncedStore.Pair.connect(fixture, delta, absolute, "RULES-" + tag.toUpperCase(Locale.ROOT), 1);
    }

    @Test
    void withoutRulesBothStoresShowTheWmsQuantity() throws Exception {
        levelsWithoutRules(stores("none"));
    }

    /** The WMS's first levels of the four rule products, shown as they are in both stores. */
    private static void levelsWithoutRules(SyncedStore.Pair stores) throws Exception {
        send(stores, "1", "RU-BUF", 20, 20);
        send(stores, "1", "RU-SHARE", 21, 21);
        send(stores, "1", "RU-MAX", 80, 80);
        send(stores, "1", "RU-OOS", 4, 4);
        expect(stores, Map.of("RU-BUF", 20, "RU-SHARE", 21, "RU-MAX", 80, "RU-OOS", 4));
    }

    @Test
    void badRulesAreRefusedByFieldAndChangeNothing() throws Exception {
        String absolute = stores("bad").absolute().domain();
        HttpResponse<String> refused = put(
                absolute,
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
        HttpResponse<String> noList = put(absolute, "{\"rule\": []}");
        assertEquals(400, noList.statusCode(), noList.body());
        assertTrue(noList.body().contains("\"rules\""), noList.body());
        HttpResponse<String> unknown = put(
                absolute,
                "{\"rules\": [{\"product\": \"NOPE\", \"buffer\": 1}, "
                        + "{\"location\": \"gid://shopify/Location/999999\", \"buffer\": 1}]}");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("rules[0].product") && unknown.body().contains("NOPE"), unknown.body());
        assertTrue(unknown.body().contains("rules[1].location"), unknown.body());
        assertEquals("[]", rules(absolute).getJsonArray("rules").toString(), "nothing saved");
        assertEquals(
                404,
                fixture.api("GET", "/api/v1/stores/nope.myshopify.com/stock-rules", null)
                        .statusCode());
    }

    @Test
    void aPreviewSaysWhatWouldChangeAndSavesNothing() throws Exception {
        SyncedStore.Pair stores = stores("preview");
        levelsWithoutRules(stores);
        SyncedStore absolute = stores.absolute();
        HttpResponse<String> preview = fixture.api(
                "POST",
                "/api/v1/stores/" + absolute.domain() + "/stock-rules/preview",
                rulesBody(absolute.location(), 50));
        assertEquals(200, preview.statusCode(), preview.body());
        JsonObject answer = json(preview);
        assertEquals(4, answer.getInt("levels"));
        assertEquals(4, answer.getInt("down"), preview.body());
        assertEquals(1, answer.getInt("toZero"), "RU-OOS: 4 is below 5");
        assertEquals("4 items down (1 to zero), 0 up, of 4", answer.getString("summary"));
        assertEquals("[]", rules(absolute.domain()).getJsonArray("rules").toString(), "nothing saved");
        Thread.sleep(2000);
        assertEquals(20, absolute.available("RU-BUF"), "nothing pushed");
    }

    @Test
    void eachKindOfRuleIsPublishedInBothModes() throws Exception {
        SyncedStore.Pair stores = stores("kinds");
        levelsWithoutRules(stores);
        rulesOfEachKindPublished(stores);
        assertEquals(4, rules(stores.delta().domain()).getJsonArray("rules").size(), "GET answers the rules saved");
    }

    /**
     * From the levels without rules: a rule of each kind saved for both stores (share 50 %), published; then further
     * movements, published through the rules.
     */
    private static void rulesOfEachKindPublished(SyncedStore.Pair stores) throws Exception {
        HttpResponse<String> absoluteSaved =
                put(stores.absolute().domain(), rulesBody(stores.absolute().location(), 50));
        assertEquals(200, absoluteSaved.statusCode(), absoluteSaved.body());
        assertEquals(4, json(absoluteSaved).getJsonArray("rules").size());
        HttpResponse<String> deltaSaved =
                put(stores.delta().domain(), rulesBody(stores.delta().location(), 50));
        assertEquals(200, deltaSaved.statusCode(), deltaSaved.body());
        // buffer 3: 20 → 17; share 50 %: 21 → 10; maximum 50: 80 → 50; out of stock below 5: 4 → 0
        expect(stores, Map.of("RU-BUF", 17, "RU-SHARE", 10, "RU-MAX", 50, "RU-OOS", 0));

        send(stores, "2", "RU-BUF", -10, 10);
        send(stores, "2", "RU-SHARE", 10, 31);
        send(stores, "2", "RU-MAX", -40, 40);
        send(stores, "2", "RU-OOS", 2, 6);
        expect(stores, Map.of("RU-BUF", 7, "RU-SHARE", 15, "RU-MAX", 40, "RU-OOS", 6));
    }

    @Test
    void theStockPageExplainsEachPublishedQuantityAndTheFormPreviewsAChange() throws Exception {
        SyncedStore.Pair stores = stores("page");
        levelsWithoutRules(stores);
        rulesOfEachKindPublished(stores);
        String delta = stores.delta().domain();
        String absolute = stores.absolute().domain();
        try (Browser browser = new Browser()) {
            browser.visit(fixture.connector.url() + "/admin/stock.xhtml");
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
            // Searched for one product at a time: the page lists at most 100 levels, and every test has its stores.
            browser.visit(fixture.connector.url() + "/admin/stock.xhtml?search=RU-SHARE");
            String row = "tr.level[data-store='" + absolute + "'][data-product='W-RU-SHARE'] ";
            assertEquals("31", browser.text(By.cssSelector(row + "td.wms")));
            assertEquals("0", browser.text(By.cssSelector(row + "td.demand")));
            assertEquals(
                    "share 50 % (product W-RU-SHARE at every location)", browser.text(By.cssSelector(row + "td.rule")));
            assertEquals("15", browser.text(By.cssSelector(row + "td.published")));
            browser.visit(fixture.connector.url() + "/admin/stock.xhtml?search=RU-BUF");
            String buffer = "tr.level[data-store='" + delta + "'][data-product='W-RU-BUF'] ";
            assertEquals("10", browser.text(By.cssSelector(buffer + "td.wms")));
            assertEquals(
                    "buffer 3 (product W-RU-BUF at every location)", browser.text(By.cssSelector(buffer + "td.rule")));
            assertEquals("7", browser.text(By.cssSelector(buffer + "td.published")));
            assertEquals(
                    "10 in the WMS → buffer 3 (product W-RU-BUF at every location) → 7 published",
                    browser.driver().findElement(By.cssSelector(buffer.trim())).getAttribute("title"));
            browser.screenshot("stock-rules-explanation");

            // The store's rules form: rows in the order of precedence (products, then the one at a location).
            browser.click(By.cssSelector("tr[data-store='" + delta + "'] a[id$='rules']"));
            browser.awaitPageContaining("Stock rules · " + delta);
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
        assertEquals(4, rules(delta).getJsonArray("rules").size(), "a preview saves nothing");
        assertTrue(
                rules(delta).toString().contains("\"buffer\":3"), rules(delta).toString());
    }

    @Test
    void sharesOverAHundredPercentOfOneWarehouseAreRefusedNamingTheStores() throws Exception {
        SyncedStore.Pair stores = stores("shares");
        String delta = stores.delta().domain();
        String absolute = stores.absolute().domain();
        // Both stores hold a share of 50 % of the warehouse.
        assertEquals(
                200, put(absolute, rulesBody(stores.absolute().location(), 50)).statusCode());
        assertEquals(200, put(delta, rulesBody(stores.delta().location(), 50)).statusCode());

        HttpResponse<String> refused = put(delta, rulesBody(stores.delta().location(), 60));
        assertEquals(400, refused.statusCode(), refused.body());
        String body = refused.body();
        assertTrue(body.contains("rules[1].sharePercent"), body);
        assertTrue(body.contains("would add up to 110 %"), body);
        assertTrue(body.contains(absolute + " 50 %") && body.contains(delta + " 60 %"), body);
        assertTrue(rules(delta).toString().contains("\"sharePercent\":50"), "the saved rules stay: " + rules(delta));
    }

    @Test
    void rulesRemovedPublishTheWmsQuantityAgain() throws Exception {
        SyncedStore.Pair stores = stores("removed");
        levelsWithoutRules(stores);
        rulesOfEachKindPublished(stores);
        assertEquals(200, put(stores.absolute().domain(), "{\"rules\": []}").statusCode());
        assertEquals(200, put(stores.delta().domain(), "{\"rules\": []}").statusCode());
        expect(stores, Map.of("RU-BUF", 10, "RU-SHARE", 31, "RU-MAX", 40, "RU-OOS", 6));
    }

    @Test
    void aRuleSetBeforeALevelsFirstMovementIsShownFromThatMovementOn() throws Exception {
        SyncedStore.Pair stores = stores("first");
        String body = "{\"rules\": [{\"product\": \"W-" + NEW + "\", \"buffer\": 2}]}";
        assertEquals(200, put(stores.absolute().domain(), body).statusCode());
        assertEquals(200, put(stores.delta().domain(), body).statusCode());
        // Shopify holds 12, the WMS's quantity before this first movement: 12 + 3 = 15, less the buffer of 2.
        send(stores, "1", NEW, 3, 15);
        expect(stores, Map.of(NEW, 13));
    }

    @Test
    void aSaleOfTheDeltaStoreWithAShareIsShownExactlyOnceTheWmsAllocatesIt() throws Exception {
        SyncedStore.Pair stores = stores("sale");
        SyncedStore delta = stores.delta();
        SyncedStore absolute = stores.absolute();
        String body = "{\"rules\": [{\"product\": \"W-" + SALE + "\", \"sharePercent\": 50}]}";
        assertEquals(200, put(delta.domain(), body).statusCode());
        send(stores, "1", SALE, 20, 20);
        await(SETTLE, () -> delta.available(SALE) == 10 && absolute.available(SALE) == 20, "10 and 20");

        wms.shopify.sandbox.Order sale = delta.shop().placeOrder(delta.location(), true, Map.of(SALE, 3));
        assertEquals(7, delta.available(SALE), "Shopify took the 3 units off sale itself");
        // The WMS allocates the order, naming it: 17 remain, half of it is 8; Shopify already took the 3 off.
        HttpResponse<String> allocated = fixture.send(movement(
                        stores.warehouse() + "/" + SALE + "-2", "allocation", SALE, stores.warehouse(), -3, 17)
                .add(
                        "order",
                        Json.createObjectBuilder().add("store", delta.domain()).add("orderId", sale.id())));
        assertEquals(200, allocated.statusCode(), allocated.body());
        await(
                SETTLE,
                () -> delta.available(SALE) == 8 && absolute.available(SALE) == 17,
                "the Delta store at half of 17, the other store at 17");
        Thread.sleep(3000);
        assertEquals(8, delta.available(SALE), "settled: not 7, not 10");
        assertEquals(17, absolute.available(SALE));
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

    /** A movement into the stores' warehouse, its id the test's own (movement ids are unique across warehouses). */
    private static void send(SyncedStore.Pair stores, String id, String sku, long delta, long sellable)
            throws Exception {
        HttpResponse<String> sent = fixture.send(movement(
                stores.warehouse() + "/" + sku + "-" + id,
                delta > 0 ? "receiving" : "picking",
                sku,
                stores.warehouse(),
                delta,
                sellable));
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
    private static void expect(SyncedStore.Pair stores, Map<String, Integer> quantities) throws Exception {
        SyncedStore delta = stores.delta();
        SyncedStore absolute = stores.absolute();
        await(
                SETTLE,
                () -> quantities.entrySet().stream()
                        .allMatch(e -> delta.available(e.getKey()) == e.getValue()
                                && absolute.available(e.getKey()) == e.getValue()),
                "both stores at " + quantities);
        for (Map.Entry<String, Integer> expected : quantities.entrySet()) {
            assertEquals(expected.getValue(), delta.available(expected.getKey()), "Delta " + expected.getKey());
            assertEquals(expected.getValue(), absolute.available(expected.getKey()), "Absolute " + expected.getKey());
        }
    }
}
