package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Order;
import wms.shopify.sandbox.Shop;

/**
 * Filters as the merchant thinks (issue 19 §2), against the running connector and the Shopify sandbox: tags to
 * include and exclude, sales channels, shipping methods and destination countries, chosen from the values Shopify
 * offers (the ISO countries; the tags, channels and methods seen on the store's orders, kept as the orders are read)
 * through the API and Store Settings' pickers; an order is decided again when it changes on Shopify (tagged) and when
 * the choices change; the JSON of before stays valid and changes none of them; a bad value is a 400 naming the field.
 */
class OrderFilterChoicesIT {

    private static final String DOMAIN = "filter-choices-it.myshopify.com";

    static SandboxConnector connector;
    static Shop shop;
    static Location main;
    static WmsFixture wmsApi;

    @BeforeAll
    static void storeWithMappedCatalog() throws Exception {
        connector = SandboxConnector.get(SandboxConnector.SHIPPING_SETTINGS);
        shop = WmsFixture.stockedShop(connector, DOMAIN, "Choices main", 100, "Shirt", "FC-SHIRT", "Mug", "FC-MUG");
        main = shop.location("Choices main");
        wmsApi = new WmsFixture(connector, "filter-choices-it");
        wmsApi.installForOrders(shop, main, "WH-CHOICE", null);
        wmsApi.catalog(DOMAIN, "XC-SHIRT", "FC-SHIRT", "XC-MUG", "FC-MUG");
    }

    @Test
    void anOrderWithoutTheChosenTagIsFilteredOutAndGoesOnceTaggedOnShopify() throws Exception {
        choose("\"tagsIncluded\":[\"VIP\"],\"tagsExcluded\":[],\"countries\":[]");
        Order order = shop.placeOrder(main, true, Map.of("FC-SHIRT", 1));
        awaitState(order, "FILTERED");
        assertTrue(column("state_note", order).contains("it has none of the tags [vip]"), column("state_note", order));
        assertNull(wmsApi.orderEntry(order.id()));

        shop.tagOrder(order, "Vip", "gift");
        assertEquals("ORDER", awaitEntry(order).getString("kind"), "tagged on Shopify: decided again, it passes");

        JsonObject values = json(wmsApi.api("GET", "/api/v1/stores/" + DOMAIN + "/order-filters/values", null));
        assertTrue(strings(values, "tags").containsAll(Set.of("vip", "gift")), values.toString());
        assertTrue(strings(values, "salesChannels").contains("web"), values.toString());
        assertTrue(strings(values, "shippingMethods").contains("standard shipping"), values.toString());
        assertTrue(strings(values, "countries").containsAll(Set.of("US", "DE", "FR")), values.toString());
    }

    @Test
    void aDestinationCountryNotChosenIsFilteredOutUntilTheChoiceIncludesIt() throws Exception {
        choose("\"tagsIncluded\":[],\"tagsExcluded\":[\"wholesale\"],\"countries\":[\"de\"]");
        Order order = shop.placeOrder(main, true, Map.of("FC-MUG", 2));
        awaitState(order, "FILTERED");
        assertTrue(
                column("state_note", order).contains("destination country US is not among [DE]"),
                column("state_note", order));

        HttpResponse<String> saved = choose("\"countries\":[\"DE\",\"US\"]");
        assertEquals(List.of("DE", "US"), List.copyOf(strings(json(saved), "countries")));
        assertEquals(List.of("wholesale"), List.copyOf(strings(json(saved), "tagsExcluded")), "left out: kept");
        assertEquals("ORDER", awaitEntry(order).getString("kind"), "the choice changed: decided again");
        assertTrue(
                activity("Order filters of " + DOMAIN + " changed:%not tagged [wholesale]%countries [DE, US].") >= 1);
    }

    @Test
    void theJsonOfBeforeKeepsTheChoicesAndABadValueIsA400NamingTheField() throws Exception {
        choose("\"tagsIncluded\":[],\"tagsExcluded\":[\"wholesale\"],\"countries\":[\"CA\"]");
        HttpResponse<String> before = wmsApi.api(
                "PUT",
                "/api/v1/stores/" + DOMAIN + "/order-filters",
                "{\"orderStatuses\":[],\"financialStatuses\":[],\"fulfillmentStatuses\":[],\"testOrders\":false}");
        assertEquals(200, before.statusCode(), before.body());
        assertEquals(List.of("CA"), List.copyOf(strings(json(before), "countries")));

        assertEquals(Set.of("countries"), refused("\"countries\":[\"XX\"]"));
        assertEquals(Set.of("tagsIncluded"), refused("\"tagsIncluded\":\"vip\""));
        assertEquals(Set.of("shippingMethods"), refused("\"shippingMethods\":[1]"));
        assertEquals(Set.of("tagsExcluded"), refused("\"tagsIncluded\":[\"wholesale\"]"));
        JsonObject now = json(wmsApi.api("GET", "/api/v1/stores/" + DOMAIN + "/order-filters", null));
        assertEquals(List.of("CA"), List.copyOf(strings(now, "countries")), "refused: nothing changed");
        assertEquals(List.of(), List.copyOf(strings(now, "tagsIncluded")));
    }

