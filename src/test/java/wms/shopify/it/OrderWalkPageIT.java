package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import wms.shopify.sandbox.FulfillmentOrder;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Order;
import wms.shopify.sandbox.Shop;

/**
 * The browser walk of issue 19 ("Done when"): one order, placed on Shopify at two locations mapped to two warehouses,
 * walked through acceptance by the WMS, an edit on Shopify, a hold on Shopify and its release, and two shipments, one
 * from each warehouse; each step asserted on the Orders page as an operator sees it (the order's state and why), the
 * shipments with their tracking on the order's trace, which the order's name on the Orders page opens, and every page
 * checked with axe. The WMS's side goes through the WMS API; entries are acknowledged per entry, however many the
 * feed gives for the order.
 */
class OrderWalkPageIT {

    private static final String DOMAIN = "order-walk-it.myshopify.com";

    static SandboxConnector connector;
    static Shop shop;
    static Location north;
    static Location south;
    static WmsFixture wms;
    static long storeId;

    @BeforeAll
    static void storeWithTwoLocationsOfTwoWarehouses() throws Exception {
        connector = SandboxConnector.get(SandboxConnector.SHIPPING_SETTINGS);
        shop = WmsFixture.stockedShop(connector, DOMAIN, "Walk north", 100, "Shirt", "WK-SHIRT", "Mug", "WK-MUG");
        north = shop.location("Walk north");
        south = shop.addLocation("Walk south");
        shop.stock("WK-SHIRT", south, 100);
        shop.stock("WK-MUG", south, 100);
        wms = new WmsFixture(connector, "order-walk-it");
        storeId = wms.installForOrders(shop, north, "WH-WALK-N", null);
        wms.sql("update store_location set default_for_orders = false where store_id = " + storeId
                + " and shopify_location_id <> '" + north.id() + "'");
        wms.sql("insert into warehouse (code, name, updated_at) values ('WH-WALK-S', 'WH-WALK-S', now()) "
                + "on conflict (code) do nothing");
        wms.sql("update store_location set warehouse_id = (select id from warehouse where code = 'WH-WALK-S') "
                + "where shopify_location_id = '" + south.id() + "'");
        wms.catalog(DOMAIN, "WK-W-SHIRT", "WK-SHIRT", "WK-W-MUG", "WK-MUG");
    }

