package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.ShippedOrderFixture.lines;
import static wms.shopify.it.WmsFixture.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
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
import wms.shopify.sandbox.FulfillmentOrder;
import wms.shopify.sandbox.Journal;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Shop;

/**
 * Shipments as warehouses make them (issue 19 §3), against the running connector and the Shopify sandbox: an order
 * Shopify split over two locations of one warehouse ships as two shipments, each landing at its own location, or as
 * one shipment that becomes one fulfillment per location (Shopify's fulfillmentCreate takes one location at a time);
 * a store that ships one fulfillment per parcel gets each parcel's lines with its own tracking number, and parcel
 * lines that do not add up are refused with nothing stored; the WMS's notifyCustomer wins over the store's setting in
 * what Shopify receives; a fulfillment order moved before the WMS acknowledged the order re-routes it in the feed,
 * and one moved after is reported (Activity, Orders page) while its shipment still lands where the units are now.
 */
class SplitShipmentsIT {

    private static final String DOMAIN = "split-shipments-it.myshopify.com";

    static SandboxConnector connector;
    static Shop shop;
    static Location north;
    static Location south;
    static Location east;
    static WmsFixture wms;
    static long storeId;

    @BeforeAll
    static void storeWithTwoLocationsOfOneWarehouseAndAThirdOfAnother() throws Exception {
        connector = SandboxConnector.get(SandboxConnector.SHIPPING_SETTINGS);
        shop = WmsFixture.stockedShop(
                connector, DOMAIN, "Split north", 100, "Shirt", "SP-SHIRT", "Mug", "SP-MUG", "Cap", "SP-CAP");
        north = shop.location("Split north");
        south = shop.addLocation("Split south");
        east = shop.addLocation("Split east");
        for (String sku : List.of("SP-SHIRT", "SP-MUG", "SP-CAP")) {
            shop.stock(sku, south, 100);
            shop.stock(sku, east, 100);
        }
        wms = new WmsFixture(connector, "split-shipments-it");
        storeId = wms.install(shop, north, "WH-SPLIT");
        // North is the order's location (and the default for orders); the shop's first location may have been.
        wms.sql("update store_location set default_for_orders = false where store_id = " + storeId);
        wms.sql("update store_location set default_for_orders = true where shopify_location_id = '" + north.id() + "'");
        wms.sql("update store_location set warehouse_id = (select id from warehouse where code = 'WH-SPLIT') "
                + "where shopify_location_id = '" + south.id() + "'");
        wms.sql("insert into warehouse (code, name, updated_at) values ('WH-EAST', 'WH-EAST', now()) "
                + "on conflict (code) do nothing");
        wms.sql("update store_location set warehouse_id = (select id from warehouse where code = 'WH-EAST') "
                + "where shopify_location_id = '" + east.id() + "'");
        wms.catalog(DOMAIN, "SP-W-SHIRT", "SP-SHIRT", "SP-W-MUG", "SP-MUG", "SP-W-CAP", "SP-CAP");
    }

    @Test
    void anOrderOverTwoLocationsShipsAsTwoShipmentsEachLandingAtItsOwnLocation() throws Exception {
        var order = shop.placeSplitOrder(true, routed(north, Map.of("SP-SHIRT", 2), south, Map.of("SP-MUG", 1)));
        long orderId = wms.acceptedOrder(order.id());

        assertEquals(
                202,
                ship(shipment("SPLIT-1A", orderId, lines("SP-W-SHIRT", 2), parcel("1A-1")))
                        .statusCode());
        JsonObject first = awaitShipment("SPLIT-1A", "FULFILLED");
        assertEquals(1, first.getJsonArray("fulfillmentIds").size());
        HttpResponse<String> second = ship(shipment("SPLIT-1B", orderId, lines("SP-W-MUG", 1), parcel("1B-1")));
        assertEquals(202, second.statusCode(), second.body());
        JsonObject done = awaitShipment("SPLIT-1B", "FULFILLED");

        assertEquals(2, order.fulfillments().size(), "one fulfillment per shipment");
        Fulfillment atSouth = fulfillment(order, done.getString("fulfillmentId"));
        assertEquals(south, atSouth.location(), "the mug was open at the south location only");
        assertEquals(north, fulfillment(order, first.getString("fulfillmentId")).location());
        assertEquals("FULFILLED", order.displayFulfillmentStatus());
    }

