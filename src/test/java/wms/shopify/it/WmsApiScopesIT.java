package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;
import org.openqa.selenium.By;

/**
 * Scoped WMS API credentials: created on the WMS API page as read-only or limited to some stores, shown there with
 * their scope, and held to it on every route family (403 with a problem body saying which limit applies); the
 * order feed of a store-limited credential carries only its stores' orders.
 */
@MicroShedTest
class WmsApiScopesIT {

    private static final String ALPHA = "alpha.myshopify.com";
    /** One call of every route family that writes. */
    private static final List<String[]> WRITES = List.of(
            new String[] {"PUT", "/api/v1/warehouses", "[]"},
            new String[] {"PUT", "/api/v1/shipping-processes", "[]"},
            new String[] {"PUT", "/api/v1/products", "[]"},
            new String[] {"POST", "/api/v1/stock-movements", "[]"},
            new String[] {"POST", "/api/v1/shipments", "{}"},
            new String[] {"POST", "/api/v1/returns", "{}"},
            new String[] {"POST", "/api/v1/returns/1/acknowledgement", "{\"revision\":1}"},
            new String[] {"POST", "/api/v1/orders/1/acknowledgement", "{\"revision\":1}"},
            new String[] {"PUT", "/api/v1/stores/" + ALPHA + "/order-filters", "{}"},
            new String[] {"POST", "/api/v1/stores/" + ALPHA + "/product-sync", "{}"},
            new String[] {"POST", "/api/v1/stores/" + ALPHA + "/stock-reconciliation", "{}"});
    /** One call of every route family that reaches every store. */
    private static final List<String[]> EVERY_STORE = List.of(
            new String[] {"GET", "/api/v1/warehouses", null},
            new String[] {"GET", "/api/v1/shipping-processes", null},
            new String[] {"GET", "/api/v1/products", null},
            new String[] {"POST", "/api/v1/stock-movements", "[]"},
            new String[] {"GET", "/api/v1/stock/pushes/1", null},
            new String[] {"GET", "/api/v1/shipments/none", null},
            new String[] {"GET", "/api/v1/returns/feed", null});

    private static Browser browser;