    @Test
    void oneOrderWalksThroughEditHoldReleaseAndASplitShipmentOnTheOrdersPage() throws Exception {
        Map<Location, Map<String, Integer>> routed = new LinkedHashMap<>();
        routed.put(north, Map.of("WK-SHIRT", 3));
        routed.put(south, Map.of("WK-MUG", 1));
        Order order = shop.placeSplitOrder(true, routed);
        long rowId;
        try (Browser browser = new Browser()) {
            browser.visit(connector.url() + "/admin/orders.xhtml");
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);

            // 1. In the WMS's feed, then accepted by it.
            List<JsonObject> placed = awaitEntries(order, "ORDER");
            rowId = placed.get(0).getJsonNumber("orderId").longValue();
            assertRow(browser, rowId, "In WMS feed", null, "placed");
            acknowledge(placed);
            assertRow(browser, rowId, "Accepted by WMS", null, "accepted");

            // 2. Edited on Shopify: three shirts become two; the WMS is told (a change) and takes it.
            shop.editQuantities(order, Map.of("WK-SHIRT", 2));
            List<JsonObject> changed = awaitEntries(order, "CHANGE");
            assertRow(
                    browser,
                    rowId,
                    "Accepted by WMS (change in feed)",
                    "Changed on Shopify after the WMS accepted it",
                    "edited");
            acknowledge(changed);
            assertRow(browser, rowId, "Accepted by WMS", null, "change taken");

            // 3. Held on Shopify (the address is wrong): the WMS is told to stop.
            FulfillmentOrder atNorth = fulfillmentOrderAt(order, north);
            shop.hold(atNorth, "INCORRECT_ADDRESS", "street number missing");
            List<JsonObject> held = awaitEntries(order, "HOLD");
            assertRow(
                    browser,
                    rowId,
                    "Accepted by WMS · on hold on Shopify (hold in feed)",
                    "On hold on Shopify",
                    "held");
            assertTrue(browser.text(why(rowId)).contains("street number missing"), browser.text(why(rowId)));
            acknowledge(held);

            // 4. Released on Shopify: the WMS is told to carry on.
            shop.releaseHolds(atNorth);
            List<JsonObject> released = awaitEntries(order, "RELEASE");
            assertRow(browser, rowId, "Accepted by WMS (release in feed)", "Hold released on Shopify", "released");
            acknowledge(released);
            assertRow(browser, rowId, "Accepted by WMS", null, "release taken");

            // 5. Shipped from each warehouse on its own, each parcel with its tracking number.
            ship("WALK-N", rowId, "WK-W-SHIRT", 2, "1ZWALKNORTH");
            awaitShipment("WALK-N");
            assertRow(browser, rowId, "Accepted by WMS · partially shipped", null, "first shipment");
            ship("WALK-S", rowId, "WK-W-MUG", 1, "1ZWALKSOUTH");
            awaitShipment("WALK-S");
            assertRow(browser, rowId, "Accepted by WMS · shipped", null, "both shipments");

            // The operator opens the order from the Orders page: both shipments, each with its tracking number.
            browser.click(By.cssSelector("tr[data-rk='" + rowId + "'] a.trace-link"));
            browser.awaitPageContaining("Shipment reported");
            List<String> shipments = browser.driver().findElements(By.cssSelector("tr.trace-event")).stream()
                    .filter(row ->
                            row.findElement(By.cssSelector(".step")).getText().equals("Shipment reported"))
                    .map(row -> row.findElement(By.cssSelector(".what")).getText() + " | "
                            + row.findElement(By.cssSelector(".detail")).getText())
                    .sorted()
                    .toList();
            assertEquals(2, shipments.size(), shipments.toString());
            assertTrue(
                    shipments.get(0).contains("tracking 1ZWALKNORTH")
                            && shipments.get(0).contains("WALK-N"),
                    shipments.get(0));
            assertTrue(
                    shipments.get(1).contains("tracking 1ZWALKSOUTH")
                            && shipments.get(1).contains("WALK-S"),
                    shipments.get(1));
            long fulfilled = browser.driver().findElements(By.cssSelector("tr.trace-event .step")).stream()
                    .map(WebElement::getText)
                    .filter("Fulfillment on Shopify"::equals)
                    .count();
            assertEquals(2, fulfilled, "each shipment fulfilled on Shopify");
            browser.screenshot("order-walk-trace");
            assertEquals(List.of(), Accessibility.seriousViolations(browser), "the order's trace");
        }

        // What Shopify has: one fulfillment from each location, with its tracking number.
        Map<String, String> trackingByLocation = order.fulfillments().stream()
                .collect(Collectors.toMap(
                        f -> f.location().name(),
                        f -> f.trackingInfo().stream()
                                .map(t -> String.valueOf(t.get("number")))
                                .collect(Collectors.joining(","))));
        assertEquals(Map.of("Walk north", "1ZWALKNORTH", "Walk south", "1ZWALKSOUTH"), trackingByLocation);
        assertEquals("FULFILLED", order.displayFulfillmentStatus());
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /**
     * Opens the store's orders and waits until the order's row shows the state (exactly) and, when given, a why
     * containing the text; then checks the page with axe.
     */
    private static void assertRow(Browser browser, long rowId, String state, String whyContains, String step)
            throws Exception {
        String[] seen = new String[2];
        WmsFixture.await(
                Duration.ofSeconds(30),
                () -> {
                    browser.visit(connector.url() + "/admin/orders.xhtml?store=" + storeId);
                    seen[0] = browser.text(By.cssSelector("tr[data-rk='" + rowId + "'] .state"));
                    seen[1] = browser.text(why(rowId));
                    return seen[0].equals(state) && (whyContains == null || seen[1].contains(whyContains));
                },
                "the Orders page to show \"" + state + "\" (" + step + ")",
                () -> "; it shows \"" + seen[0] + "\", why \"" + seen[1] + "\"");
        browser.screenshot("order-walk-" + step.replace(' ', '-'));
        assertEquals(List.of(), Accessibility.seriousViolations(browser), "the Orders page, " + step);
    }

