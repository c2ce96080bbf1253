package wms.shopify.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import wms.shopify.adminapi.control.AdminOperation;

/** The connector's order documents answered by the sandbox as Shopify answers them: a placed, a paid, a cancelled order. */
class OrderDocumentsTest {

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
        admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void anOrderIsReadWithItsLinesFulfillmentOrdersAndShippingData() throws Exception {
        Order order = shop.placeOrder(warehouse, false, Map.of("TS-S", 2), true, "Ring twice");
        JsonNode answer = admin.graphQl(AdminOperation.ORDER.document(), Map.of("id", order.id()));
        assertTrue(answer.path("errors").isMissingNode(), answer.toString());
        JsonNode read = answer.at("/data/order");
        assertEquals("PENDING", read.path("displayFinancialStatus").asText());
        assertEquals("UNFULFILLED", read.path("displayFulfillmentStatus").asText());
        assertTrue(read.path("test").asBoolean());
        assertEquals("Ring twice", read.path("note").asText());
        assertEquals("Standard Shipping", read.at("/shippingLine/title").asText());
        assertEquals("US", read.at("/shippingAddress/countryCodeV2").asText());
        assertEquals(2, read.at("/lineItems/nodes/0/unfulfilledQuantity").asInt());
        assertEquals(
                shop.item("TS-S").id(),
                read.at("/lineItems/nodes/0/variant/inventoryItem/id").asText());
        assertEquals(
                warehouse.id(),
                read.at("/fulfillmentOrders/nodes/0/assignedLocation/location/id")
                        .asText());
        assertEquals(
                2,
                read.at("/fulfillmentOrders/nodes/0/lineItems/nodes/0/remainingQuantity")
                        .asInt());

        shop.markPaid(order);
        shop.cancelOrder(order, "CUSTOMER");
        read = admin.graphQl(AdminOperation.ORDER.document(), Map.of("id", order.id()))
                .at("/data/order");
        assertEquals("PAID", read.path("displayFinancialStatus").asText());
        assertTrue(!read.path("cancelledAt").isNull());
        assertEquals("CLOSED", read.at("/fulfillmentOrders/nodes/0/status").asText());
    }

    @Test
    void ordersUpdatedSinceAreListedOldestChangeFirst() throws Exception {
        Order first = shop.placeOrder(warehouse, true, Map.of("TS-S", 1));
        Order second = shop.placeOrder(warehouse, true, Map.of("TS-S", 1));
        JsonNode answer = admin.graphQl(
                AdminOperation.ORDERS_UPDATED_SINCE.document(),
                Map.of("query", "updated_at:>='" + first.updatedAt().minusSeconds(5) + "'"));
        assertTrue(answer.path("errors").isMissingNode(), answer.toString());
        JsonNode nodes = answer.at("/data/orders/nodes");
        assertEquals(2, nodes.size(), answer.toString());
        assertEquals(first.id(), nodes.get(0).path("id").asText());
        assertEquals(second.id(), nodes.get(1).path("id").asText());
    }

    @Test
    void theWmsHoldDocumentsFindTheOrderHoldOnceUnderTheirHandleAndReleaseOnlyTheirHold() throws Exception {
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 2));
        String fo = order.fulfillmentOrders().get(0).id();
        JsonNode found = admin.graphQl(AdminOperation.FULFILLMENT_ORDER_PLACE.document(), Map.of("id", fo));
        assertEquals(order.id(), found.at("/data/fulfillmentOrder/orderId").asText(), found.toString());

        Map<String, Object> hold = Map.of(
                "id",
                fo,
                "fulfillmentHold",
                Map.of("reason", "INCORRECT_ADDRESS", "reasonNotes", "no such street", "handle", "wms-connector"));
        JsonNode held = admin.graphQl(AdminOperation.FULFILLMENT_ORDER_HOLD.document(), hold)
                .at("/data/fulfillmentOrderHold");
        assertTrue(held.path("userErrors").isEmpty(), held.toString());
        assertEquals("ON_HOLD", held.at("/fulfillmentOrder/status").asText());
        assertEquals(
                "DUPLICATE_FULFILLMENT_HOLD_HANDLE",
                admin.graphQl(AdminOperation.FULFILLMENT_ORDER_HOLD.document(), hold)
                        .at("/data/fulfillmentOrderHold/userErrors/0/code")
                        .asText(),
                "the WMS's hold is placed once");
        shop.hold(order.fulfillmentOrders().get(0), "HIGH_RISK_OF_FRAUD", "merchant's own");

        JsonNode read = admin.graphQl(AdminOperation.ORDER.document(), Map.of("id", order.id()))
                .at("/data/order/fulfillmentOrders/nodes/0");
        assertEquals("ON_HOLD", read.path("status").asText());
        assertEquals(2, read.path("fulfillmentHolds").size());
        JsonNode ours = read.at("/fulfillmentHolds/0");
        assertEquals("wms-connector", ours.path("handle").asText());
        assertEquals("INCORRECT_ADDRESS", ours.path("reason").asText());
        assertEquals("no such street", ours.path("reasonNotes").asText());

        JsonNode released = admin.graphQl(
                        AdminOperation.FULFILLMENT_ORDER_RELEASE_HOLD.document(),
                        Map.of(
                                "id",
                                fo,
                                "holdIds",
                                java.util.List.of(ours.path("id").asText())))
                .at("/data/fulfillmentOrderReleaseHold");
        assertTrue(released.path("userErrors").isEmpty(), released.toString());
        assertEquals("ON_HOLD", released.at("/fulfillmentOrder/status").asText(), "the merchant's hold stays");
        read = admin.graphQl(AdminOperation.ORDER.document(), Map.of("id", order.id()))
                .at("/data/order/fulfillmentOrders/nodes/0");
        assertEquals(1, read.path("fulfillmentHolds").size());
        assertEquals("HIGH_RISK_OF_FRAUD", read.at("/fulfillmentHolds/0/reason").asText());
    }
}
