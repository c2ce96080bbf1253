package wms.shopify.sandbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Returns as the WMS receives them: a customer's request awaits approval, approval opens a reverse fulfillment order,
 * dispositions decide the stock (RESTOCKED raises {@code available} and {@code on_hand} at the location given,
 * NOT_RESTOCKED changes nothing), {@code returnProcess} marks units processed with their dispositions, and
 * {@code returnClose} ends the return. Each step sends its {@code returns/*} webhook.
 */
class ReturnsTest {

    private static final String RETURN_FIELDS = "return { id status requestApprovedAt closedAt "
            + "returnLineItems(first: 5) { nodes { id ... on ReturnLineItem { quantity processedQuantity "
            + "processableQuantity } } } reverseFulfillmentOrders(first: 5) { nodes { id status "
            + "lineItems(first: 5) { nodes { id totalQuantity dispositions { quantity type location { id } } } } } } } "
            + "userErrors { code field message }";

    private ShopifySandbox sandbox;
    private Shop shop;
    private Location warehouse;
    private Location returnsCentre;
    private AdminClient admin;
    private WebhookReceiver receiver;
    private Order order;

    @BeforeEach
    void start() throws Exception {
        sandbox = ShopifySandbox.startForLocalDemo(SandboxSettings.defaults());
        shop = sandbox.createShop("returns.myshopify.com", Plan.STANDARD);
        warehouse = shop.addLocation("Main warehouse");
        returnsCentre = shop.addLocation("Returns centre");
        shop.addProduct("T-shirt", "TS-S");
        shop.stock("TS-S", warehouse, 10);
        shop.stock("TS-S", returnsCentre, 0);
        admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop));
        receiver = WebhookReceiver.accepting();
        for (String topic : List.of(
                "RETURNS_REQUEST",
                "RETURNS_APPROVE",
                "RETURNS_PROCESS",
                "RETURNS_CLOSE",
                "REVERSE_FULFILLMENT_ORDERS_DISPOSE")) {
            admin.subscribe(topic, receiver.uri());
        }
        order = shop.placeOrder(warehouse, true, Map.of("TS-S", 3));
        admin.graphQl(
                "mutation($fo: ID!) { fulfillmentCreate(fulfillment: {lineItemsByFulfillmentOrder: "
                        + "[{fulfillmentOrderId: $fo}]}) { userErrors { message } } }",
                Map.of("fo", order.fulfillmentOrders().get(0).id()));
    }

    @AfterEach
    void stop() throws IOException {
        receiver.close();
        sandbox.close();
    }

    @Test
    void aRequestedReturnHasNoReverseFulfillmentOrderUntilApproved() throws Exception {
        JsonNode requested = request(2).at("/data/returnRequest/return");
        assertEquals("REQUESTED", requested.get("status").asText());
        assertTrue(requested.at("/reverseFulfillmentOrders/nodes").isEmpty());
        assertTrue(requested.get("requestApprovedAt").isNull());

        JsonNode approved = approve(requested.get("id").asText());
        assertEquals(
                "OPEN", approved.at("/data/returnApproveRequest/return/status").asText());
        assertFalse(approved.at("/data/returnApproveRequest/return/requestApprovedAt")
                .isNull());
        assertEquals(
                2,
                approved.at("/data/returnApproveRequest/return/reverseFulfillmentOrders/nodes/0/lineItems/nodes/0"
                                + "/totalQuantity")
                        .asInt());

        JsonNode again = approve(requested.get("id").asText());
        assertEquals(
                "INVALID_STATE",
                again.at("/data/returnApproveRequest/userErrors/0/code").asText());
        awaitTopics("returns/request", "returns/approve");
    }

    @Test
    void restockedRaisesAvailableAtTheGivenLocationAndNotRestockedChangesNothing() throws Exception {
        String line = reverseLine(
                approve(request(2).at("/data/returnRequest/return/id").asText())
                        .at("/data/returnApproveRequest/return"));
        JsonNode restocked = dispose(line, 1, "RESTOCKED", returnsCentre);
        assertTrue(
                restocked.at("/data/reverseFulfillmentOrderDispose/userErrors").isEmpty(), restocked.toString());
        assertEquals(1, shop.quantity("TS-S", returnsCentre, "available"));
        assertEquals(1, shop.quantity("TS-S", returnsCentre, "on_hand"));
        assertEquals(7, shop.quantity("TS-S", warehouse, "available"));

        JsonNode notRestocked = dispose(line, 1, "NOT_RESTOCKED", null);
        assertTrue(notRestocked
                .at("/data/reverseFulfillmentOrderDispose/userErrors")
                .isEmpty());
        assertEquals(1, shop.quantity("TS-S", returnsCentre, "available"));
        assertEquals(7, shop.quantity("TS-S", warehouse, "available"));
        assertEquals(7, shop.quantity("TS-S", warehouse, "on_hand"));

        JsonNode beyond = dispose(line, 1, "RESTOCKED", warehouse);
        assertFalse(beyond.at("/data/reverseFulfillmentOrderDispose/userErrors").isEmpty());
        assertEquals(7, shop.quantity("TS-S", warehouse, "available"));
        awaitTopics("reverse_fulfillment_orders/dispose");
    }

    @Test
    void returnProcessMarksUnitsProcessedAndAppliesTheirDispositions() throws Exception {
        JsonNode created = admin.graphQl(
                        "mutation($order: ID!, $fli: ID!) { returnCreate(returnInput: {orderId: "
                                + "$order, returnLineItems: [{fulfillmentLineItemId: $fli, quantity: 2}]}) { "
                                + RETURN_FIELDS
                                + " } }",
                        Map.of("order", order.id(), "fli", fulfillmentLine()))
                .at("/data/returnCreate/return");
        String returnLine = created.at("/returnLineItems/nodes/0/id").asText();
        String line = reverseLine(created);
        String process =
                "mutation($input: ReturnProcessInput!) { returnProcess(input: $input) { " + RETURN_FIELDS + " } }";
        Map<String, Object> input = Map.of(
                "returnId",
                created.get("id").asText(),
                "returnLineItems",
                List.of(Map.of(
                        "id",
                        returnLine,
                        "quantity",
                        2,
                        "dispositions",
                        List.of(
                                disposition(line, 1, "RESTOCKED", warehouse),
                                disposition(line, 1, "NOT_RESTOCKED", null)))));
        JsonNode processed = admin.graphQl(process, Map.of("input", input)).at("/data/returnProcess");
        assertTrue(processed.get("userErrors").isEmpty(), processed.toString());
        assertEquals(
                2,
                processed
                        .at("/return/returnLineItems/nodes/0/processedQuantity")
                        .asInt());
        assertEquals(
                0,
                processed
                        .at("/return/returnLineItems/nodes/0/processableQuantity")
                        .asInt());
        assertEquals(8, shop.quantity("TS-S", warehouse, "available"));

        JsonNode twice = admin.graphQl(process, Map.of("input", input)).at("/data/returnProcess");
        assertEquals("INVALID", twice.at("/userErrors/0/code").asText());
        assertEquals(8, shop.quantity("TS-S", warehouse, "available"));
        awaitTopics("returns/approve", "returns/process");
    }

    @Test
    void returnProcessRefusesWhatShopifyRefusesAndChangesNothing() throws Exception {
        JsonNode created = admin.graphQl(
                        "mutation($order: ID!, $fli: ID!) { returnCreate(returnInput: {orderId: "
                                + "$order, returnLineItems: [{fulfillmentLineItemId: $fli, quantity: 2}]}) { "
                                + RETURN_FIELDS
                                + " } }",
                        Map.of("order", order.id(), "fli", fulfillmentLine()))
                .at("/data/returnCreate/return");
        String id = created.get("id").asText();
        String returnLine = created.at("/returnLineItems/nodes/0/id").asText();
        String line = reverseLine(created);
        String process =
                "mutation($input: ReturnProcessInput!) { returnProcess(input: $input) { " + RETURN_FIELDS + " } }";

        JsonNode tooMany = admin.graphQl(
                        process, processing(id, returnLine, 3, disposition(line, 3, "RESTOCKED", warehouse)))
                .at("/data/returnProcess");
        assertEquals("INVALID", tooMany.at("/userErrors/0/code").asText(), tooMany.toString());
        assertTrue(tooMany.get("return").isNull());

        JsonNode moreDisposedThanProcessed = admin.graphQl(
                        process, processing(id, returnLine, 1, disposition(line, 2, "RESTOCKED", warehouse)))
                .at("/data/returnProcess");
        assertEquals(
                "Dispositions exceed the quantity processed.",
                moreDisposedThanProcessed.at("/userErrors/0/message").asText());

        JsonNode unknownLine = admin.graphQl(
                        process,
                        Map.of(
                                "input",
                                Map.of(
                                        "returnId",
                                        id,
                                        "returnLineItems",
                                        List.of(Map.of("id", "gid://shopify/ReturnLineItem/999999", "quantity", 1)))))
                .at("/data/returnProcess");
        assertEquals("NOT_FOUND", unknownLine.at("/userErrors/0/code").asText());
        assertEquals(
                List.of("input", "returnLineItems", "0"),
                List.of(
                        unknownLine.at("/userErrors/0/field/0").asText(),
                        unknownLine.at("/userErrors/0/field/1").asText(),
                        unknownLine.at("/userErrors/0/field/2").asText()));
        assertEquals(7, shop.quantity("TS-S", warehouse, "available"));
        assertEquals(0, shop.find(returnLine, ReturnLineItem.class).processedQuantity());

        admin.graphQl("mutation($id: ID!) { returnClose(id: $id) { userErrors { message } } }", Map.of("id", id));
        JsonNode closed = admin.graphQl(
                        process,
                        Map.of(
                                "input",
                                Map.of(
                                        "returnId",
                                        id,
                                        "returnLineItems",
                                        List.of(Map.of("id", returnLine, "quantity", 1)))))
                .at("/data/returnProcess");
        assertEquals("INVALID_STATE", closed.at("/userErrors/0/code").asText());
        assertEquals(0, shop.find(returnLine, ReturnLineItem.class).processedQuantity());
    }

    @Test
    void returnCloseClosesTheReturnAndItsReverseFulfillmentOrderOnce() throws Exception {
        String id = approve(request(1).at("/data/returnRequest/return/id").asText())
                .at("/data/returnApproveRequest/return/id")
                .asText();
        String close = "mutation($id: ID!) { returnClose(id: $id) { " + RETURN_FIELDS + " } }";
        JsonNode closed = admin.graphQl(close, Map.of("id", id)).at("/data/returnClose");
        assertEquals("CLOSED", closed.at("/return/status").asText());
        assertFalse(closed.at("/return/closedAt").isNull());
        assertEquals(
                "CLOSED",
                closed.at("/return/reverseFulfillmentOrders/nodes/0/status").asText());
        assertEquals(
                "INVALID_STATE",
                admin.graphQl(close, Map.of("id", id))
                        .at("/data/returnClose/userErrors/0/code")
                        .asText());
        awaitTopics("returns/close");
    }

    private JsonNode request(int quantity) throws Exception {
        return admin.graphQl(
                "mutation($input: ReturnRequestInput!) { returnRequest(input: $input) { " + RETURN_FIELDS + " } }",
                Map.of(
                        "input",
                        Map.of(
                                "orderId",
                                order.id(),
                                "returnLineItems",
                                List.of(Map.of("fulfillmentLineItemId", fulfillmentLine(), "quantity", quantity)))));
    }

    private JsonNode approve(String returnId) throws Exception {
        return admin.graphQl(
                "mutation($id: ID!) { returnApproveRequest(input: {id: $id}) { " + RETURN_FIELDS + " } }",
                Map.of("id", returnId));
    }

    private JsonNode dispose(String line, int quantity, String type, Location location) throws Exception {
        return admin.graphQl(
                "mutation($inputs: [ReverseFulfillmentOrderDisposeInput!]!) { "
                        + "reverseFulfillmentOrderDispose(dispositionInputs: $inputs) { userErrors { code message } } }",
                Map.of("inputs", List.of(disposition(line, quantity, type, location))));
    }

    /** The variables of {@code returnProcess} for one return line with one disposition. */
    private static Map<String, Object> processing(
            String returnId, String returnLine, int quantity, Map<String, Object> disposition) {
        return Map.of(
                "input",
                Map.of(
                        "returnId",
                        returnId,
                        "returnLineItems",
                        List.of(Map.of("id", returnLine, "quantity", quantity, "dispositions", List.of(disposition)))));
    }

    private static Map<String, Object> disposition(String line, int quantity, String type, Location location) {
        return AdminClient.input(
                "reverseFulfillmentOrderLineItemId",
                line,
                "quantity",
                quantity,
                "dispositionType",
                type,
                "locationId",
                location == null ? null : location.id());
    }

    private String fulfillmentLine() {
        return order.fulfillments().get(0).fulfillmentLineItems().get(0).id();
    }

    private static String reverseLine(JsonNode aReturn) {
        return aReturn.at("/reverseFulfillmentOrders/nodes/0/lineItems/nodes/0/id")
                .asText();
    }

    private void awaitTopics(String... topics) {
        for (String topic : topics) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !receiver.deliveries(topic).isEmpty());
        }
    }
}