    @Test
    void oneShipmentSpanningBothLocationsBecomesOneFulfillmentPerLocationNeverTwo() throws Exception {
        var order = shop.placeSplitOrder(
                true, routed(north, Map.of("SP-SHIRT", 1, "SP-CAP", 2), south, Map.of("SP-MUG", 3)));
        long orderId = wms.acceptedOrder(order.id());
        String body = shipment(
                "SPLIT-2", orderId, lines("SP-W-SHIRT", 1, "SP-W-CAP", 2, "SP-W-MUG", 3), parcel("2-1"), parcel("2-2"));
        assertEquals(202, ship(body).statusCode());
        JsonObject done = awaitShipment("SPLIT-2", "FULFILLED");

        List<String> ids = strings(done, "fulfillmentIds");
        assertEquals(2, ids.size(), done.toString());
        assertEquals(ids.get(0), done.getString("fulfillmentId"), "the first of them");
        List<Fulfillment> fulfillments = order.fulfillments();
        assertEquals(2, fulfillments.size());
        assertEquals(Set.copyOf(ids), fulfillments.stream().map(Fulfillment::id).collect(Collectors.toSet()));
        assertEquals(north, fulfillment(order, ids.get(0)).location(), "the order's location first");
        assertEquals(3, fulfillment(order, ids.get(0)).totalQuantity());
        assertEquals(south, fulfillment(order, ids.get(1)).location());
        assertEquals(3, fulfillment(order, ids.get(1)).totalQuantity());
        for (Fulfillment f : fulfillments) {
            assertEquals(
                    List.of("2-1", "2-2"),
                    f.trackingInfo().stream().map(t -> t.get("number")).toList(),
                    "without parcel lines every fulfillment carries the shipment's tracking");
        }
        assertEquals("FULFILLED", order.displayFulfillmentStatus());
        assertEquals(200, ship(body).statusCode(), "reported again: nothing changes");
        Thread.sleep(1500);
        assertEquals(2, order.fulfillments().size(), "never twice");
    }

    @Test
    void aStoreShippingOneFulfillmentPerParcelGetsEachParcelsLinesWithItsOwnTrackingNumber() throws Exception {
        wms.sql("update shipping_policy set fulfillment_per_parcel = true where store_id = " + storeId);
        try {
            var order = shop.placeOrder(north, true, Map.of("SP-SHIRT", 3, "SP-MUG", 2));
            long orderId = wms.acceptedOrder(order.id());

            HttpResponse<String> notAddingUp = ship(shipment(
                    "SPLIT-3-BAD",
                    orderId,
                    lines("SP-W-SHIRT", 3, "SP-W-MUG", 2),
                    parcel("3-A", lines("SP-W-SHIRT", 2)),
                    parcel("3-B", lines("SP-W-MUG", 2))));
            assertEquals(400, notAddingUp.statusCode(), notAddingUp.body());
            assertTrue(fields(notAddingUp).contains("parcels"), notAddingUp.body());
            HttpResponse<String> oneWithout = ship(shipment(
                    "SPLIT-3-BAD",
                    orderId,
                    lines("SP-W-SHIRT", 3, "SP-W-MUG", 2),
                    parcel("3-A", lines("SP-W-SHIRT", 3, "SP-W-MUG", 2)),
                    parcel("3-B")));
            assertEquals(400, oneWithout.statusCode(), oneWithout.body());
            assertTrue(fields(oneWithout).contains("parcels[1].lines"), oneWithout.body());
            assertEquals(
                    404, wms.api("GET", "/api/v1/shipments/SPLIT-3-BAD", null).statusCode(), "nothing stored");

            HttpResponse<String> good = ship(shipment(
                    "SPLIT-3",
                    orderId,
                    lines("SP-W-SHIRT", 3, "SP-W-MUG", 2),
                    parcel("3-A", lines("SP-W-SHIRT", 3)),
                    parcel("3-B", lines("SP-W-MUG", 2))));
            assertEquals(202, good.statusCode(), good.body());
            JsonObject done = awaitShipment("SPLIT-3", "FULFILLED");
            List<String> ids = strings(done, "fulfillmentIds");
            assertEquals(2, ids.size(), "one fulfillment per parcel");
            Fulfillment a = fulfillment(order, ids.get(0));
            assertEquals(
                    List.of("3-A"),
                    a.trackingInfo().stream().map(t -> t.get("number")).toList());
            assertEquals(3, a.totalQuantity(), "the shirts were in parcel A");
            Fulfillment b = fulfillment(order, ids.get(1));
            assertEquals(
                    List.of("3-B"),
                    b.trackingInfo().stream().map(t -> t.get("number")).toList());
            assertEquals(2, b.totalQuantity(), "the mugs were in parcel B");
            assertEquals(
                    3,
                    done.getJsonArray("parcels")
                            .getJsonObject(0)
                            .getJsonArray("lines")
                            .getJsonObject(0)
                            .getInt("quantity"));
        } finally {
            wms.sql("update shipping_policy set fulfillment_per_parcel = false where store_id = " + storeId);
        }
    }

