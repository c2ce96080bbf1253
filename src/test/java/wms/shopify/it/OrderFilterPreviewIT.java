package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Order;
import wms.shopify.sandbox.Shop;

/**
 * The order filter preview (issues 19 and 21), against the running connector and the Shopify sandbox: Store Settings'
 * status filters are pickers of Shopify's enumerations, and as they change the page says how many of the store's
 * recent orders they would filter out, against the filters saved; the API answers the same for a PUT body, changing
 * nothing, and refuses a value Shopify does not have. Each test has a store of its own, so that the counts are those
 * of the orders it placed.
 */
class OrderFilterPreviewIT {

    static SandboxConnector connector;
    static WmsFixture wmsApi;

    /** Every status through, test orders not: the filters each test starts from. */
    private static final String OPEN_FILTERS =
            "{\"orderStatuses\":[],\"financialStatuses\":[],\"fulfillmentStatuses\":[],\"testOrders\":false,"
                    + "\"tagsIncluded\":[],\"tagsExcluded\":[],\"salesChannels\":[],\"shippingMethods\":[],"
                    + "\"countries\":[]}";

    @BeforeAll
    static void connector() throws Exception {
        connector = SandboxConnector.get(SandboxConnector.SHIPPING_SETTINGS);
        wmsApi = new WmsFixture(connector, "filter-preview-it");
    }

    @Test
    void storeSettingsShowsWhatTickedStatusesWouldFilterOutAndSavesThem() throws Exception {
        String domain = "filter-preview-page-it.myshopify.com";
        Shop shop = store(domain);
        Location main = shop.location("Preview main");
        Order paid = shop.placeOrder(main, true, Map.of("FP-SHIRT", 1));
        Order unpaid = shop.placeOrder(main, false, Map.of("FP-SHIRT", 1));
        awaitFacts(domain, paid, unpaid);
        long storeId = wmsApi.storeId(domain);
        By preview = By.id("settings:filter-preview");
        try (Browser browser = new Browser()) {
            browser.visit(connector.url() + "/admin/store-settings.xhtml?store=" + storeId);
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
            browser.visit(connector.url() + "/admin/store-settings.xhtml?store=" + storeId);
            assertEquals(
                    "These filters would filter out 0 of the last 2 orders: as many as now.", browser.text(preview));

            // Only paid orders: the unpaid one would be filtered out (shown without a reload, nothing saved yet).
            browser.tick("settings:financial-statuses", null, "Paid");
            browser.awaitText(preview, "These filters would filter out 1 of the last 2 orders: 1 more than now.");
            // Only fulfilled ones as well: neither order is.
            browser.tick("settings:fulfillment-statuses", null, "Fulfilled");
            browser.awaitText(preview, "These filters would filter out 2 of the last 2 orders: 2 more than now.");
            browser.tick("settings:fulfillment-statuses", null, "Fulfilled");
            browser.awaitText(preview, "These filters would filter out 1 of the last 2 orders: 1 more than now.");
            // Open orders only: both are open.
            browser.tick("settings:order-statuses", null, "Open");
            browser.awaitText(preview, "These filters would filter out 1 of the last 2 orders: 1 more than now.");
            assertEquals(
                    "Open", browser.text(By.cssSelector("#settings\\:order-statuses .ui-selectcheckboxmenu-label")));
            assertEquals(
                    "Paid",
                    browser.text(By.cssSelector("#settings\\:financial-statuses .ui-selectcheckboxmenu-label")));
            assertEquals(
                    "Every fulfillment status",
                    browser.text(By.cssSelector("#settings\\:fulfillment-statuses .ui-selectcheckboxmenu-label")));
            browser.awaitSettled();
            assertEquals(List.of(), Accessibility.seriousViolations(browser), "with the statuses ticked");
            assertEquals("[]", browser.cspViolations(), "no Content-Security-Policy violation by the pickers' ajax");
            browser.screenshot("store-settings-filter-preview");
            assertEquals(List.of(), strings(filters(domain), "financialStatuses"), "the preview saves nothing");

            browser.click(By.id("settings:save"));
            assertEquals("Settings saved.", browser.text(By.id("saved")));
            assertEquals(
                    "These filters would filter out 1 of the last 2 orders: as many as now.", browser.text(preview));
        }
        JsonObject saved = filters(domain);
        assertEquals(List.of("open"), strings(saved, "orderStatuses"));
        assertEquals(List.of("paid"), strings(saved, "financialStatuses"));
        assertEquals(List.of(), strings(saved, "fulfillmentStatuses"));
    }

