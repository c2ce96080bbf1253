package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.await;
import static wms.shopify.it.WmsFixture.json;
import static wms.shopify.it.WmsFixture.movement;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import wms.shopify.sandbox.Journal;
import wms.shopify.sandbox.Order;
import wms.shopify.sandbox.Shop;

/**
 * A rule's buffer shown on Shopify as the level's {@code safety_stock} state instead of hidden (issue #18), end to end
 * against the sandbox, in Delta and Absolute mode: Shopify's {@code available} is what the rule publishes, as with a
 * hidden buffer, and the units the buffer withholds are in {@code safety_stock}, so {@code on_hand} says what the
 * warehouse holds; they follow the WMS's movements, a rule change and an order, and go when the buffer is hidden
 * again; the write rides the push (one request, the available write and the safety_stock write), and nothing is ever
 * for sale beyond what the rule allows. Each test opens its own two stores on a warehouse of its own.
 */
class SafetyStockIT {

    private static final String SKU = "SS-MUG";
    private static final Duration SETTLE = Duration.ofSeconds(60);

    static SandboxConnector connector;
    static WmsFixture fixture;

    @BeforeAll
    static void theConnectorAndAWmsCredential() throws Exception {
        connector = SandboxConnector.get(List.of("STOCK_RECONCILE_MINUTES=0"));
        fixture = new WmsFixture(connector, "safety-stock-it");
    }

    /** A store in Delta mode and one in Absolute mode (its orders reach the connector), none of the mug on hand. */
    private static SyncedStore.Pair stores(String tag) throws Exception {
        Shop delta = SyncedStore.newShop(connector, "safety-" + tag + "-delta.myshopify.com");
        Shop absolute = SyncedStore.newShop(connector, "safety-" + tag + "-absolute.myshopify.com");
        for (Shop shop : List.of(delta, absolute)) {
            shop.addProduct("Mug", SKU);
            shop.stock(SKU, shop.locations().get(0), 0);
        }
        String warehouse = "SAFETY-" + tag.toUpperCase(java.util.Locale.ROOT);
        return new SyncedStore.Pair(
                SyncedStore.connect(fixture, delta, warehouse, "DELTA", 1, false),
                SyncedStore.connect(fixture, absolute, warehouse, "ABSOLUTE", 1, true));
    }

    @Test
    void theBufferIsShownAsSafetyStockThroughMovementsARuleChangeAndAnOrder() throws Exception {
        SyncedStore.Pair stores = stores("story");
        SyncedStore delta = stores.delta();
        SyncedStore absolute = stores.absolute();
        for (SyncedStore store : stores.both()) {
            HttpResponse<String> saved = rules(store, 2, true);
            assertEquals(200, saved.statusCode(), saved.body());
        }
        JsonObject read = json(fixture.api("GET", "/api/v1/stores/" + delta.domain() + "/stock-rules", null));
        assertEquals(
                "safety_stock",
                read.getJsonArray("rules").getJsonObject(0).getString("bufferShownAs"),
                read.toString());

        // 10 received: 8 for sale, the buffer's 2 on hand as safety stock, in one request per push.
        absolute.shop().journal().clear();
        send(stores, "1", 10, 10);
        expect(stores, 8, 2);
        assertEquals(10, absolute.shop().quantity(SKU, absolute.location(), "on_hand"));
        assertEquals(
                1, absolute.shop().journal().applied("inventorySetQuantities").size(), "available written once");
        List<Journal.Mutation> safety = absolute.shop().journal().applied("inventoryAdjustQuantities");
        assertEquals(1, safety.size(), "the safety_stock write, once: " + safety);
        assertTrue(
                safety.get(0).arguments().toString().contains("safety_stock"),
                safety.get(0).toString());

        // Down to 1: nothing for sale, the one unit is the buffer's.
        send(stores, "2", -9, 1);
        expect(stores, 0, 1);
        // Up to 12.
        send(stores, "3", 11, 12);
        expect(stores, 10, 2);

        // A larger buffer: one unit more is held back, and shown.
        for (SyncedStore store : stores.both()) {
            assertEquals(200, rules(store, 3, true).statusCode());
        }
        expect(stores, 9, 3);

        // A customer of the Absolute store buys all 9 on sale: the connector puts none of it back on sale, and the
        // buffer's 3 stay on hand as safety stock.
        Order sale = absolute.shop().placeOrder(absolute.location(), true, Map.of(SKU, 9));
        assertEquals(0, absolute.available(SKU));
        await(
                SETTLE,
                () -> fixture.longValue(
                                "select coalesce(sum(quantity), 0) from order_demand where store_id = " + absolute.id())
                        == 9,
                "the order's demand",
                () -> "");
        settle(absolute);
        assertEquals(0, absolute.available(SKU), "nothing put back on sale");
        assertEquals(3, safetyStock(absolute));
        assertEquals(12, absolute.shop().quantity(SKU, absolute.location(), "on_hand"), "0 + 9 committed + 3");

        // The WMS allocates the order, naming it: 3 remain, all of them the buffer's, in both stores.
        HttpResponse<String> allocated = fixture.send(
                movement(stores.warehouse() + "/" + SKU + "-4", "allocation", SKU, stores.warehouse(), -9, 3)
                        .add(
                                "order",
                                Json.createObjectBuilder()
                                        .add("store", absolute.domain())
                                        .add("orderId", sale.id())));
        assertEquals(200, allocated.statusCode(), allocated.body());
        expect(stores, 0, 3);

        // The buffer hidden again: the connector's safety stock is taken back; what is for sale does not change.
        for (SyncedStore store : stores.both()) {
            assertEquals(200, rules(store, 3, false).statusCode());
        }
        expect(stores, 0, 0);
        assertEquals(9, absolute.shop().quantity(SKU, absolute.location(), "on_hand"), "the 9 committed only");

        // The Stock page explains it when shown again.
        for (SyncedStore store : stores.both()) {
            assertEquals(200, rules(store, 3, true).statusCode());
        }
        send(stores, "5", 5, 8);
        expect(stores, 5, 3);
        try (Browser browser = new Browser()) {
            browser.visit(fixture.connector.url() + "/admin/stock.xhtml");
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
            browser.visit(fixture.connector.url() + "/admin/stock.xhtml?search=" + SKU);
            String row = "tr.level[data-store='" + delta.domain() + "'][data-product='W-" + SKU + "']";
            assertEquals(
                    "8 in the WMS → buffer 3 shown as safety stock (product W-" + SKU + " at every location) → 5 "
                            + "published; 3 shown as safety stock on Shopify",
                    browser.driver().findElement(By.cssSelector(row)).getAttribute("title"));
            assertEquals("[]", browser.cspViolations(), "no Content-Security-Policy violation");
            browser.visit(fixture.connector.url() + "/admin/stock-rules.xhtml?store=" + delta.id());
            assertEquals(
                    "safety_stock",
                    browser.driver()
                            .findElement(By.cssSelector("tr#rule-0 select[id$=':buffer-shown']"))
                            .getAttribute("value"));
            assertEquals("[]", browser.cspViolations(), "no Content-Security-Policy violation");
            assertEquals(List.of(), Accessibility.seriousViolations(browser));
        }
    }

