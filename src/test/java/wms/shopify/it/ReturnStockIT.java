package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.await;
import static wms.shopify.it.WmsFixture.json;
import static wms.shopify.it.WmsFixture.movement;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Order;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Return;
import wms.shopify.sandbox.ReverseFulfillmentOrderLineItem;
import wms.shopify.sandbox.Shop;

/**
 * Returns and stock sync together, in both modes (issue 8: "stock counted once"). A sale on Shopify reaches the WMS
 * feed; the WMS allocates it (naming the order), acknowledges and ships it; the customer's return is requested and
 * approved on Shopify and reaches the return feed; the WMS receives 2 units as restock and 1 as not restock, and
 * also reports its own {@code return_receipt} movement for the 2 restocked units naming the order, as the
 * integration guide asks. After the coalescing window, Shopify's {@code available} counts the 2 restocked units
 * once (not twice, and the unit not restocked not at all), and the return is closed. In Absolute mode the WMS
 * movement is pushed before the disposal reaches Shopify (the ordering where the disposal adds on top of an
 * absolute write), and in a second round the disposal goes first.
 */
class ReturnStockIT {

    private static final int WINDOW_SECONDS = 3;

    static WmsFixture fixture;

    @BeforeAll
    static void connector() throws Exception {
        SandboxConnector connector = SandboxConnector.get(List.of(
                "STOCK_RECONCILE_MINUTES=0",
                "ORDER_SWEEP_INTERVAL_SECONDS=0",
                "SHIPPING_RETRY_BASE_SECONDS=1",
                "SHIPPING_SWEEP_SECONDS=2"));
        fixture = new WmsFixture(connector, "return-stock-it");
    }

    @Test
    void deltaModeCountsRestockedUnitsOnce() throws Exception {
        Store delta = store("return-stock-delta.myshopify.com", "RSD-WH", "RSD-TEE", "DELTA", 5);
        // Delta adds the WMS's 10 to the 5 Shopify holds.
        delta.receive(10);
        await(Duration.ofSeconds(15), () -> delta.available() == 15, "Delta adds 10 to Shopify's 5");
        delta.saleAllocatedAndShipped();
        assertEquals(12, delta.available(), "Shopify took the 3 sold units off sale, the allocation is not pushed");

        // The WMS's own return_receipt movement first: it names the order, so Delta does not push it to this store.
        delta.returnReceiptMovement();
        Thread.sleep(WINDOW_SECONDS * 1000L + 2000);
        assertEquals(12, delta.available(), "the order's return_receipt movement is not pushed to its own store");
        delta.receiptDisposedAndClosed();
        Thread.sleep(WINDOW_SECONDS * 1000L + 2000);
        assertEquals(14, delta.available(), "the 2 restocked units once, the unit not restocked not at all");
    }

    @Test
    void absoluteModeCountsRestockedUnitsOnceWhicheverComesFirst() throws Exception {
        Store absolute = store("return-stock-absolute.myshopify.com", "RSA-WH", "RSA-TEE", "ABSOLUTE", 4);
        absolute.receive(10);
        await(Duration.ofSeconds(15), () -> absolute.available() == 10, "Absolute sets the WMS's 10");
        absolute.saleAllocatedAndShipped();
        assertEquals(7, absolute.available(), "10 less the 3 sold");

        // The WMS movement first: pushed as an absolute 9, then the disposal restocks the same 2 units on Shopify.
        absolute.returnReceiptMovement();
        await(
                Duration.ofSeconds(WINDOW_SECONDS + 15),
                () -> absolute.available() == 9,
                "the WMS's sellable 9 set on Shopify");
        absolute.receiptDisposedAndClosed();
        Thread.sleep(WINDOW_SECONDS * 1000L + 2000);
        assertEquals(9, absolute.available(), "9 sellable in the WMS, the 2 restocked units counted once");

        // Second round: the disposal first, then the WMS movement.
        absolute.saleAllocatedAndShipped();
        assertEquals(6, absolute.available(), "9 less the 3 sold");
        absolute.receiptDisposedAndClosed();
        absolute.returnReceiptMovement();
        Thread.sleep(WINDOW_SECONDS * 1000L + 2000);
        assertEquals(8, absolute.available(), "6 sellable after the allocation, 2 restocked once");
        Thread.sleep(WINDOW_SECONDS * 1000L + 1000);
        assertEquals(8, absolute.available(), "and it stays");
    }

