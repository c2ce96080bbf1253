package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.json;
import static wms.shopify.it.WmsFixture.quantities;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.FulfillmentOrder;
import wms.shopify.sandbox.FulfillmentOrderLineItem;
import wms.shopify.sandbox.LineItem;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Return;
import wms.shopify.sandbox.Shop;

/**
 * A B2B order of 180 lines that Shopify routed to 3 locations (120 lines at the order's location, a fulfillment order
 * of more than 50 lines; 30 at each of the others), more than one query of {@code Order.graphql} reads: it reaches
 * the WMS feed with every line and quantity, its demand is every unit, shipping the order's location in full fulfils
 * every one of its lines on Shopify (the fulfillment orders and fulfillments read page by page), and a return of 60
 * of its lines is synced with all 60 (the return's lines read page by page). The store is set up once for the class;
 * each test places its own order (and ships it, when it is about what follows the shipment).
 */
class BigOrdersIT {

    private static final String DOMAIN = "big-orders-it.myshopify.com";
    private static final int LINES = 180;

    static SandboxConnector connector;
    static Shop shop;
    static Location north;
    static Location south;
    static Location east;
    static WmsFixture wms;

    @BeforeAll
    static void storeWithThreeLocationsAndA180PartCatalog() throws Exception {
        connector = SandboxConnector.get(
                List.of("ORDER_SWEEP_INTERVAL_SECONDS=0", "SHIPPING_RETRY_BASE_SECONDS=1", "SHIPPING_SWEEP_SECONDS=2"));
        shop = connector.sandbox().createShop(DOMAIN, Plan.STANDARD);
        north = shop.addLocation("Big north");
        south = shop.addLocation("Big south");
        east = shop.addLocation("Big east");
        String[] skus = new String[LINES];
        String[] codesAndSkus = new String[LINES * 2];
        for (int i = 0; i < LINES; i++) {
            skus[i] = String.format("B-PART-%03d", i);
            codesAndSkus[2 * i] = String.format("W-PART-%03d", i);
            codesAndSkus[2 * i + 1] = skus[i];
        }
        shop.addProduct("Spare part", skus);
        for (String sku : skus) {
            for (Location at : List.of(north, south, east)) {
                shop.stock(sku, at, 100);
            }
        }
        wms = new WmsFixture(connector, "big-orders-it");
        wms.install(shop, north, "WH-BIG");
        for (Location other : List.of(south, east)) {
            wms.sql("update store_location set warehouse_id = (select id from warehouse where code = 'WH-BIG') "
                    + "where shopify_location_id = '" + other.id() + "'");
        }
        wms.catalog(DOMAIN, codesAndSkus);
    }

    /**
     * An order of this test's own as Shopify routed it: 180 lines, 120 at the order's location (north), 30 at each of
     * the others.
     *
     * @param order the order on Shopify
     * @param ordered the units ordered per WMS product
     */
    private record BigOrder(wms.shopify.sandbox.Order order, Map<String, Integer> ordered) {}

    private static BigOrder placeBigOrder() {
        Map<Location, Map<String, Integer>> routed = new LinkedHashMap<>();
        Map<String, Integer> ordered = new TreeMap<>();
        for (int i = 0; i < LINES; i++) {
            Location at = i < 120 ? north : i < 150 ? south : east;
            int quantity = 1 + i % 7;
            routed.computeIfAbsent(at, l -> new LinkedHashMap<>()).put(String.format("B-PART-%03d", i), quantity);
            ordered.put(String.format("W-PART-%03d", i), quantity);
        }
        return new BigOrder(shop.placeSplitOrder(true, routed), ordered);
    }

    /** The order's entry in the WMS feed, waited for. */
    private static JsonObject awaitEntry(wms.shopify.sandbox.Order order) throws Exception {
        JsonObject[] entry = new JsonObject[1];
        WmsFixture.await(
                Duration.ofSeconds(120),
                () -> (entry[0] = wms.orderEntry(order.id())) != null,
                "the order in the feed",
                () -> wms.text(
                        "select coalesce((select string_agg(topic || ' ' || outcome, ', ') from webhook_delivery), '')"
                                + " || ' | orders: ' || coalesce((select string_agg(state || ' ' || coalesce(state_note, ''),"
                                + " ', ') from shop_order), '') || ' | store: ' || coalesce((select string_agg(status"
                                + ", ', ') from store where domain = ?), '')",
                        DOMAIN));
        return entry[0];
    }

    /** Acknowledges the entry as the WMS taking the order: its orderId. */
    private static long acknowledged(JsonObject entry) throws Exception {
        long orderId = entry.getJsonNumber("orderId").longValue();
        assertEquals(
                200,
                wms.acknowledge(
                                "orders",
                                orderId,
                                entry.getJsonNumber("revision").longValue())
                        .statusCode());
        return orderId;
    }