    private static By why(long rowId) {
        return By.cssSelector("tr[data-rk='" + rowId + "'] .why");
    }

    /** The order's entries of this kind in the feed (one or more: the feed may give one per warehouse). */
    private static List<JsonObject> awaitEntries(Order order, String kind) throws Exception {
        @SuppressWarnings("unchecked")
        List<JsonObject>[] found = new List[1];
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> !(found[0] = wms.feed("orders", 500).stream()
                                .filter(e -> e.getString("shopifyOrderId").equals(order.id()))
                                .filter(e -> e.getString("kind").equals(kind))
                                .toList())
                        .isEmpty(),
                "a " + kind + " entry of order " + order.name(),
                () -> "; the order's entries: "
                        + wms.feed("orders", 500).stream()
                                .filter(e -> e.getString("shopifyOrderId").equals(order.id()))
                                .toList());
        return found[0];
    }

    private static void acknowledge(List<JsonObject> entries) throws Exception {
        for (JsonObject entry : entries) {
            // An order over two warehouses is one entry per warehouse, each acknowledged by its warehouse.
            var body = Json.createObjectBuilder()
                    .add("revision", entry.getJsonNumber("revision").longValue());
            if (!entry.getJsonArray("parts").isEmpty()) {
                body.add("warehouse", entry.getString("warehouse"));
            }
            HttpResponse<String> acknowledged = wms.api(
                    "POST",
                    "/api/v1/orders/" + entry.getJsonNumber("orderId").longValue() + "/acknowledgement",
                    body.build().toString());
            assertEquals(200, acknowledged.statusCode(), acknowledged.body());
        }
    }

    private static FulfillmentOrder fulfillmentOrderAt(Order order, Location location) {
        return order.fulfillmentOrders().stream()
                .filter(fo -> fo.location() == location)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fulfillment order at " + location.name()));
    }

    private static void ship(String key, long orderId, String product, int quantity, String tracking) throws Exception {
        String body = Json.createObjectBuilder()
                .add("shipmentId", key)
                .add("orderId", orderId)
                .add("warehouse", "WH-" + key) // each warehouse ships its own part
                .add("carrier", "UPS")
                .add("shippedAt", "2026-12-07T10:00:00Z")
                .add(
                        "lines",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("product", product)
                                        .add("quantity", quantity)))
                .add(
                        "parcels",
                        Json.createArrayBuilder().add(Json.createObjectBuilder().add("trackingNumber", tracking)))
                .build()
                .toString();
        HttpResponse<String> answer = wms.api("POST", "/api/v1/shipments", body);
        assertTrue(Set.of(200, 202).contains(answer.statusCode()), answer.statusCode() + " " + answer.body());
    }

    private static void awaitShipment(String key) throws Exception {
        JsonObject[] found = new JsonObject[1];
        WmsFixture.await(
                Duration.ofSeconds(120),
                () -> {
                    HttpResponse<String> response = wms.api("GET", "/api/v1/shipments/" + key, null);
                    found[0] = response.statusCode() == 200 ? json(response) : null;
                    return found[0] != null && "FULFILLED".equals(found[0].getString("state"));
                },
                "shipment " + key + " fulfilled on Shopify",
                () -> "; shipment " + found[0]);
    }
}