    private static Store store(String domain, String warehouse, String sku, String mode, int initial) throws Exception {
        Shop shop = fixture.connector.sandbox().createShop(domain, Plan.STANDARD);
        Location location = shop.addLocation(domain + " warehouse");
        shop.addProduct("Tee", sku);
        shop.stock(sku, location, initial);
        long store = fixture.install(shop, location, warehouse);
        fixture.sql("update store_location set default_for_orders = true where shopify_location_id = '" + location.id()
                + "'");
        fixture.registerProducts(List.of(sku));
        fixture.syncProducts(domain);
        fixture.stockSync(store, mode, WINDOW_SECONDS);
        fixture.sql("update return_policy set sync_enabled = true, auto_close = true where store_id = " + store);
        return new Store(shop, location, sku, warehouse);
    }

    /** One store's side of the scenario; the WMS's sellable quantity of the product is followed in {@code sellable}. */
    private static final class Store {
        final Shop shop;
        final Location location;
        final String sku;
        final String warehouse;
        long sellable;
        int round;
        Order order;
        Return requested;
        long returnId;

        Store(Shop shop, Location location, String sku, String warehouse) {
            this.shop = shop;
            this.location = location;
            this.sku = sku;
            this.warehouse = warehouse;
        }

        int available() {
            return this.shop.quantity(this.sku, this.location, "available");
        }

        void receive(int units) throws Exception {
            this.sellable += units;
            send(movement(this.sku + "-RCV", "receiving", this.sku, this.warehouse, units, this.sellable));
        }

        /** An order of 3 placed on Shopify, allocated by the WMS (naming it), acknowledged and shipped. */
        void saleAllocatedAndShipped() throws Exception {
            this.round++;
            this.order = this.shop.placeOrder(this.location, true, Map.of(this.sku, 3));
            JsonObject[] entry = new JsonObject[1];
            await(
                    Duration.ofSeconds(30),
                    () -> (entry[0] = orderEntry(this.order.id())) != null,
                    "order " + this.order.id() + " in the WMS feed");
            this.sellable -= 3;
            send(movement(key("ALLOC"), "allocation", this.sku, this.warehouse, -3, this.sellable)
                    .add("order", orderRef()));
            long orderId = entry[0].getJsonNumber("orderId").longValue();
            HttpResponse<String> acked = fixture.api(
                    "POST",
                    "/api/v1/orders/" + orderId + "/acknowledgement",
                    "{\"revision\":" + entry[0].getJsonNumber("revision") + "}");
            assertEquals(200, acked.statusCode(), acked.body());
            String shipment = key("SHIP");
            HttpResponse<String> shipped = fixture.api(
                    "POST",
                    "/api/v1/shipments",
                    Json.createObjectBuilder()
                            .add("shipmentId", shipment)
                            .add("orderId", orderId)
                            .add("shippedAt", "2026-11-27T10:00:00Z")
                            .add(
                                    "lines",
                                    Json.createArrayBuilder()
                                            .add(Json.createObjectBuilder()
                                                    .add("product", "W-" + this.sku)
                                                    .add("quantity", 3)))
                            .build()
                            .toString());
            assertEquals(202, shipped.statusCode(), shipped.body());
            await(
                    Duration.ofSeconds(60),
                    () -> "FULFILLED"
                            .equals(get("/api/v1/shipments/" + shipment).getString("state")),
                    "shipment " + shipment + " fulfilled on Shopify");
            Thread.sleep(WINDOW_SECONDS * 1000L + 2000);

            this.requested = this.shop.requestReturn(this.order, Map.of(this.sku, 3));
            JsonObject[] expected = new JsonObject[1];
            await(
                    Duration.ofSeconds(60),
                    () -> (expected[0] = returnEntry(this.requested.id())) != null,
                    "the return in the return feed");
            this.returnId = expected[0].getJsonNumber("returnId").longValue();
            assertEquals(
                    200,
                    fixture.api(
                                    "POST",
                                    "/api/v1/returns/" + this.returnId + "/acknowledgement",
                                    "{\"revision\":" + expected[0].getJsonNumber("revision") + "}")
                            .statusCode());
            this.shop.approveReturn(this.requested);
            await(
                    Duration.ofSeconds(60),
                    () -> "OPEN".equals(get("/api/v1/returns/" + this.returnId).getString("shopifyStatus")),
                    "the approval seen by the connector");
        }

