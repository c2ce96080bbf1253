package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.json;
import static wms.shopify.it.WmsFixture.quantities;

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
import wms.shopify.sandbox.Return;
import wms.shopify.sandbox.ReturnLineItem;
import wms.shopify.sandbox.ReverseFulfillmentOrderLineItem;
import wms.shopify.sandbox.Shop;

/**
 * Returns end to end against the Shopify sandbox: with return sync off a requested return is ignored; with it on, a
 * return requested and approved on Shopify becomes an expected return in the WMS feed (per WMS product), the units
 * the WMS reports received are processed on Shopify ({@code returnProcess}, with dispositions RESTOCKED at the
 * order's location or NOT_RESTOCKED) exactly once, also when Shopify's answer is lost, Shopify's available stock rises
 * by the restocked units only, and with automatic closing on the return is closed. A return closed on Shopify before
 * the WMS received it goes back into the feed as CLOSED; one processed on Shopify first is not processed again.
 */
class ReturnsIT {

    private static final String DOMAIN = "returns-it.myshopify.com";

    static SandboxConnector connector;
    /** The WMS side: its credential and its calls of the WMS API. */
    static WmsFixture wms;
    /** The store most tests return to: return sync on, closing returns automatically. */
    static ShippedOrderFixture store;

    static Shop shop;
    static Location main;

    @BeforeAll
    static void storeWithMappedCatalogAndReturnSyncOn() throws Exception {
        connector = SandboxConnector.get(
                List.of("ORDER_SWEEP_INTERVAL_SECONDS=0", "SHIPPING_RETRY_BASE_SECONDS=1", "SHIPPING_SWEEP_SECONDS=2"));
        wms = new WmsFixture(connector, "returns-it");
        store = storeOf(DOMAIN);
        shop = store.shop;
        main = store.location;
        returnSync(store, true);
    }

    /** A store of its own (return sync off, as installed) for a test that switches return sync or counts returns. */
    private static ShippedOrderFixture storeOf(String domain) throws Exception {
        return ShippedOrderFixture.store(
                wms, domain, "Returns main", 100, "WH-RET", "Shirt", "R-SHIRT", "W-SHIRT", "Mug", "R-MUG", "W-MUG");
    }

    @Test
    void withReturnSyncOffARequestedReturnChangesNothing() throws Exception {
        ShippedOrderFixture off = storeOf("returns-off-it.myshopify.com");
        var order = off.shippedOrder("RS-OFF", Map.of("R-SHIRT", 1), "W-SHIRT", 1);
        Return requested = off.shop.requestReturn(order, Map.of("R-SHIRT", 1));
        await(
                () -> "PROCESSED"
                        .equals(wms.text(
                                "select outcome from webhook_delivery where topic = 'returns/request' "
                                        + "and convert_from(body, 'UTF8') like ?",
                                "%" + requested.id() + "%")),
                "the returns/request delivery processed");
        assertEquals(
                0, wms.count("select count(*) from shop_return where store_id = " + off.storeId), "nothing recorded");
        assertTrue(
                wms.feed("returns", 500).stream()
                        .noneMatch(e -> e.getString("store").equals(off.shop.domain())),
                "nothing in the return feed");
    }

