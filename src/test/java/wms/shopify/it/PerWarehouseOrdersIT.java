package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.json;
import static wms.shopify.it.WmsFixture.quantities;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import wms.shopify.sandbox.Fulfillment;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Shop;

/**
 * One order over two warehouses (issue #19 §3), against the running connector and the Shopify sandbox: Shopify routes
 * an order to two locations mapped to two warehouses, and the feed has one entry per warehouse, each with its own
 * lines; each warehouse acknowledges its entry on its own (an acknowledgement that names no warehouse, or another
 * one, is a 400 naming {@code warehouse}), ships its part on its own (a shipment naming the other warehouse's lines is
 * refused with 422, nothing stored) and its fulfillment lands at its own location; the Orders page shows each part's
 * state; a WMS credential limited to one warehouse sees and acts on that warehouse's part only; an order of one
 * warehouse is one entry as before.
 */
class PerWarehouseOrdersIT {

    private static final String DOMAIN = "per-warehouse-it.myshopify.com";
    private static final String WEST_CODE = "WH-PW-WEST";
    private static final String EAST_CODE = "WH-PW-EAST";

    static SandboxConnector connector;
    static Shop shop;
    static Location west;
    static Location east;
    static WmsFixture wms;
    /** A credential limited to the west warehouse. */
    static WmsFixture westOnly;

    static long storeId;

    @BeforeAll
    static void storeWithTwoLocationsOfTwoWarehouses() throws Exception {
        connector = SandboxConnector.get(SandboxConnector.SHIPPING_SETTINGS);
        shop = WmsFixture.stockedShop(connector, DOMAIN, "PW west", 100, "Shirt", "PW-SHIRT", "Mug", "PW-MUG");
        west = shop.location("PW west");
        east = shop.addLocation("PW east");
        shop.stock("PW-SHIRT", east, 100);
        shop.stock("PW-MUG", east, 100);
        wms = new WmsFixture(connector, "per-warehouse-it");
        storeId = wms.install(shop, west, WEST_CODE);
        wms.sql("update store_location set default_for_orders = false where store_id = " + storeId);
        wms.sql("update store_location set default_for_orders = true where shopify_location_id = '" + west.id() + "'");
        wms.sql("insert into warehouse (code, name, updated_at) values ('" + EAST_CODE + "', 'East', now()) "
                + "on conflict (code) do nothing");
        wms.sql("update store_location set warehouse_id = (select id from warehouse where code = '" + EAST_CODE
                + "') where shopify_location_id = '" + east.id() + "'");
        wms.catalog(DOMAIN, "PW-W-SHIRT", "PW-SHIRT", "PW-W-MUG", "PW-MUG");
        westOnly = new WmsFixture(connector, "per-warehouse-it-west");
        wms.sql("update api_credential set warehouses = '" + WEST_CODE + "' where name = 'per-warehouse-it-west'");
    }