    @BeforeAll
    static void openBrowser() throws Exception {
        ConnectorServer.awaitReady(ConnectorServer.url());
        browser = new Browser();
        browser.open("/admin/wms-api.xhtml");
        browser.signIn("admin", ConnectorServer.adminPassword());
        browser.awaitUrlContaining("/admin/wms-api.xhtml");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aReadOnlyCredentialReadsButChangesNothing() throws Exception {
        String token = create("reader", true, "");
        assertEquals("read only · every store", browser.text(By.id("scope-" + WmsApiAdmin.keyIdOf(token))));
        assertEquals(200, WmsApiCalls.get("/api/v1/warehouses", token).statusCode());
        assertEquals(200, WmsApiCalls.get("/api/v1/orders/feed", token).statusCode());
        for (String[] call : WRITES) {
            HttpResponse<String> refused = call(call, token);
            assertEquals(403, refused.statusCode(), call[0] + " " + call[1] + ": " + refused.body());
            assertEquals("application/problem+json", WmsApiCalls.contentType(refused));
            assertTrue(refused.body().contains("is read-only"), refused.body());
        }
    }

    @Test
    void aStoreLimitedCredentialReachesOnlyItsStores() throws Exception {
        String token = create("alpha and beta", false, " Alpha.myshopify.com,beta.myshopify.com ");
        assertEquals(
                "read and write · stores alpha.myshopify.com, beta.myshopify.com",
                browser.text(By.id("scope-" + WmsApiAdmin.keyIdOf(token))));

        HttpResponse<String> other = WmsApiCalls.get("/api/v1/stores/gamma.myshopify.com/order-filters", token);
        assertEquals(403, other.statusCode(), other.body());
        assertTrue(other.body().contains("gamma.myshopify.com is not one of them"), other.body());
        HttpResponse<String> own = WmsApiCalls.get("/api/v1/stores/" + ALPHA + "/order-filters", token);
        assertEquals(404, own.statusCode(), "past the scope check; no such store here: " + own.body());

        for (String[] call : EVERY_STORE) {
            HttpResponse<String> refused = call(call, token);
            assertEquals(403, refused.statusCode(), call[0] + " " + call[1] + ": " + refused.body());
            assertTrue(refused.body().contains("reaches every store"), refused.body());
        }

        HttpResponse<String> feed = WmsApiCalls.get("/api/v1/orders/feed", token);
        assertEquals(200, feed.statusCode(), feed.body());
        for (JsonObject entry : WmsApiCalls.object(feed).getJsonArray("entries").getValuesAs(JsonObject.class)) {
            assertTrue(Set.of(ALPHA, "beta.myshopify.com").contains(entry.getString("store")), entry.toString());
        }
    }

    @Test
    void aWarehouseLimitedCredentialReportsMovementsOfItsWarehousesOnly() throws Exception {
        String token = create("wh-a", false, "", "WH-SCOPE-A");
        assertEquals(
                "read and write · every store · warehouses WH-SCOPE-A",
                browser.text(By.id("scope-" + WmsApiAdmin.keyIdOf(token))));
        String movement = "[{\"movementId\":\"scope-%s\",\"product\":\"P-SCOPE\",\"warehouse\":\"%s\","
                + "\"sellableAfter\":5,\"sequence\":1,\"occurredAt\":\"2026-12-01T10:00:00Z\"}]";

        HttpResponse<String> other = call(
                new String[] {"POST", "/api/v1/stock-movements", movement.formatted(UUID.randomUUID(), "WH-SCOPE-B")},
                token);
        assertEquals(403, other.statusCode(), other.body());
        assertEquals("application/problem+json", WmsApiCalls.contentType(other));
        assertTrue(other.body().contains("these movements are in WH-SCOPE-B"), other.body());

        HttpResponse<String> own = call(
                new String[] {"POST", "/api/v1/stock-movements", movement.formatted(UUID.randomUUID(), "WH-SCOPE-A")},
                token);
        assertTrue(
                own.statusCode() != 403,
                "past the scope check (the warehouse is not registered here): " + own.statusCode() + " " + own.body());

        HttpResponse<String> everyWarehouse = WmsApiCalls.get("/api/v1/warehouses", token);
        assertEquals(403, everyWarehouse.statusCode());
        assertTrue(everyWarehouse.body().contains("reaches every warehouse"), everyWarehouse.body());
    }

    @Test
    void aStoreListThatIsNotStoresIsRefusedAndCreatesNothing() {
        browser.open("/admin/wms-api.xhtml");
        int rows = browser.driver()
                .findElements(By.cssSelector("tr[id^='credential-']"))
                .size();
        browser.type(By.id("create:name"), "bad stores");
        browser.type(By.id("create:stores"), "alpha.myshopify.com, evil.example.com");
        browser.click(By.id("create:create-credential"));
        String error = browser.text(By.cssSelector("#create .message.error"));
        assertTrue(error.contains("evil.example.com"), "the entry is named: " + error);
        browser.open("/admin/wms-api.xhtml");
        assertEquals(
                rows,
                browser.driver()
                        .findElements(By.cssSelector("tr[id^='credential-']"))
                        .size());
    }

    private static String create(String name, boolean readOnly, String stores) {
        return create(name, readOnly, stores, "");
    }

    private static String create(String name, boolean readOnly, String stores, String warehouses) {
        browser.open("/admin/wms-api.xhtml");
        browser.type(
                By.id("create:name"), name + " " + UUID.randomUUID().toString().substring(0, 8));
        if (readOnly) {
            browser.click(By.id("create:read-only"));
        }
        if (!stores.isEmpty()) {
            browser.type(By.id("create:stores"), stores);
        }
        if (!warehouses.isEmpty()) {
            browser.type(By.id("create:warehouses"), warehouses);
        }
        browser.click(By.id("create:create-credential"));
        String token = browser.text(By.id("new-secret")).trim();
        browser.open("/admin/wms-api.xhtml");
        return token;
    }

    private static HttpResponse<String> call(String[] call, String token) throws Exception {
        HttpRequest.Builder request = WmsApiCalls.request(call[1], token).header("Content-Type", "application/json");
        request.method(
                call[0],
                call[2] == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(call[2]));
        return WmsApiCalls.send(request);
    }
}