        /** The WMS's own stock movement for the 2 units it put back on its shelves, naming the order. */
        void returnReceiptMovement() throws Exception {
            this.sellable += 2;
            send(movement(key("RET"), "return_receipt", this.sku, this.warehouse, 2, this.sellable)
                    .add("order", orderRef()));
        }

        /** The WMS receives 2 units as restock and 1 not: disposed of on Shopify once and the return closed. */
        void receiptDisposedAndClosed() throws Exception {
            String receipt = key("RCPT");
            HttpResponse<String> received = fixture.api(
                    "POST",
                    "/api/v1/returns/" + this.returnId + "/receipts",
                    Json.createObjectBuilder()
                            .add("receiptId", receipt)
                            .add(
                                    "lines",
                                    Json.createArrayBuilder().add(line(2, true)).add(line(1, false)))
                            .build()
                            .toString());
            assertEquals(202, received.statusCode(), received.body());
            await(
                    Duration.ofSeconds(60),
                    () -> "DONE"
                            .equals(get("/api/v1/returns/receipts/" + receipt).getString("state")),
                    "receipt " + receipt + " disposed of");
            assertEquals("CLOSED", this.requested.status(), "closed on Shopify (automatic closing)");
            assertEquals("CLOSED", get("/api/v1/returns/" + this.returnId).getString("state"));
            List<ReverseFulfillmentOrderLineItem> lines =
                    this.requested.reverseFulfillmentOrders().get(0).lineItems();
            assertEquals(
                    3,
                    lines.stream()
                            .mapToInt(ReverseFulfillmentOrderLineItem::disposedQuantity)
                            .sum(),
                    "every unit disposed of once");
            assertTrue(
                    lines.stream()
                            .flatMap(l -> l.dispositions().stream())
                            .anyMatch(d -> "NOT_RESTOCKED".equals(d.get("type"))),
                    "one unit not restocked");
        }

        private JsonObjectBuilder line(int quantity, boolean restock) {
            return Json.createObjectBuilder()
                    .add("product", "W-" + this.sku)
                    .add("quantity", quantity)
                    .add("restock", restock);
        }

        private JsonObjectBuilder orderRef() {
            return Json.createObjectBuilder().add("store", this.shop.domain()).add("orderId", this.order.id());
        }

        private String key(String what) {
            return this.sku + "-" + what + "-" + this.round;
        }

        private static void send(JsonObjectBuilder movement) throws Exception {
            HttpResponse<String> sent = fixture.send(movement);
            assertEquals(200, sent.statusCode(), sent.body());
        }
    }

    private static JsonObject get(String path) {
        try {
            return json(fixture.api("GET", path, null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject orderEntry(String shopifyOrderId) {
        return get("/api/v1/orders/feed?after=0&limit=500").getJsonArray("entries").stream()
                .map(e -> e.asJsonObject())
                .filter(e -> e.getString("shopifyOrderId").equals(shopifyOrderId))
                .findFirst()
                .orElse(null);
    }

    private static JsonObject returnEntry(String shopifyReturnId) {
        return get("/api/v1/returns/feed?after=0&limit=500").getJsonArray("entries").stream()
                .map(e -> e.asJsonObject())
                .filter(e -> e.getString("shopifyReturnId").equals(shopifyReturnId))
                .findFirst()
                .orElse(null);
    }
}