    /** The WMS ships the order's location (north) in full and the shipment is fulfilled on Shopify. */
    private static void shipNorth(BigOrder big, long orderId, String shipmentId) throws Exception {
        FulfillmentOrder atNorth = big.order().fulfillmentOrders().get(0);
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (FulfillmentOrderLineItem line : atNorth.lineItems()) {
            String code = "W" + line.lineItem().sku().substring(1);
            lines.add(Json.createObjectBuilder()
                    .add("product", code)
                    .add("quantity", big.ordered().get(code)));
        }
        var accepted = wms.api(
                "POST",
                "/api/v1/shipments",
                Json.createObjectBuilder()
                        .add("shipmentId", shipmentId)
                        .add("orderId", orderId)
                        .add("shippedAt", "2026-12-07T10:00:00Z")
                        .add("lines", lines)
                        .build()
                        .toString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        WmsFixture.await(
                Duration.ofSeconds(120),
                () -> "FULFILLED"
                        .equals(json(wms.api("GET", "/api/v1/shipments/" + shipmentId, null))
                                .getString("state")),
                "the shipment fulfilled",
                () -> wms.api("GET", "/api/v1/shipments/" + shipmentId, null).body());
    }

    @Test
    void anOrderOf180LinesOver3LocationsReachesTheFeedWithEveryLineAndItsDemand() throws Exception {
        BigOrder big = placeBigOrder();
        wms.shopify.sandbox.Order order = big.order();
        assertEquals(3, order.fulfillmentOrders().size());
        assertEquals(120, order.fulfillmentOrders().get(0).lineItems().size());

        JsonObject entry = awaitEntry(order);
        assertEquals(LINES, entry.getJsonArray("lines").size(), "every line, none missing");
        assertEquals(big.ordered(), quantities(entry), "every quantity");
        int units = big.ordered().values().stream().mapToInt(Integer::intValue).sum();
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> wms.longValue("select coalesce(sum(quantity), 0) from order_demand where shopify_order_id = '"
                                + order.id() + "'")
                        == units,
                "the order's demand: every unit of its 180 lines",
                () -> "demand "
                        + wms.longValue("select coalesce(sum(quantity), 0) from order_demand "
                                + "where shopify_order_id = '" + order.id() + "'")
                        + " of " + units);
        acknowledged(entry);
    }

    @Test
    void shippingTheOrdersLocationInFullFulfilsEveryOneOfItsLinesOnShopify() throws Exception {
        BigOrder big = placeBigOrder();
        wms.shopify.sandbox.Order order = big.order();
        shipNorth(big, acknowledged(awaitEntry(order)), "BIG-SHIP-1");
        FulfillmentOrder atNorth = order.fulfillmentOrders().get(0);
        assertEquals(1, order.fulfillments().size(), "one fulfillment, sent once");
        assertEquals(120, order.fulfillments().get(0).fulfillmentLineItems().size());
        assertTrue(
                atNorth.lineItems().stream().allMatch(l -> l.remainingQuantity() == 0),
                "every line at the order's location fulfilled in full");
        for (int i = 0; i < 120; i++) {
            LineItem line = order.lineItems().get(i);
            assertEquals(0, line.unfulfilledQuantity(), line.sku());
        }
        assertEquals("CLOSED", atNorth.status());
    }

    @Test
    void aReturnOf60LinesIsSyncedWithEveryLine() throws Exception {
        // The order shipped from its location, whose first 60 lines come back.
        BigOrder big = placeBigOrder();
        wms.shopify.sandbox.Order order = big.order();
        shipNorth(big, acknowledged(awaitEntry(order)), "BIG-SHIP-3");
        try (Connection db = connector.jdbc()) {
            db.createStatement()
                    .executeUpdate("update return_policy set sync_enabled = true "
                            + "where store_id = (select id from store where domain = '" + DOMAIN + "')");
        }
        Map<String, Integer> returned = new LinkedHashMap<>();
        Map<String, Integer> expected = new TreeMap<>();
        for (int i = 0; i < 60; i++) {
            returned.put(String.format("B-PART-%03d", i), 1);
            expected.put(String.format("W-PART-%03d", i), 1);
        }
        Return requested = shop.requestReturn(order, returned);
        assertEquals(60, requested.returnLineItems().size());
        JsonObject[] entry = new JsonObject[1];
        WmsFixture.await(
                Duration.ofSeconds(120),
                () -> (entry[0] = wms.returnEntry(requested.id())) != null,
                "the return in the feed",
                () -> wms.text(
                        "select outcome from webhook_delivery where topic = 'returns/request' "
                                + "and convert_from(body, 'UTF8') like ?",
                        "%" + requested.id() + "%"));
        assertEquals(60, entry[0].getJsonArray("lines").size(), "every returned line");
        assertEquals(expected, quantities(entry[0]));
        assertEquals("WH-BIG", entry[0].getString("warehouse"));
    }
}