    @Test
    void theWmssNotifyCustomerWinsOverTheStoresSettingInWhatShopifyReceives() throws Exception {
        var order = shop.placeOrder(north, true, Map.of("SP-CAP", 3));
        long orderId = wms.acceptedOrder(order.id());

        // The store notifies (its default); this shipment says not to.
        JsonObjectBuilder quiet = shipmentBuilder("SPLIT-4A", orderId, lines("SP-W-CAP", 1), parcel("4A"));
        assertEquals(
                202, ship(quiet.add("notifyCustomer", false).build().toString()).statusCode());
        JsonObject a = awaitShipment("SPLIT-4A", "FULFILLED");
        assertFalse(a.getBoolean("notifyCustomer"));
        assertFalse(fulfillment(order, a.getString("fulfillmentId")).notifyCustomer(), "the shipment's choice");
        assertEquals(Boolean.FALSE, lastCreateInput().get("notifyCustomer"));

        assertEquals(
                202,
                ship(shipment("SPLIT-4B", orderId, lines("SP-W-CAP", 1), parcel("4B")))
                        .statusCode());
        JsonObject b = awaitShipment("SPLIT-4B", "FULFILLED");
        assertTrue(b.get("notifyCustomer") == null || b.get("notifyCustomer") == JsonValue.NULL, "left to the store");
        assertTrue(fulfillment(order, b.getString("fulfillmentId")).notifyCustomer(), "the store's setting");

        wms.sql("update shipping_policy set notify_customer_on_shipment = false where store_id = " + storeId);
        try {
            JsonObjectBuilder loud = shipmentBuilder("SPLIT-4C", orderId, lines("SP-W-CAP", 1), parcel("4C"));
            assertEquals(
                    202,
                    ship(loud.add("notifyCustomer", true).build().toString()).statusCode());
            JsonObject c = awaitShipment("SPLIT-4C", "FULFILLED");
            assertTrue(fulfillment(order, c.getString("fulfillmentId")).notifyCustomer(), "the shipment's choice");
        } finally {
            wms.sql("update shipping_policy set notify_customer_on_shipment = true where store_id = " + storeId);
        }
        HttpResponse<String> bad = ship(shipmentBuilder("SPLIT-4D", orderId, lines("SP-W-CAP", 1), parcel("4D"))
                .add("notifyCustomer", "yes")
                .build()
                .toString());
        assertEquals(400, bad.statusCode());
        assertTrue(fields(bad).contains("notifyCustomer"), bad.body());
    }

    @Test
    void aFulfillmentOrderMovedBeforeTheWmsTookTheOrderReRoutesItsFeedEntryToTheNewWarehouse() throws Exception {
        var order = shop.placeOrder(north, true, Map.of("SP-CAP", 1));
        JsonObject[] entry = new JsonObject[1];
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> (entry[0] = wms.orderEntry(order.id())) != null,
                "the order in the feed",
                () -> "");
        assertEquals("WH-SPLIT", entry[0].getString("warehouse"));
        long first = entry[0].getJsonNumber("revision").longValue();