    @Test
    void aBufferShownWithoutABufferOrShownAsAnythingElseIsRefusedAndChangesNothing() throws Exception {
        SyncedStore.Pair stores = stores("refused");
        SyncedStore absolute = stores.absolute();
        HttpResponse<String> refused = fixture.api(
                "PUT",
                "/api/v1/stores/" + absolute.domain() + "/stock-rules",
                "{\"rules\": [{\"maximum\": 5, \"bufferShownAs\": \"safety_stock\"}, " + "{\"product\": \"W-" + SKU
                        + "\", \"buffer\": 1, \"bufferShownAs\": \"damaged\"}]}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("rules[0].bufferShownAs"), refused.body());
        assertTrue(refused.body().contains("rules[1].bufferShownAs"), refused.body());
        JsonObject read = json(fixture.api("GET", "/api/v1/stores/" + absolute.domain() + "/stock-rules", null));
        assertEquals("[]", read.getJsonArray("rules").toString(), "nothing saved");
    }

    /** The store's one rule: a buffer on the mug, shown as safety stock or hidden. */
    private static HttpResponse<String> rules(SyncedStore store, int buffer, boolean shown) throws Exception {
        String body = "{\"rules\": [{\"product\": \"W-" + SKU + "\", \"buffer\": " + buffer
                + (shown ? ", \"bufferShownAs\": \"safety_stock\"" : "") + "}]}";
        return fixture.api("PUT", "/api/v1/stores/" + store.domain() + "/stock-rules", body);
    }

    private static void send(SyncedStore.Pair stores, String id, long delta, long sellable) throws Exception {
        HttpResponse<String> sent = fixture.send(movement(
                stores.warehouse() + "/" + SKU + "-" + id,
                delta > 0 ? "receiving" : "adjustment",
                SKU,
                stores.warehouse(),
                delta,
                sellable));
        assertEquals(200, sent.statusCode(), sent.body());
    }

    private static int safetyStock(SyncedStore store) {
        return store.shop().quantity(SKU, store.location(), "safety_stock");
    }

    /** Both stores settle with this much for sale and this much shown as safety stock. */
    private static void expect(SyncedStore.Pair stores, int available, int safetyStock) throws Exception {
        await(
                SETTLE,
                () -> stores.both().stream()
                        .allMatch(s -> s.available(SKU) == available && safetyStock(s) == safetyStock),
                "both stores at available " + available + ", safety_stock " + safetyStock);
        for (SyncedStore store : stores.both()) {
            settle(store);
            assertEquals(available, store.available(SKU), store.domain());
            assertEquals(safetyStock, safetyStock(store), store.domain());
        }
    }

    /** Nothing of the store waits to be pushed or is being pushed. */
    private static void settle(SyncedStore store) throws Exception {
        await(
                SETTLE,
                () -> fixture.longValue("select count(*) from stock_change where store_id = " + store.id()
                                + " and state in ('PENDING', 'PUSHING')")
                        == 0,
                "nothing pending at " + store.domain(),
                () -> "");
    }
}