    @Test
    void aReturnRequestedAndApprovedIsExpectedReceivedDisposedOfOnceAndClosed() throws Exception {
        var order = store.shippedOrder("RS-ON", Map.of("R-SHIRT", 3, "R-MUG", 1), "W-SHIRT", 3, "W-MUG", 1);
        Return requested = shop.requestReturn(order, Map.of("R-SHIRT", 2, "R-MUG", 1));
        JsonObject[] entry = new JsonObject[1];
        await(() -> (entry[0] = entry(requested.id())) != null, "the return in the feed");
        assertEquals("REQUESTED", entry[0].getString("shopifyStatus"));
        assertEquals("WH-RET", entry[0].getString("warehouse"));
        assertEquals(Map.of("W-SHIRT", 2, "W-MUG", 1), quantities(entry[0]));
        long returnId = entry[0].getJsonNumber("returnId").longValue();
        assertEquals(
                200,
                wms.api(
                                "POST",
                                "/api/v1/returns/" + returnId + "/acknowledgement",
                                "{\"revision\":"
                                        + entry[0].getJsonNumber("revision").longValue() + "}")
                        .statusCode());
        assertEquals(null, entry(requested.id()), "acknowledged: out of the feed");

        shop.approveReturn(requested);
        await(
                () -> "OPEN"
                        .equals(json(wms.api("GET", "/api/v1/returns/" + returnId, null))
                                .getString("shopifyStatus")),
                "the approval seen");

        HttpResponse<String> tooMany = receipt(returnId, "RCPT-X", line("W-SHIRT", 3, true));
        assertEquals(422, tooMany.statusCode(), tooMany.body());
        int availableBefore = shop.quantity("R-SHIRT", main, "available");
        int mugsBefore = shop.quantity("R-MUG", main, "available");
        String body = Json.createObjectBuilder()
                .add("receiptId", "RCPT-1")
                .add(
                        "lines",
                        Json.createArrayBuilder().add(line("W-SHIRT", 2, true)).add(line("W-MUG", 1, false)))
                .build()
                .toString();
        assertEquals(
                202,
                wms.api("POST", "/api/v1/returns/" + returnId + "/receipts", body)
                        .statusCode());
        assertEquals(
                200,
                wms.api("POST", "/api/v1/returns/" + returnId + "/receipts", body)
                        .statusCode(),
                "the same receipt again changes nothing");
        await(
                () -> "DONE"
                        .equals(json(wms.api("GET", "/api/v1/returns/receipts/RCPT-1", null))
                                .getString("state")),
                "the receipt disposed of");
        assertTrue(json(wms.api("GET", "/api/v1/returns/receipts/RCPT-1", null)).getBoolean("closedReturn"));
        assertEquals("CLOSED", requested.status(), "closed on Shopify (automatic closing)");
        List<ReverseFulfillmentOrderLineItem> lines =
                requested.reverseFulfillmentOrders().get(0).lineItems();
        assertEquals(
                3,
                lines.stream()
                        .mapToInt(ReverseFulfillmentOrderLineItem::disposedQuantity)
                        .sum(),
                "every unit disposed of once");
        assertEquals(
                List.of("NOT_RESTOCKED", "RESTOCKED"),
                lines.stream()
                        .flatMap(l -> l.dispositions().stream())
                        .map(d -> (String) d.get("type"))
                        .distinct()
                        .sorted()
                        .toList());
        assertEquals(
                3,
                requested.returnLineItems().stream()
                        .mapToInt(ReturnLineItem::processedQuantity)
                        .sum(),
                "every unit processed (returnProcess), once");
        assertEquals(availableBefore + 2, shop.quantity("R-SHIRT", main, "available"), "restocked at the location");
        assertEquals(mugsBefore, shop.quantity("R-MUG", main, "available"), "not restocked");
        JsonObject after = json(wms.api("GET", "/api/v1/returns/" + returnId, null));
        assertEquals("CLOSED", after.getString("state"));
        HttpResponse<String> more = receipt(returnId, "RCPT-2", line("W-SHIRT", 1, true));
        assertEquals(422, more.statusCode(), "nothing more is expected");
    }

    @Test
    void aReturnShopifyDoesNotKnowIsCreatedThereWhenTheStoreAllowsItElseHeld() throws Exception {
        ShippedOrderFixture unannounced = storeOf("returns-unannounced-it.myshopify.com");
        returnSync(unannounced, true);
        var order = unannounced.shippedOrder("RS-UNANNOUNCED", Map.of("R-MUG", 2), "W-MUG", 2);
        long orderId = wms.count("select id from shop_order where shopify_order_id = '" + order.id() + "'");
        int mugsBefore = unannounced.shop.quantity("R-MUG", unannounced.location, "available");
        String body = Json.createObjectBuilder()
                .add("receiptId", "RCPT-U1")
                .add("orderId", orderId)
                .add("lines", Json.createArrayBuilder().add(line("W-MUG", 1, true)))
                .build()
                .toString();
        HttpResponse<String> created = wms.api("POST", "/api/v1/returns", body);
        assertEquals(202, created.statusCode(), created.body());
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> "DONE"
                        .equals(json(wms.api("GET", "/api/v1/returns/receipts/RCPT-U1", null))
                                .getString("state")),
                "the return created on Shopify and processed",
                () -> ": "
                        + wms.api("GET", "/api/v1/returns/receipts/RCPT-U1", null)
                                .body());
        assertEquals(1, order.returns().size(), "one return created on Shopify");
        assertEquals("CLOSED", order.returns().get(0).status());
        assertEquals(mugsBefore + 1, unannounced.shop.quantity("R-MUG", unannounced.location, "available"));
        assertEquals(
                200, wms.api("POST", "/api/v1/returns", body).statusCode(), "the same receipt again changes nothing");
        assertEquals(1, order.returns().size());
        assertEquals(
                422,
                wms.api(
                                "POST",
                                "/api/v1/returns",
                                Json.createObjectBuilder()
                                        .add("receiptId", "RCPT-U9")
                                        .add("orderId", orderId)
                                        .add("lines", Json.createArrayBuilder().add(line("W-SHIRT", 1, true)))
                                        .build()
                                        .toString())
                        .statusCode(),
                "a product not in the order");