    @Test
    void theApiPreviewsAPutBodyChangingNothingAndRefusesAnUnknownStatus() throws Exception {
        String domain = "filter-preview-api-it.myshopify.com";
        Shop shop = store(domain);
        Location main = shop.location("Preview main");
        Order paid = shop.placeOrder(main, true, Map.of("FP-SHIRT", 1));
        Order unpaid = shop.placeOrder(main, false, Map.of("FP-SHIRT", 1));
        Order test = shop.placeOrder(main, true, Map.of("FP-SHIRT", 1), true, null);
        shop.tagOrder(paid, "VIP");
        awaitFacts(domain, paid, unpaid, test);
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> "VIP".equals(wmsApi.text("select tags from shop_order where shopify_order_id = ?", paid.id())),
                "the tag read",
                () -> "");
        JsonObject before = filters(domain);

        // Now the test order is filtered out (test orders are not imported); paid only adds the unpaid one.
        JsonObject paidOnly = preview(domain, "\"financialStatuses\":[\"paid\"]", 200);
        assertEquals(3, paidOnly.getInt("orders"), paidOnly.toString());
        assertEquals(2, paidOnly.getInt("filteredOut"), paidOnly.toString());
        assertEquals(1, paidOnly.getInt("filteredOutNow"), paidOnly.toString());
        assertEquals(1, paidOnly.getInt("moreThanNow"), paidOnly.toString());
        assertEquals(0, paidOnly.getInt("notCounted"), paidOnly.toString());
        assertEquals(
                "These filters would filter out 2 of the last 3 orders: 1 more than now.",
                paidOnly.getString("summary"));

        JsonObject withTests = preview(domain, "\"testOrders\":true", 200);
        assertEquals(0, withTests.getInt("filteredOut"), withTests.toString());
        assertEquals(-1, withTests.getInt("moreThanNow"), withTests.toString());
        assertEquals(
                "These filters would filter out 0 of the last 3 orders: 1 fewer than now.",
                withTests.getString("summary"));

        // The tag, as Shopify has it now, and the order status are decided as on an order's read.
        JsonObject vip = preview(domain, "\"testOrders\":true,\"tagsIncluded\":[\"vip\"]", 200);
        assertEquals(2, vip.getInt("filteredOut"), vip.toString());
        JsonObject cancelledOnly = preview(domain, "\"orderStatuses\":[\"Cancelled\"]", 200);
        assertEquals(3, cancelledOnly.getInt("filteredOut"), cancelledOnly.toString());

        // A value Shopify does not have, and a list that is not one: refused, naming them.
        JsonObject unknown = preview(domain, "\"financialStatuses\":[\"settled\"]", 400);
        assertTrue(unknown.toString().contains("Unknown financial status \\\"settled\\\""), unknown.toString());
        JsonObject notAList = preview(domain, "\"fulfillmentStatuses\":\"unfulfilled\"", 400);
        assertEquals(
                List.of("fulfillmentStatuses"),
                notAList.getJsonArray("errors").stream()
                        .map(e -> e.asJsonObject().getString("field"))
                        .toList());
        assertEquals(before, filters(domain), "a preview changes nothing");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** A store of the test's own, installed, with every status let through (test orders not). */
    private static Shop store(String domain) throws Exception {
        Shop shop = WmsFixture.stockedShop(connector, domain, "Preview main", 100, "Shirt", "FP-SHIRT");
        wmsApi.installForOrders(shop, shop.location("Preview main"), "WH-PREVIEW", null);
        HttpResponse<String> open = wmsApi.api("PUT", "/api/v1/stores/" + domain + "/order-filters", OPEN_FILTERS);
        assertEquals(200, open.statusCode(), open.body());
        return shop;
    }

    /** Waits until the connector has read each order and kept what the filters look at of it. */
    private static void awaitFacts(String domain, Order... orders) throws Exception {
        for (Order order : orders) {
            WmsFixture.await(
                    Duration.ofSeconds(60),
                    () -> wmsApi.text(
                                    "select state from shop_order where tags is not null and shopify_order_id = ?",
                                    order.id())
                            != null,
                    "order " + order.name() + " of " + domain + " read",
                    () -> "");
        }
    }

    /** The preview of the filters that let everything through but these fields. */
    private static JsonObject preview(String domain, String fields, int status) throws Exception {
        jakarta.json.JsonObjectBuilder filters = jakarta.json.Json.createObjectBuilder(
                jakarta.json.Json.createReader(new java.io.StringReader(OPEN_FILTERS))
                        .readObject());
        jakarta.json.Json.createReader(new java.io.StringReader("{" + fields + "}"))
                .readObject()
                .forEach(filters::add);
        String body = filters.build().toString();
        HttpResponse<String> answer = wmsApi.api("POST", "/api/v1/stores/" + domain + "/order-filters/preview", body);
        assertEquals(status, answer.statusCode(), body + " -> " + answer.body());
        return json(answer);
    }

    private static JsonObject filters(String domain) throws Exception {
        return json(wmsApi.api("GET", "/api/v1/stores/" + domain + "/order-filters", null));
    }

    private static List<String> strings(JsonObject object, String field) {
        return object.getJsonArray(field).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .collect(Collectors.toList());
    }
}