        shop.move(order.fulfillmentOrders().get(0), east);

        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> (entry[0] = wms.orderEntry(order.id())) != null
                        && entry[0].getJsonNumber("revision").longValue() > first,
                "a new feed entry of the moved order",
                () -> "; entry " + entry[0] + "; deliveries "
                        + wms.text(
                                "select string_agg(topic || ' ' || outcome || ' ' || coalesce(outcome_note, ''), ' | ') "
                                        + "from webhook_delivery where topic like ?",
                                "fulfillment_orders/%"));
        assertEquals("WH-EAST", entry[0].getString("warehouse"), "re-routed to the east location's warehouse");
        long orderId = entry[0].getJsonNumber("orderId").longValue();
        assertEquals(
                200,
                wms.acknowledge(
                                "orders",
                                orderId,
                                entry[0].getJsonNumber("revision").longValue())
                        .statusCode());
        assertNull(
                wms.text("select move_note from shop_order where shopify_order_id = ?", order.id()),
                "re-routed, not reported");
    }

    @Test
    void aFulfillmentOrderMovedAfterTheWmsTookTheOrderIsReportedAndItsShipmentLandsWhereTheUnitsAreNow()
            throws Exception {
        var order = shop.placeOrder(north, true, Map.of("SP-SHIRT", 2));
        long orderId = wms.acceptedOrder(order.id());
        FulfillmentOrder fo = order.fulfillmentOrders().get(0);
        long position = wms.longValue("select feed_seq from shop_order where id = " + orderId);

        shop.move(fo, south);

        String note = "Moved to Split south on Shopify after the WMS took it.";
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> note.equals(wms.text("select move_note from shop_order where shopify_order_id = ?", order.id())),
                "the move reported on the order",
                () -> "; deliveries "
                        + wms.text(
                                "select string_agg(topic || ' ' || outcome || ' ' || coalesce(outcome_note, ''), ' | ') "
                                        + "from webhook_delivery where topic like ?",
                                "fulfillment_orders/%"));
        assertEquals(
                position,
                wms.longValue("select feed_seq from shop_order where id = " + orderId),
                "no new feed entry: the WMS keeps the order as it took it");
        assertEquals(
                "WH-SPLIT", wms.text("select warehouse_code from shop_order where shopify_order_id = ?", order.id()));
        String reported = "select count(*) from activity_event where message like '%"
                + order.name().replace("#", "") + "%moved to Split south on Shopify after the WMS took it%'";
        WmsFixture.await(
                Duration.ofSeconds(60), () -> wms.longValue(reported) > 0, "the move in the Activity log", () -> "");
        assertEquals(1, wms.longValue(reported), "one Activity entry");

        try (Browser browser = new Browser()) {
            browser.visit(connector.url() + "/admin/orders.xhtml");
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
            browser.visit(connector.url() + "/admin/orders.xhtml?state=ACCEPTED&store=" + storeId);
            List<String> notes = browser.driver().findElements(By.cssSelector(".moved-after-handover")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertTrue(notes.contains(note), notes.toString());
            browser.screenshot("order-moved-after-handover");
        }

        assertEquals(
                202,
                ship(shipment("SPLIT-6", orderId, lines("SP-W-SHIRT", 2), parcel("6-1")))
                        .statusCode());
        JsonObject done = awaitShipment("SPLIT-6", "FULFILLED");
        assertEquals(south, fulfillment(order, done.getString("fulfillmentId")).location(), "where the units are now");
        assertEquals("FULFILLED", order.displayFulfillmentStatus());
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** An order's units per location, the first location the order's own (its first fulfillment order). */
    private static Map<Location, Map<String, Integer>> routed(
            Location first, Map<String, Integer> there, Location second, Map<String, Integer> alsoThere) {
        Map<Location, Map<String, Integer>> routed = new java.util.LinkedHashMap<>();
        routed.put(first, there);
        routed.put(second, alsoThere);
        return routed;
    }

    private static Fulfillment fulfillment(wms.shopify.sandbox.Order order, String id) {
        return order.fulfillments().stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fulfillment " + id + " on Shopify"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lastCreateInput() {
        List<Journal.Mutation> created = shop.journal().applied("fulfillmentCreate");
        return (Map<String, Object>) created.get(created.size() - 1).arguments().get("fulfillment");
    }

    private static List<String> strings(JsonObject object, String field) {
        return object.getJsonArray(field).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }

    private static Set<String> fields(HttpResponse<String> problem) {
        return json(problem).getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .collect(Collectors.toSet());
    }

    private static JsonObject awaitShipment(String key, String state) throws Exception {
        JsonObject[] found = new JsonObject[1];
        WmsFixture.await(
                Duration.ofSeconds(120),
                () -> {
                    HttpResponse<String> response = wms.api("GET", "/api/v1/shipments/" + key, null);
                    found[0] = response.statusCode() == 200 ? json(response) : null;
                    assertTrue(
                            found[0] == null || !"FAILED".equals(found[0].getString("state")) || "FAILED".equals(state),
                            key + " parked: " + found[0]);
                    return found[0] != null && state.equals(found[0].getString("state"));
                },
                "shipment " + key + " to be " + state,
                () -> "; shipment " + found[0]);
        return found[0];
    }

    private static HttpResponse<String> ship(String body) throws Exception {
        return ShippedOrderFixture.ship(wms, body);
    }

    private static String shipment(String key, long orderId, JsonArrayBuilder lines, JsonObjectBuilder... parcels) {
        return shipmentBuilder(key, orderId, lines, parcels).build().toString();
    }

    private static JsonObjectBuilder shipmentBuilder(
            String key, long orderId, JsonArrayBuilder lines, JsonObjectBuilder... parcels) {
        return ShippedOrderFixture.shipment(key, orderId, "UPS", lines, parcels);
    }

    private static JsonObjectBuilder parcel(String number) {
        return ShippedOrderFixture.parcel(number, null);
    }

    private static JsonObjectBuilder parcel(String number, JsonArrayBuilder lines) {
        return parcel(number).add("lines", lines);
    }
}