    @Test
    void anOrderOverTwoWarehousesIsTwoEntriesEachAcknowledgedAndShippedOnItsOwn() throws Exception {
        var order = shop.placeSplitOrder(true, routed(Map.of("PW-SHIRT", 2), Map.of("PW-MUG", 1)));
        Map<String, JsonObject> entries = awaitEntries(wms, order.id(), 2);

        JsonObject westEntry = entries.get(WEST_CODE);
        JsonObject eastEntry = entries.get(EAST_CODE);
        assertEquals(Map.of("PW-W-SHIRT", 2), quantities(westEntry), "the west part carries the west lines only");
        assertEquals(Map.of("PW-W-MUG", 1), quantities(eastEntry));
        long orderId = westEntry.getJsonNumber("orderId").longValue();
        long revision = westEntry.getJsonNumber("revision").longValue();
        assertEquals(orderId, eastEntry.getJsonNumber("orderId").longValue(), "one order");
        assertEquals(revision, eastEntry.getJsonNumber("revision").longValue(), "one revision, one entry per part");
        assertEquals("ORDER", eastEntry.getString("kind"));
        assertEquals(westEntry.getJsonObject("shipTo"), eastEntry.getJsonObject("shipTo"), "the shared header");
        assertEquals(2, westEntry.getJsonArray("parts").size(), westEntry.toString());

        HttpResponse<String> unnamed = acknowledge(wms, orderId, revision, null);
        assertEquals(400, unnamed.statusCode(), unnamed.body());
        assertEquals(Set.of("warehouse"), fields(unnamed));
        HttpResponse<String> other = acknowledge(wms, orderId, revision, "WH-NOWHERE");
        assertEquals(400, other.statusCode(), other.body());
        assertEquals(Set.of("warehouse"), fields(other));
        assertEquals(2, entriesOf(wms, order.id()).size(), "a refused acknowledgement changes nothing");

        HttpResponse<String> early = ship(wms, shipment("PW-1-W", orderId, WEST_CODE, lines("PW-W-SHIRT", 2)));
        assertEquals(409, early.statusCode(), "not acknowledged yet: " + early.body());

        HttpResponse<String> westAck = acknowledge(wms, orderId, revision, WEST_CODE);
        assertEquals(200, westAck.statusCode(), westAck.body());
        assertEquals("done", json(westAck).getString("acknowledged"));
        assertEquals(
                "already", json(acknowledge(wms, orderId, revision, WEST_CODE)).getString("acknowledged"));
        Map<String, JsonObject> left = byWarehouse(entriesOf(wms, order.id()));
        assertEquals(Set.of(EAST_CODE), left.keySet(), "the west part left the feed, the east one waits");
        assertEquals("READY", wms.text("select state from shop_order where shopify_order_id = ?", order.id()));

        try (Browser browser = new Browser()) {
            browser.visit(connector.url() + "/admin/orders.xhtml");
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
            browser.visit(connector.url() + "/admin/orders.xhtml?state=READY&store=" + storeId);
            List<String> parts = browser.driver().findElements(By.cssSelector(".order-parts")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertTrue(
                    parts.contains(WEST_CODE + " (2 × PW-W-SHIRT): acknowledged by the WMS · " + EAST_CODE
                            + " (1 × PW-W-MUG): waiting for the WMS"),
                    parts.toString());
            browser.screenshot("order-parts-per-warehouse");
        }

        HttpResponse<String> wrongLines = ship(wms, shipment("PW-1-W", orderId, WEST_CODE, lines("PW-W-MUG", 1)));
        assertEquals(422, wrongLines.statusCode(), wrongLines.body());
        assertTrue(wrongLines.body().contains("ships from " + EAST_CODE + ", not " + WEST_CODE), wrongLines.body());
        HttpResponse<String> noWarehouse = ship(wms, shipment("PW-1-W", orderId, null, lines("PW-W-SHIRT", 2)));
        assertEquals(422, noWarehouse.statusCode(), noWarehouse.body());
        assertEquals(Set.of("warehouse"), fields(noWarehouse));
        assertEquals(404, wms.api("GET", "/api/v1/shipments/PW-1-W", null).statusCode(), "nothing stored");

        HttpResponse<String> westShipped = ship(wms, shipment("PW-1-W", orderId, WEST_CODE, lines("PW-W-SHIRT", 2)));
        assertEquals(202, westShipped.statusCode(), westShipped.body());
        JsonObject westDone = awaitShipment("PW-1-W");
        assertEquals(
                west, fulfillment(order, westDone.getString("fulfillmentId")).location());
        HttpResponse<String> eastEarly = ship(wms, shipment("PW-1-E", orderId, EAST_CODE, lines("PW-W-MUG", 1)));
        assertEquals(409, eastEarly.statusCode(), "the east part is not acknowledged yet: " + eastEarly.body());

        HttpResponse<String> eastAck = acknowledge(wms, orderId, revision, EAST_CODE);
        assertEquals(200, eastAck.statusCode(), eastAck.body());
        assertTrue(entriesOf(wms, order.id()).isEmpty(), "both parts acknowledged: out of the feed");
        assertEquals("ACCEPTED", wms.text("select state from shop_order where shopify_order_id = ?", order.id()));
        HttpResponse<String> eastShipped = ship(wms, shipment("PW-1-E", orderId, EAST_CODE, lines("PW-W-MUG", 1)));
        assertEquals(202, eastShipped.statusCode(), eastShipped.body());
        JsonObject eastDone = awaitShipment("PW-1-E");
        assertEquals(
                east, fulfillment(order, eastDone.getString("fulfillmentId")).location());
        assertEquals(2, order.fulfillments().size(), "one fulfillment per part");
        assertEquals("FULFILLED", order.displayFulfillmentStatus());
    }

    @Test
    void aCredentialLimitedToOneWarehouseSeesAndActsOnItsPartOnly() throws Exception {
        var order = shop.placeSplitOrder(true, routed(Map.of("PW-SHIRT", 1), Map.of("PW-MUG", 2)));
        awaitEntries(wms, order.id(), 2);
        List<JsonObject> seen = entriesOf(westOnly, order.id());
        assertEquals(1, seen.size(), seen.toString());
        JsonObject mine = seen.get(0);
        assertEquals(WEST_CODE, mine.getString("warehouse"));
        assertEquals(Map.of("PW-W-SHIRT", 1), quantities(mine));
        long orderId = mine.getJsonNumber("orderId").longValue();
        long revision = mine.getJsonNumber("revision").longValue();

        HttpResponse<String> one = westOnly.api("GET", "/api/v1/orders/" + orderId, null);
        assertEquals(200, one.statusCode(), one.body());
        assertEquals(Map.of("PW-W-SHIRT", 1), quantities(json(one)), "its part of the order");

        HttpResponse<String> notMine = acknowledge(westOnly, orderId, revision, EAST_CODE);
        assertEquals(403, notMine.statusCode(), notMine.body());
        assertEquals(2, entriesOf(wms, order.id()).size(), "nothing acknowledged");
        HttpResponse<String> acknowledged = acknowledge(westOnly, orderId, revision, WEST_CODE);
        assertEquals(200, acknowledged.statusCode(), acknowledged.body());
        assertTrue(entriesOf(westOnly, order.id()).isEmpty(), "its part left its feed");
        assertEquals(Set.of(EAST_CODE), byWarehouse(entriesOf(wms, order.id())).keySet());

        HttpResponse<String> otherLines = ship(westOnly, shipment("PW-2-E", orderId, EAST_CODE, lines("PW-W-MUG", 2)));
        assertEquals(403, otherLines.statusCode(), otherLines.body());
        HttpResponse<String> unnamed = ship(westOnly, shipment("PW-2-W", orderId, null, lines("PW-W-SHIRT", 1)));
        assertEquals(403, unnamed.statusCode(), "it names its warehouse: " + unnamed.body());
        HttpResponse<String> shipped = ship(westOnly, shipment("PW-2-W", orderId, WEST_CODE, lines("PW-W-SHIRT", 1)));
        assertEquals(202, shipped.statusCode(), shipped.body());
        assertEquals(
                west,
                fulfillment(order, awaitShipment("PW-2-W").getString("fulfillmentId"))
                        .location());

        var eastOnly = shop.placeOrder(east, true, Map.of("PW-MUG", 1));
        awaitEntries(wms, eastOnly.id(), 1);
        assertTrue(entriesOf(westOnly, eastOnly.id()).isEmpty(), "an order of the other warehouse is not in its feed");
        assertEquals(
                403,
                westOnly.api("GET", "/api/v1/warehouses", null).statusCode(),
                "routes that reach every warehouse stay refused");
    }

    @Test
    void anOrderOfOneWarehouseIsOneEntryAcknowledgedAsBefore() throws Exception {
        var order = shop.placeOrder(west, true, Map.of("PW-SHIRT", 1, "PW-MUG", 1));
        JsonObject entry = awaitEntries(wms, order.id(), 1).get(WEST_CODE);
        assertEquals(Map.of("PW-W-SHIRT", 1, "PW-W-MUG", 1), quantities(entry));
        assertEquals(0, entry.getJsonArray("parts").size());
        HttpResponse<String> acknowledged = wms.acknowledge(
                "orders",
                entry.getJsonNumber("orderId").longValue(),
                entry.getJsonNumber("revision").longValue());
        assertEquals(200, acknowledged.statusCode(), acknowledged.body());
        assertEquals("ACCEPTED", wms.text("select state from shop_order where shopify_order_id = ?", order.id()));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** An order's units at the west location first (the order's own), then at the east one. */
    private static Map<Location, Map<String, Integer>> routed(
            Map<String, Integer> atWest, Map<String, Integer> atEast) {
        Map<Location, Map<String, Integer>> routed = new java.util.LinkedHashMap<>();
        routed.put(west, atWest);
        routed.put(east, atEast);
        return routed;
    }

    private static List<JsonObject> entriesOf(WmsFixture caller, String shopifyOrderId) throws Exception {
        return caller.feed("orders", 500).stream()
                .filter(e -> e.getString("shopifyOrderId").equals(shopifyOrderId))
                .toList();
    }

    private static Map<String, JsonObject> byWarehouse(List<JsonObject> entries) {
        return entries.stream().collect(Collectors.toMap(e -> e.getString("warehouse"), e -> e));
    }

    private static Map<String, JsonObject> awaitEntries(WmsFixture caller, String shopifyOrderId, int count)
            throws Exception {
        List<JsonObject>[] found = new List[1];
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> (found[0] = entriesOf(caller, shopifyOrderId)).size() == count,
                count + " feed entries of order " + shopifyOrderId,
                () -> "; entries " + found[0]);
        return byWarehouse(found[0]);
    }

