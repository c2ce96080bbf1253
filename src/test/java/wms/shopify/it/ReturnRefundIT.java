package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.json;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Refund;
import wms.shopify.sandbox.Return;
import wms.shopify.sandbox.ReturnLineItem;
import wms.shopify.sandbox.Shop;

/**
 * "Refund when the return is processed", the returns policy set through the WMS API (and shown on Store Settings): on,
 * the units the WMS received are processed on Shopify with the refund Shopify suggests for them (their price, no
 * shipping), one Refund on the order; off (the default), they are processed and nothing is refunded. A policy with a
 * missing or non-boolean setting is refused, naming it, and changes nothing.
 */
class ReturnRefundIT {

    private static final String DOMAIN = "refund-it.myshopify.com";
    private static final String POLICY = "/api/v1/stores/" + DOMAIN + "/return-policy";

    static SandboxConnector connector;
    static Shop shop;
    static Location main;
    static WmsFixture wms;
    static long storeId;
    static JsonObject policyAtInstall;

    @BeforeAll
    static void storeWithMappedCatalog() throws Exception {
        connector = SandboxConnector.get();
        shop = WmsFixture.stockedShop(connector, DOMAIN, "Refund main", 100, "Shirt", "RF-SHIRT");
        main = shop.location("Refund main");
        wms = new WmsFixture(connector, "refund-it");
        storeId = wms.installForOrders(shop, main, "WH-RF", null);
        wms.catalog(DOMAIN, "W-RF-SHIRT", "RF-SHIRT");
        policyAtInstall = json(wms.api("GET", POLICY, null));
    }

    @Test
    void aPolicyWithAMissingOrNonBooleanSettingIsRefusedAndChangesNothing() throws Exception {
        assertEquals(false, policyAtInstall.getBoolean("refundOnProcess"), "off by default: " + policyAtInstall);
        JsonObject before = json(wms.api("GET", POLICY, null));

        HttpResponse<String> refused = wms.api("PUT", POLICY, "{\"syncEnabled\":true,\"autoClose\":\"yes\"}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("autoClose"), refused.body());
        assertTrue(refused.body().contains("refundOnProcess"), refused.body());
        assertEquals(before, json(wms.api("GET", POLICY, null)), "nothing changed");
    }

    @Test
    void withTheSettingOnTheProcessedReturnIsRefundedForTheReturnedUnits() throws Exception {
        JsonObject saved = policy(true);
        assertTrue(saved.getBoolean("refundOnProcess"));
        String page = connector
                .get(wms.admin, "/admin/store-settings.xhtml?store=" + storeId)
                .body();
        Matcher box = Pattern.compile("<input[^>]*id=\"[^\"]*refund-on-process\"[^>]*>")
                .matcher(page);
        assertTrue(box.find(), "the setting on Store Settings");
        assertTrue(box.group().contains("checked"), "shown as on: " + box.group());

        Received received = receivedReturn("RF-ON", 2);
        Return onShopify = received.onShopify();
        wms.shopify.sandbox.Order order = onShopify.order();
        assertEquals(1, order.refunds().size(), "one refund");
        Refund refund = order.refunds().get(0);
        assertEquals(new BigDecimal("39.98"), refund.totalRefunded(), "2 x 19.99, no shipping");
        assertEquals(2, refund.refundLineItems().get(0).quantity());
        assertEquals(onShopify, refund.returnOf());
        assertEquals("REFUNDED", order.displayFinancialStatus(), "the whole order came back; it had no shipping");
        assertEquals(
                2,
                onShopify.returnLineItems().stream()
                        .mapToInt(ReturnLineItem::refundedQuantity)
                        .sum());
    }

    @Test
    void withTheSettingOffTheReturnIsProcessedAndNothingIsRefunded() throws Exception {
        policy(false);
        Received received = receivedReturn("RF-OFF", 1);
        Return onShopify = received.onShopify();
        assertEquals(
                1,
                onShopify.returnLineItems().stream()
                        .mapToInt(ReturnLineItem::processedQuantity)
                        .sum(),
                "processed");
        assertTrue(onShopify.order().refunds().isEmpty(), "no refund");
        assertEquals("PAID", onShopify.order().displayFinancialStatus());
    }

    private static JsonObject policy(boolean refund) throws Exception {
        HttpResponse<String> saved =
                wms.api("PUT", POLICY, "{\"syncEnabled\":true,\"autoClose\":false,\"refundOnProcess\":" + refund + "}");
        assertEquals(200, saved.statusCode(), saved.body());
        return json(saved);
    }

    record Received(Return onShopify, long returnId) {}

    /**
     * An order shipped by the WMS, all its units requested back and approved on Shopify, acknowledged by the WMS from
     * the feed, then received by the WMS and processed on Shopify (the receipt DONE).
     */
    private static Received receivedReturn(String key, int units) throws Exception {
        var order = shop.placeOrder(main, true, Map.of("RF-SHIRT", units));
        long orderId = wms.acceptedOrder(order.id());
        JsonArrayBuilder lines = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("product", "W-RF-SHIRT").add("quantity", units));
        assertEquals(
                202,
                wms.api(
                                "POST",
                                "/api/v1/shipments",
                                Json.createObjectBuilder()
                                        .add("shipmentId", key)
                                        .add("orderId", orderId)
                                        .add("shippedAt", "2026-12-07T10:00:00Z")
                                        .add("lines", lines)
                                        .build()
                                        .toString())
                        .statusCode());
        await(
                () -> "FULFILLED"
                        .equals(json(wms.api("GET", "/api/v1/shipments/" + key, null))
                                .getString("state")),
                "shipment " + key);
        Return requested = shop.requestReturn(order, Map.of("RF-SHIRT", units));
        JsonObject[] entry = new JsonObject[1];
        await(() -> (entry[0] = wms.returnEntry(requested.id())) != null, "the return in the feed");
        long returnId = entry[0].getJsonNumber("returnId").longValue();
        assertEquals(
                200,
                wms.api(
                                "POST",
                                "/api/v1/returns/" + returnId + "/acknowledgement",
                                "{\"revision\":"
                                        + entry[0].getJsonNumber("revision").longValue() + "}")
                        .statusCode());
        shop.approveReturn(requested);
        await(
                () -> "OPEN"
                        .equals(json(wms.api("GET", "/api/v1/returns/" + returnId, null))
                                .getString("shopifyStatus")),
                "the approval seen");
        String receipt = "RCPT-" + key;
        HttpResponse<String> sent = wms.api(
                "POST",
                "/api/v1/returns/" + returnId + "/receipts",
                Json.createObjectBuilder()
                        .add("receiptId", receipt)
                        .add(
                                "lines",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("product", "W-RF-SHIRT")
                                                .add("quantity", units)
                                                .add("restock", true)))
                        .build()
                        .toString());
        assertEquals(202, sent.statusCode(), sent.body());
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> "DONE"
                        .equals(json(wms.api("GET", "/api/v1/returns/receipts/" + receipt, null))
                                .getString("state")),
                "the receipt processed on Shopify",
                () -> wms.api("GET", "/api/v1/returns/receipts/" + receipt, null)
                        .body());
        return new Received(requested, returnId);
    }

    private static void await(WmsFixture.Check check, String what) throws Exception {
        WmsFixture.await(Duration.ofSeconds(60), check, what, () -> "");
    }
}