        returnSync(unannounced, false);
        HttpResponse<String> held = wms.api(
                "POST",
                "/api/v1/returns",
                Json.createObjectBuilder()
                        .add("receiptId", "RCPT-U2")
                        .add("orderId", orderId)
                        .add("lines", Json.createArrayBuilder().add(line("W-MUG", 1, false)))
                        .build()
                        .toString());
        assertEquals(202, held.statusCode(), held.body());
        JsonObject parked = json(wms.api("GET", "/api/v1/returns/receipts/RCPT-U2", null));
        assertEquals("FAILED", parked.getString("state"));
        assertTrue(parked.getString("reason").contains("does not create returns"), parked.toString());
        Thread.sleep(1500);
        assertEquals(1, order.returns().size(), "nothing created on Shopify");
    }

    @Test
    void aRetryAfterShopifysAnswerWasLostDoesNotProcessOrRestockTwice() throws Exception {
        Approved approved = approvedReturn("RS-LOST", "R-SHIRT", "W-SHIRT", 2);
        Return requested = approved.onShopify();
        long returnId = approved.returnId();
        int before = shop.quantity("R-SHIRT", main, "available");
        shop.faults().serverErrorAfterWriteShare(1.0);
        try {
            assertEquals(
                    202, receipt(returnId, "RCPT-L1", line("W-SHIRT", 2, true)).statusCode());
            await(() -> disposed(requested) == 2, "processed on Shopify, its answer lost");
        } finally {
            shop.faults().none();
        }
        await(
                () -> "DONE"
                        .equals(json(wms.api("GET", "/api/v1/returns/receipts/RCPT-L1", null))
                                .getString("state")),
                "the receipt done after the retry");
        assertEquals(2, disposed(requested), "disposed of once");
        assertEquals(
                2,
                requested.returnLineItems().stream()
                        .mapToInt(ReturnLineItem::processedQuantity)
                        .sum(),
                "processed once");
        assertEquals(before + 2, shop.quantity("R-SHIRT", main, "available"), "restocked once");
        assertEquals("CLOSED", requested.status());
    }

    @Test
    void aReturnClosedOnShopifyBeforeItWasReceivedTellsTheWmsNotToExpectIt() throws Exception {
        Approved approved = approvedReturn("RS-CLOSED", "R-MUG", "W-MUG", 1);
        Return requested = approved.onShopify();
        long returnId = approved.returnId();
        shop.closeReturn(requested);
        JsonObject[] entry = new JsonObject[1];
        await(() -> (entry[0] = entry(requested.id())) != null, "the return back in the feed");
        assertEquals("CLOSED", entry[0].getString("state"));
        assertEquals("CLOSED", entry[0].getString("shopifyStatus"));
        HttpResponse<String> refused = receipt(returnId, "RCPT-C1", line("W-MUG", 1, true));
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("not expected any more"), refused.body());
        assertEquals(0, disposed(requested), "nothing processed on Shopify");
    }

    @Test
    void aReturnProcessedOnShopifyFirstIsNotProcessedOrRestockedAgain() throws Exception {
        Approved approved = approvedReturn("RS-PROCESSED", "R-SHIRT", "W-SHIRT", 1);
        Return requested = approved.onShopify();
        long returnId = approved.returnId();
        int before = shop.quantity("R-SHIRT", main, "available");
        shop.processReturn(requested, main);
        await(
                () -> "PROCESSED"
                        .equals(wms.text(
                                "select outcome from webhook_delivery where topic = 'returns/process' "
                                        + "and convert_from(body, 'UTF8') like ?",
                                "%" + requested.id() + "%")),
                "the returns/process delivery handled");
        assertEquals(202, receipt(returnId, "RCPT-P1", line("W-SHIRT", 1, true)).statusCode());
        JsonObject[] receipt = new JsonObject[1];
        await(
                () -> "FAILED"
                        .equals((receipt[0] = json(wms.api("GET", "/api/v1/returns/receipts/RCPT-P1", null)))
                                .getString("state")),
                "the receipt parked");
        assertTrue(receipt[0].getString("reason").contains("processed on Shopify already"), receipt[0].toString());
        assertEquals(1, disposed(requested), "only the merchant's disposition");
        assertEquals(before + 1, shop.quantity("R-SHIRT", main, "available"), "restocked once, by the merchant");
    }

    /** A return of the units on Shopify and in the connector's feed. */
    record Approved(Return onShopify, long returnId) {}

    /**
     * With return sync on: an order of the units shipped, all of them requested back, the return acknowledged by the
     * WMS from the feed and approved on Shopify (the approval seen by the connector).
     */
    private static Approved approvedReturn(String key, String sku, String product, int units) throws Exception {
        var order = store.shippedOrder(key, Map.of(sku, units), product, units);
        Return requested = shop.requestReturn(order, Map.of(sku, units));
        long returnId = expected(requested);
        shop.approveReturn(requested);
        awaitShopifyStatus(returnId, "OPEN");
        return new Approved(requested, returnId);
    }

    /** Return sync of the store on or off, closing returns automatically. */
    private static void returnSync(ShippedOrderFixture of, boolean on) throws Exception {
        wms.sql("update return_policy set sync_enabled = " + on + ", auto_close = true where store_id = " + of.storeId);
    }

    /** Waits for the return in the feed and acknowledges it, as the WMS does: its connector id. */
    private static long expected(Return requested) throws Exception {
        JsonObject[] entry = new JsonObject[1];
        await(() -> (entry[0] = entry(requested.id())) != null, "the return in the feed");
        long returnId = entry[0].getJsonNumber("returnId").longValue();
        assertEquals(
                200,
                wms.api(
                                "POST",
                                "/api/v1/returns/" + returnId + "/acknowledgement",
                                "{\"revision\":"
                                        + entry[0].getJsonNumber("revision").longValue() + "}")
                        .statusCode());
        return returnId;
    }

    private static void awaitShopifyStatus(long returnId, String status) throws Exception {
        await(
                () -> status.equals(json(wms.api("GET", "/api/v1/returns/" + returnId, null))
                        .getString("shopifyStatus")),
                "Shopify status " + status + " seen");
    }

    private static int disposed(Return aReturn) {
        return aReturn.reverseFulfillmentOrders().stream()
                .flatMap(rfo -> rfo.lineItems().stream())
                .mapToInt(ReverseFulfillmentOrderLineItem::disposedQuantity)
                .sum();
    }

    private static JsonObject entry(String shopifyReturnId) throws Exception {
        return wms.returnEntry(shopifyReturnId);
    }

    private static HttpResponse<String> receipt(long returnId, String key, JsonObjectBuilder line) throws Exception {
        return wms.api(
                "POST",
                "/api/v1/returns/" + returnId + "/receipts",
                Json.createObjectBuilder()
                        .add("receiptId", key)
                        .add("lines", Json.createArrayBuilder().add(line))
                        .build()
                        .toString());
    }

    private static JsonObjectBuilder line(String product, int quantity, boolean restock) {
        return Json.createObjectBuilder()
                .add("product", product)
                .add("quantity", quantity)
                .add("restock", restock);
    }

    private static void await(WmsFixture.Check check, String what) throws Exception {
        WmsFixture.await(Duration.ofSeconds(60), check, what, () -> "");
    }
}