    @Test
    void storeSettingsOffersTheSeenValuesAndTheCountriesAsPickers() throws Exception {
        choose("\"tagsIncluded\":[],\"tagsExcluded\":[],\"countries\":[],\"salesChannels\":[]");
        Order tagged = shop.placeOrder(main, true, Map.of("FC-SHIRT", 1));
        shop.tagOrder(tagged, "Pre-order");
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> strings(
                                json(wmsApi.api("GET", "/api/v1/stores/" + DOMAIN + "/order-filters/values", null)),
                                "tags")
                        .contains("pre-order"),
                "the tag seen on the store's orders",
                () -> "");
        long storeId = wmsApi.storeId(DOMAIN);
        try (Browser browser = new Browser()) {
            browser.visit(connector.url() + "/admin/store-settings.xhtml?store=" + storeId);
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
            browser.visit(connector.url() + "/admin/store-settings.xhtml?store=" + storeId);

            // A tag seen on the store's orders, found by typing part of it in the list.
            pick(browser, "tags-excluded", "pre", "pre-order");
            // A sales channel seen.
            pick(browser, "sales-channels", "we", "web");
            // A tag not seen yet, typed.
            browser.type(By.id("settings:new-tags-included"), "B2B");
            // Two countries from the list of every country, found by name.
            pick(browser, "countries", "Germany", "DE — Germany");
            pick(browser, "countries", "Austria", "AT — Austria");
            browser.driver().findElement(By.tagName("h1")).click();
            assertEquals(List.of(), Accessibility.seriousViolations(browser), "with the pickers filled");
            browser.screenshot("store-settings-order-filter-pickers");
            browser.click(By.id("settings:save"));
            assertEquals("Settings saved.", browser.text(By.id("saved")));
            assertEquals(
                    "pre-order",
                    browser.text(By.cssSelector("#settings\\:tags-excluded .ui-selectcheckboxmenu-label")),
                    "shown as saved");
        }
        JsonObject saved = json(wmsApi.api("GET", "/api/v1/stores/" + DOMAIN + "/order-filters", null));
        assertEquals(List.of("pre-order"), List.copyOf(strings(saved, "tagsExcluded")));
        assertEquals(List.of("b2b"), List.copyOf(strings(saved, "tagsIncluded")));
        assertEquals(List.of("web"), List.copyOf(strings(saved, "salesChannels")));
        assertEquals(List.of("AT", "DE"), List.copyOf(strings(saved, "countries")));
        choose("\"tagsIncluded\":[],\"tagsExcluded\":[],\"countries\":[],\"salesChannels\":[]");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** Opens a picker of Store Settings, finds the value by typing part of it, ticks it and closes the picker. */
    private static void pick(Browser browser, String id, String typed, String label) {
        browser.tick("settings:" + id, typed, label);
    }

    private static HttpResponse<String> choose(String choices) throws Exception {
        HttpResponse<String> saved = put(choices);
        assertEquals(200, saved.statusCode(), saved.body());
        return saved;
    }

    private static HttpResponse<String> put(String choices) throws Exception {
        return wmsApi.api(
                "PUT",
                "/api/v1/stores/" + DOMAIN + "/order-filters",
                "{\"orderStatuses\":[],\"financialStatuses\":[],\"fulfillmentStatuses\":[],\"testOrders\":false,"
                        + choices + "}");
    }

    private static Set<String> refused(String choices) throws Exception {
        HttpResponse<String> refused = put(choices);
        assertEquals(400, refused.statusCode(), refused.body());
        return json(refused).getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .collect(Collectors.toSet());
    }

    private static java.util.LinkedHashSet<String> strings(JsonObject object, String field) {
        return object.getJsonArray(field).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static void awaitState(Order order, String state) throws Exception {
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> state.equals(column("state", order)),
                "order " + order.name() + " " + state,
                () -> "; state " + column("state", order) + ", " + column("state_note", order));
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

    private static String column(String column, Order order) throws Exception {
        return wmsApi.text("select " + column + " from shop_order where shopify_order_id = ?", order.id());
    }

    private static long activity(String like) throws Exception {
        return wmsApi.count("select count(*) from activity_event where message like '" + like.replace("'", "''") + "'");
    }
}