    private static HttpResponse<String> acknowledge(WmsFixture caller, long orderId, long revision, String warehouse)
            throws Exception {
        var body = Json.createObjectBuilder().add("revision", revision);
        if (warehouse != null) {
            body.add("warehouse", warehouse);
        }
        return caller.api(
                "POST",
                "/api/v1/orders/" + orderId + "/acknowledgement",
                body.build().toString());
    }

    private static Set<String> fields(HttpResponse<String> problem) {
        return json(problem).getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .collect(Collectors.toSet());
    }

    private static Fulfillment fulfillment(wms.shopify.sandbox.Order order, String id) {
        return order.fulfillments().stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fulfillment " + id + " on Shopify"));
    }

    private static JsonObject awaitShipment(String key) throws Exception {
        JsonObject[] found = new JsonObject[1];
        WmsFixture.await(
                Duration.ofSeconds(120),
                () -> {
                    HttpResponse<String> response = wms.api("GET", "/api/v1/shipments/" + key, null);
                    found[0] = response.statusCode() == 200 ? json(response) : null;
                    assertTrue(
                            found[0] == null || !"FAILED".equals(found[0].getString("state")),
                            key + " parked: " + found[0]);
                    return found[0] != null && "FULFILLED".equals(found[0].getString("state"));
                },
                "shipment " + key + " to be FULFILLED",
                () -> "; shipment " + found[0]);
        return found[0];
    }

    private static HttpResponse<String> ship(WmsFixture caller, String body) throws Exception {
        return caller.api("POST", "/api/v1/shipments", body);
    }

    private static String shipment(String key, long orderId, String warehouse, JsonArrayBuilder lines) {
        var shipment = Json.createObjectBuilder()
                .add("shipmentId", key)
                .add("orderId", orderId)
                .add("carrier", "UPS")
                .add("shippedAt", "2026-12-07T10:00:00Z")
                .add("lines", lines)
                .add(
                        "parcels",
                        Json.createArrayBuilder().add(Json.createObjectBuilder().add("trackingNumber", key)));
        if (warehouse != null) {
            shipment.add("warehouse", warehouse);
        }
        return shipment.build().toString();
    }

    private static JsonArrayBuilder lines(String product, int quantity) {
        return Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("product", product).add("quantity", quantity));
    }
}
