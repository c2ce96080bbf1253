package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.json;
import static wms.shopify.it.WmsFixture.quantities;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import wms.shopify.sandbox.FulfillmentService;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Shop;

/**
 * A store that runs another fulfillment app beside the connector (a 3PL's fulfillment service, with its own location
 * on Shopify): the location sync knows that location as the other app's, the mapping refuses to give it a warehouse,
 * an order split between the merchant's location and the 3PL's reaches the WMS with the merchant's lines only and
 * lists the others, an order entirely at the 3PL is not handed over (its reason on the Orders page), and a shipment
 * naming the 3PL's units is refused as not the WMS's to ship.
 */
class AnotherAppFulfillmentIT {

    private static final String DOMAIN = "another-app-it.myshopify.com";

    static SandboxConnector connector;
    static Shop shop;
    static Location main;
    static FulfillmentService threePl;
    static WmsFixture wms;
    static long storeId;

    @BeforeAll
    static void storeWithAThreePlBesideTheConnector() throws Exception {
        connector = SandboxConnector.get();
        shop = connector.sandbox().createShop(DOMAIN, Plan.STANDARD);
        main = shop.addLocation("Main warehouse");
        threePl = shop.addAnotherAppsFulfillmentService("ShipFast 3PL", "shipfast");
        shop.addProduct("Mug", "OA-MUG");
        shop.addProduct("Plate", "OA-PLATE");
        for (String sku : List.of("OA-MUG", "OA-PLATE")) {
            shop.stock(sku, main, 50);
            shop.stock(sku, threePl.location(), 50);
        }
        wms = new WmsFixture(connector, "another-app-it");
        storeId = wms.installForOrders(shop, main, "WH-OA", null);
        wms.catalog(DOMAIN, "W-OA-MUG", "OA-MUG", "W-OA-PLATE", "OA-PLATE");
    }

    @Test
    void theLocationSyncKnowsTheThreePlsLocationAsAnotherAppsAndTheMappingRefusesIt() throws Exception {
        String threePlRow =
                "select coalesce(fulfillment_service_name, '-') || '|' || coalesce(fulfillment_service_handle,"
                        + " '-') || '|' || coalesce(warehouse_id::text, 'unmapped') from store_location where "
                        + "shopify_location_id = ?";
        assertEquals(
                "ShipFast 3PL|shipfast-3pl|unmapped",
                wms.text(threePlRow, threePl.location().id()));
        assertTrue(wms.text(
                        "select coalesce(fulfillment_service_name, 'merchant') from store_location "
                                + "where shopify_location_id = ?",
                        main.id())
                .equals("merchant"));

        String path = "/admin/store-settings.xhtml?store=" + storeId;
        String page = connector.get(wms.admin, path).body();
        int row = rowOf(page, "ShipFast 3PL");
        assertTrue(
                page.contains(
                                "fulfilled by ShipFast 3PL (another app): Shopify&#39;s orders there are not the WMS&#39;s")
                        || page.contains(
                                "fulfilled by ShipFast 3PL (another app): Shopify's orders there are not the WMS's"),
                "the page says whose location it is");
        String warehouse = String.valueOf(wms.longValue("select id from warehouse where code = 'WH-OA'"));
        HttpResponse<String> refused = connector.post(
                wms.admin,
                path,
                FacesForm.of(page, "settings")
                        .set(selectName(page, row, "warehouse"), warehouse)
                        .submittedWith("settings:save", "Save settings"));
        assertEquals(200, refused.statusCode());
        assertTrue(
                refused.body().contains("ShipFast 3PL is fulfilled by ShipFast 3PL (another app)")
                        && refused.body().contains("cannot be mapped to a warehouse"),
                refused.body());
        assertEquals(
                "ShipFast 3PL|shipfast-3pl|unmapped",
                wms.text(threePlRow, threePl.location().id()),
                "nothing changed");
    }

