package wms.shopify.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import wms.shopify.adminapi.control.AdminOperation;

/**
 * The connector's shipping documents answered by the sandbox: an order's fulfillment orders and fulfillments read
 * (within the query cost limit), a fulfillment created on fulfillment order lines with the parcels' tracking, and its
 * tracking replaced later.
 */
class ShippingDocumentsTest {

    private ShopifySandbox sandbox;
    private Shop shop;
    private Location warehouse;
    private AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        sandbox = ShopifySandbox.start(
                SandboxSettings.defaults().withWebhookTimeScale(0.0001).withWebhookTimeout(Duration.ofSeconds(2)));
        shop = sandbox.createShop("demo.myshopify.com", Plan.STANDARD);
        warehouse = shop.addLocation("Main warehouse");
        shop.addProduct("T-shirt", "TS-S", "TS-M");
        shop.stock("TS-S", warehouse, 5);
        shop.stock("TS-M", warehouse, 5);
        admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aFulfillmentIsCreatedOnFulfillmentOrderLinesReadBackAndItsTrackingReplaced() throws Exception {
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 2, "TS-M", 1));
        JsonNode read = admin.graphQl(AdminOperation.ORDER_FULFILLMENTS.document(), Map.of("id", order.id()));
        assertTrue(read.path("errors").isMissingNode(), read.toString());
        JsonNode fo = read.at("/data/order/fulfillmentOrders/nodes/0");
        assertEquals(warehouse.id(), fo.at("/assignedLocation/location/id").asText());
        String foLine = fo.at("/lineItems/nodes/0/id").asText();
        int remaining = fo.at("/lineItems/nodes/0/remainingQuantity").asInt();

        JsonNode created = admin.graphQl(
                AdminOperation.FULFILLMENT_CREATE.document(),
                Map.of(
                        "fulfillment",
                        Map.of(
                                "notifyCustomer",
                                true,
                                "trackingInfo",
                                Map.of("company", "DHL Express", "numbers", List.of("A1", "A2")),
                                "lineItemsByFulfillmentOrder",
                                List.of(Map.of(
                                        "fulfillmentOrderId",
                                        fo.path("id").asText(),
                                        "fulfillmentOrderLineItems",
                                        List.of(Map.of("id", foLine, "quantity", 1)))))));
        assertTrue(created.path("errors").isMissingNode(), created.toString());
        assertEquals(0, created.at("/data/fulfillmentCreate/userErrors").size(), created.toString());
        String fulfillment =
                created.at("/data/fulfillmentCreate/fulfillment/id").asText();

        read = admin.graphQl(AdminOperation.ORDER_FULFILLMENTS.document(), Map.of("id", order.id()));
        assertEquals(
                remaining - 1,
                read.at("/data/order/fulfillmentOrders/nodes/0/lineItems/nodes/0/remainingQuantity")
                        .asInt());
        JsonNode made = read.at("/data/order/fulfillments/0");
        assertEquals(fulfillment, made.path("id").asText());
        assertEquals(1, made.at("/fulfillmentLineItems/nodes/0/quantity").asInt());
        assertEquals("A2", made.at("/trackingInfo/1/number").asText());

        JsonNode updated = admin.graphQl(
                AdminOperation.FULFILLMENT_TRACKING_INFO_UPDATE.document(),
                Map.of(
                        "fulfillmentId",
                        fulfillment,
                        "trackingInfoInput",
                        Map.of("company", "UPS", "number", "1Z9"),
                        "notifyCustomer",
                        false));
        assertEquals(
                0, updated.at("/data/fulfillmentTrackingInfoUpdate/userErrors").size(), updated.toString());
        read = admin.graphQl(AdminOperation.ORDER_FULFILLMENTS.document(), Map.of("id", order.id()));
        assertEquals(
                "UPS",
                read.at("/data/order/fulfillments/0/trackingInfo/0/company").asText());
        assertEquals(1, read.at("/data/order/fulfillments/0/trackingInfo").size());
    }

    @Test
    void aSecondFulfillmentWithATrackingUrlFollowsOneWithSeveralNumbers() throws Exception {
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 3, "TS-M", 1));
        JsonNode fo = admin.graphQl(AdminOperation.ORDER_FULFILLMENTS.document(), Map.of("id", order.id()))
                .at("/data/order/fulfillmentOrders/nodes/0");
        String first = fo.at("/lineItems/nodes/0/id").asText();
        String second = fo.at("/lineItems/nodes/1/id").asText();
        JsonNode one = admin.graphQl(
                AdminOperation.FULFILLMENT_CREATE.document(),
                Map.of(
                        "fulfillment",
                        Map.of(
                                "notifyCustomer",
                                true,
                                "trackingInfo",
                                Map.of("company", "DHL Express", "numbers", List.of("J1", "J2")),
                                "lineItemsByFulfillmentOrder",
                                List.of(Map.of(
                                        "fulfillmentOrderId",
                                        fo.path("id").asText(),
                                        "fulfillmentOrderLineItems",
                                        List.of(Map.of("id", first, "quantity", 1)))))));
        assertEquals(0, one.at("/data/fulfillmentCreate/userErrors").size(), one.toString());
        JsonNode read = admin.graphQl(AdminOperation.ORDER_FULFILLMENTS.document(), Map.of("id", order.id()));
        assertTrue(read.path("errors").isMissingNode(), read.toString());
        JsonNode two = admin.graphQl(
                AdminOperation.FULFILLMENT_CREATE.document(),
                Map.of(
                        "fulfillment",
                        Map.of(
                                "notifyCustomer",
                                true,
                                "trackingInfo",
                                Map.of("company", "Acme", "number", "AC-1", "url", "https://track.example/AC-1"),
                                "lineItemsByFulfillmentOrder",
                                List.of(Map.of(
                                        "fulfillmentOrderId",
                                        fo.path("id").asText(),
                                        "fulfillmentOrderLineItems",
                                        List.of(Map.of("id", second, "quantity", 1)))))));
        assertEquals(0, two.at("/data/fulfillmentCreate/userErrors").size(), two.toString());
        read = admin.graphQl(AdminOperation.ORDER_FULFILLMENTS.document(), Map.of("id", order.id()));
        assertEquals(
                "https://track.example/AC-1",
                read.at("/data/order/fulfillments/1/trackingInfo/0/url").asText(),
                read.toString());
    }
}