    @Test
    void aSplitOrderReachesTheWmsWithTheMerchantsLinesOnlyAndListsTheThreePls() throws Exception {
        var order = shop.placeSplitOrder(
                true, Map.of(main, Map.of("OA-MUG", 2), threePl.location(), Map.of("OA-PLATE", 3, "OA-MUG", 1)));
        JsonObject[] entry = new JsonObject[1];
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> (entry[0] = wms.orderEntry(order.id())) != null,
                "the split order in the feed",
                () -> wms.text(
                        "select coalesce(string_agg(state || ' ' || coalesce(state_note, ''), ', '), 'none') "
                                + "from shop_order where shopify_order_id = ?",
                        order.id()));
        assertEquals(Map.of("W-OA-MUG", 2), quantities(entry[0]), "only the merchant's location's units");
        assertEquals("WH-OA", entry[0].getString("warehouse"));
        var theirs = entry[0].getJsonArray("fulfilledByAnotherApp");
        assertEquals(2, theirs.size(), theirs.toString());
        for (var value : theirs) {
            JsonObject line = value.asJsonObject();
            assertEquals("fulfilled by ShipFast 3PL (another app)", line.getString("fulfilledBy"));
            assertEquals(threePl.location().id(), line.getString("location"));
        }
        assertEquals(
                Map.of("W-OA-PLATE", 3, "W-OA-MUG", 1),
                Map.of(
                        theirs.getJsonObject(0).getString("product"),
                                theirs.getJsonObject(0).getInt("quantity"),
                        theirs.getJsonObject(1).getString("product"),
                                theirs.getJsonObject(1).getInt("quantity")));
        String demand =
                "select coalesce(sum(quantity), 0) from order_demand where shopify_order_id = '" + order.id() + "'";
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> wms.longValue(demand) == 2,
                "the WMS's demand: the merchant location's units only",
                () -> "demand " + wms.longValue(demand));

        long orderId = wms.acceptedOrder(order.id());
        // A shipment naming the 3PL's units is refused, and nothing is stored or sent to Shopify.
        HttpResponse<String> plates = shipment("OA-SHIP-1", orderId, "W-OA-PLATE", 3);
        assertEquals(422, plates.statusCode(), plates.body());
        assertTrue(
                plates.body().contains("fulfilled by ShipFast 3PL (another app): not the WMS's to ship"),
                plates.body());
        HttpResponse<String> tooManyMugs = shipment("OA-SHIP-2", orderId, "W-OA-MUG", 3);
        assertEquals(422, tooManyMugs.statusCode(), tooManyMugs.body());
        assertTrue(
                tooManyMugs.body().contains("the rest is fulfilled by ShipFast 3PL (another app)"), tooManyMugs.body());
        assertEquals(0, wms.count("select count(*) from shipment where shipment_key like 'OA-SHIP-%'"));
        assertTrue(order.fulfillments().isEmpty());

        // The merchant's own units ship as always; the 3PL's fulfillment order is left to that app.
        HttpResponse<String> mugs = shipment("OA-SHIP-3", orderId, "W-OA-MUG", 2);
        assertEquals(202, mugs.statusCode(), mugs.body());
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> "FULFILLED"
                        .equals(json(wms.api("GET", "/api/v1/shipments/OA-SHIP-3", null))
                                .getString("state")),
                "the merchant's part fulfilled",
                () -> wms.api("GET", "/api/v1/shipments/OA-SHIP-3", null).body());
        assertEquals(1, order.fulfillments().size());
        var atThreePl = order.fulfillmentOrders().stream()
                .filter(fo -> fo.location() == threePl.location())
                .findFirst()
                .orElseThrow();
        assertEquals("OPEN", atThreePl.status(), "the 3PL's units untouched");
    }

    @Test
    void anOrderEntirelyAtTheThreePlIsNotHandedOverAndTheOrdersPageSaysWhy() throws Exception {
        var order = shop.placeOrder(threePl.location(), true, Map.of("OA-PLATE", 1));
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> "ANOTHER_APP"
                        .equals(wms.text("select state from shop_order where shopify_order_id = ?", order.id())),
                "the order decided as another app's",
                () -> wms.text(
                        "select coalesce(string_agg(state || ' ' || coalesce(state_note, ''), ', '), 'none') "
                                + "from shop_order where shopify_order_id = ?",
                        order.id()));
        assertEquals(
                "Not handed to the WMS: every unit is fulfilled by ShipFast 3PL (another app).",
                wms.text("select state_note from shop_order where shopify_order_id = ?", order.id()));
        assertNull(wms.orderEntry(order.id()), "never in the feed");
        assertEquals(
                "no hold|not in the feed",
                wms.text(
                        "select coalesce(hold_reason, 'no hold') || '|' || coalesce(feed_seq::text, 'not in the feed') "
                                + "from shop_order where shopify_order_id = ?",
                        order.id()),
                "a decision, not a hold");
        assertEquals(
                0,
                wms.count("select count(*) from order_demand where shopify_order_id = '" + order.id() + "'"),
                "no demand at a location the WMS does not stock");
        WmsFixture.await(
                Duration.ofSeconds(30),
                () -> wms.count("select count(*) from activity_event where message like '%" + order.name() + " of "
                                + DOMAIN + " is not handed to the WMS: every unit is fulfilled by ShipFast 3PL%'")
                        == 1,
                "one Activity entry saying why",
                () -> "");

        long rowId = wms.count("select id from shop_order where shopify_order_id = '" + order.id() + "'");
        try (Browser browser = new Browser()) {
            browser.visit(connector.url() + "/admin/orders.xhtml");
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
            browser.visit(connector.url() + "/admin/orders.xhtml?state=ANOTHER_APP");
            String row = browser.text(By.cssSelector("tr[data-rk='" + rowId + "']"));
            assertTrue(row.contains("Fulfilled by another app"), row);
            assertTrue(row.contains("every unit is fulfilled by ShipFast 3PL (another app)"), row);
            assertTrue(row.contains("1 × W-OA-PLATE fulfilled by ShipFast 3PL (another app)"), row);
            browser.screenshot("orders-another-app");
        }
    }

    private static HttpResponse<String> shipment(String id, long orderId, String product, int quantity)
            throws Exception {
        return ShippedOrderFixture.ship(
                wms,
                ShippedOrderFixture.shipment(id, orderId, null, ShippedOrderFixture.lines(product, quantity))
                        .build()
                        .toString());
    }

    /** The row index of the location named so on Store Settings. */
    private static int rowOf(String page, String name) {
        Matcher row =
                Pattern.compile("<tr id=\"location-(\\d+)\">\\s*<td>([^<]*)").matcher(page);
        while (row.find()) {
            if (row.group(2).startsWith(name)) {
                return Integer.parseInt(row.group(1));
            }
        }
        throw new AssertionError("no location " + name + " on the page:\n" + page);
    }

    /** The name of a row's select (warehouse or process) as Faces rendered it. */
    private static String selectName(String page, int row, String select) {
        Matcher name = Pattern.compile("name=\"(settings:[^\"]*:" + row + ":" + select + ")\"")
                .matcher(page);
        assertTrue(name.find(), "a " + select + " select in row " + row);
        return name.group(1);
    }
}
