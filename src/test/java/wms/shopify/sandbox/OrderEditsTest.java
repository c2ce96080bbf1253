package wms.shopify.sandbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Order edits over HTTP as an app makes them: begin, stage (add a variant, set a quantity), commit. Nothing changes
 * before the commit; the commit changes the lines ({@code currentQuantity}), the fulfillment orders and the committed
 * stock together and sends {@code orders/edited} with the additions and removals. Units shipped or with a fulfillment
 * service cannot be edited away.
 */
class OrderEditsTest {

    private static final String SCOPES = "read_products,write_inventory,read_locations,read_orders,write_order_edits,"
            + "write_merchant_managed_fulfillment_orders,write_assigned_fulfillment_orders,write_fulfillments";
    private static final String EDIT = "calculatedOrder { id committed subtotalLineItemsQuantity lineItems(first: 10) "
            + "{ nodes { id sku quantity editableQuantity } } addedLineItems(first: 10) { nodes { id sku quantity } } } "
            + "userErrors { field message }";

    private ShopifySandbox sandbox;
    private Shop shop;
    private Location warehouse;
    private AdminClient admin;
    private WebhookReceiver webhooks;

    @BeforeEach
    void start() throws Exception {
        sandbox = ShopifySandbox.startForLocalDemo(SandboxSettings.defaults().withWebhookTimeScale(0.0001));
        shop = sandbox.createShop("edits.myshopify.com", Plan.STANDARD);
        warehouse = shop.addLocation("Main warehouse");
        shop.addProduct("T-shirt", "TS-S", "TS-M");
        shop.addProduct("Mug", "MUG");
        for (String sku : List.of("TS-S", "TS-M", "MUG")) {
            shop.stock(sku, warehouse, 10);
        }
        admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop, SCOPES));
        webhooks = WebhookReceiver.accepting();
        admin.subscribe("ORDERS_EDITED", webhooks.uri());
    }

    @AfterEach
    void stop() {
        webhooks.close();
        sandbox.close();
    }

    @Test
    void aCommittedEditChangesLinesFulfillmentOrdersAndStockTogether() throws Exception {
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 2, "TS-M", 3));
        JsonNode begun = begin(order.id());
        String edit = begun.at("/calculatedOrder/id").asText();
        assertEquals(5, begun.at("/calculatedOrder/subtotalLineItemsQuantity").asInt());

        String small = calculatedLine(begun, "TS-S");
        String medium = calculatedLine(begun, "TS-M");
        assertTrue(setQuantity(edit, small, 3).at("/userErrors").isEmpty());
        assertTrue(setQuantity(edit, medium, 1).at("/userErrors").isEmpty());
        JsonNode added = admin.graphQl(
                        "mutation($id: ID!, $variant: ID!) { orderEditAddVariant(id: $id, variantId: $variant, "
                                + "quantity: 2) { calculatedLineItem { sku quantity } " + EDIT + " } }",
                        Map.of("id", edit, "variant", shop.item("MUG").variant().id()))
                .at("/data/orderEditAddVariant");
        assertEquals("MUG", added.at("/calculatedLineItem/sku").asText());
        assertEquals(6, added.at("/calculatedOrder/subtotalLineItemsQuantity").asInt());
        // Staged only: the order and the stock are as they were.
        assertEquals(5, shop.quantity("TS-S", warehouse, "committed") + shop.quantity("TS-M", warehouse, "committed"));
        assertEquals(2, order.lineItems().size());

        JsonNode committed = commit(edit);
        assertTrue(committed.at("/userErrors").isEmpty(), committed.toString());
        assertEquals(3, lineOf(order, "TS-S").currentQuantity());
        assertEquals(1, lineOf(order, "TS-M").currentQuantity());
        assertEquals(3, lineOf(order, "TS-M").quantity());
        assertEquals(2, lineOf(order, "MUG").currentQuantity());
        assertEquals(3, shop.quantity("TS-S", warehouse, "committed"));
        assertEquals(7, shop.quantity("TS-S", warehouse, "available"));
        assertEquals(1, shop.quantity("TS-M", warehouse, "committed"));
        assertEquals(9, shop.quantity("TS-M", warehouse, "available"));
        assertEquals(2, shop.quantity("MUG", warehouse, "committed"));
        FulfillmentOrder original = order.fulfillmentOrders().get(0);
        assertEquals(4, original.remainingQuantity());
        assertEquals(2, order.fulfillmentOrders().size());
        assertEquals(2, order.fulfillmentOrders().get(1).remainingQuantity());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !webhooks.deliveries("orders/edited").isEmpty());
        JsonNode body = webhooks.deliveries("orders/edited").get(0).json().get("order_edit");
        assertEquals(order.legacyResourceId(), body.get("order_id").asLong());
        assertEquals(2, body.at("/line_items/additions").size());
        assertEquals(
                lineOf(order, "TS-S").legacyResourceId(),
                body.at("/line_items/additions/0/id").asLong());
        assertEquals(1, body.at("/line_items/additions/0/delta").asInt());
        assertEquals(2, body.at("/line_items/additions/1/delta").asInt());
        assertEquals(
                lineOf(order, "TS-M").legacyResourceId(),
                body.at("/line_items/removals/0/id").asLong());
        assertEquals(2, body.at("/line_items/removals/0/delta").asInt());

        JsonNode again = commit(edit);
        assertEquals(
                "The calculated order has already been committed.",
                again.at("/userErrors/0/message").asText());
    }

    @Test
    void removingEveryUnitOfAFulfillmentOrderClosesIt() throws Exception {
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 2));
        JsonNode begun = begin(order.id());
        String edit = begun.at("/calculatedOrder/id").asText();
        setQuantity(edit, calculatedLine(begun, "TS-S"), 0);
        commit(edit);
        assertEquals("CLOSED", order.fulfillmentOrders().get(0).status());
        assertEquals(0, shop.quantity("TS-S", warehouse, "committed"));
        assertEquals(10, shop.quantity("TS-S", warehouse, "available"));
    }

    @Test
    void shippedUnitsAndUnitsWithAServiceCannotBeEditedAway() throws Exception {
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 3));
        FulfillmentOrder fo = order.fulfillmentOrders().get(0);
        admin.graphQl(
                "mutation($fo: ID!, $line: ID!) { fulfillmentCreate(fulfillment: {lineItemsByFulfillmentOrder: "
                        + "[{fulfillmentOrderId: $fo, fulfillmentOrderLineItems: [{id: $line, quantity: 2}]}]}) { "
                        + "userErrors { message } } }",
                Map.of("fo", fo.id(), "line", fo.lineItems().get(0).id()));
        JsonNode begun = begin(order.id());
        String edit = begun.at("/calculatedOrder/id").asText();
        String line = calculatedLine(begun, "TS-S");
        assertEquals(
                1,
                begun.at("/calculatedOrder/lineItems/nodes/0/editableQuantity").asInt());
        JsonNode refused = setQuantity(edit, line, 1);
        assertEquals("[\"quantity\"]", refused.at("/userErrors/0/field").toString());
        assertTrue(
                setQuantity(edit, line, -1).at("/userErrors/0/message").asText().contains("greater than or equal"));
        assertTrue(admin.graphQl(
                        "mutation($id: ID!, $variant: ID!) { orderEditAddVariant(id: $id, variantId: $variant, "
                                + "quantity: 1) { " + EDIT + " } }",
                        Map.of(
                                "id",
                                edit,
                                "variant",
                                shop.item("TS-S").variant().id()))
                .at("/data/orderEditAddVariant/userErrors/0/message")
                .asText()
                .contains("already on the order"));

        JsonNode service = admin.graphQl(
                        "mutation { fulfillmentServiceCreate(name: \"Acme\") { fulfillmentService { location { id } "
                                + "} } }",
                        Map.of())
                .at("/data/fulfillmentServiceCreate/fulfillmentService/location/id");
        Location serviceLocation = shop.find(service.asText(), Location.class);
        shop.stock("MUG", serviceLocation, 5);
        Order atService = shop.placeOrder(serviceLocation, true, Map.of("MUG", 2));
        shop.requestFulfillment(atService.fulfillmentOrders().get(0), null);
        JsonNode sent = begin(atService.id());
        assertEquals(
                0,
                sent.at("/calculatedOrder/lineItems/nodes/0/editableQuantity").asInt());
        assertTrue(setQuantity(sent.at("/calculatedOrder/id").asText(), calculatedLine(sent, "MUG"), 1)
                .at("/userErrors/0/message")
                .asText()
                .contains("with a fulfillment service"));
    }

    @Test
    void aCancelledOrderCannotBeEdited() throws Exception {
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 1));
        shop.cancelOrder(order, "CUSTOMER");
        JsonNode refused = begin(order.id());
        assertTrue(refused.get("calculatedOrder").isNull());
        assertEquals(
                "A cancelled order cannot be edited.",
                refused.at("/userErrors/0/message").asText());
    }

    private JsonNode begin(String orderId) throws Exception {
        return admin.graphQl(
                        "mutation($id: ID!) { orderEditBegin(id: $id) { orderEditSession { id } " + EDIT + " } }",
                        Map.of("id", orderId))
                .at("/data/orderEditBegin");
    }

    private JsonNode setQuantity(String edit, String line, int quantity) throws Exception {
        return admin.graphQl(
                        "mutation($id: ID!, $line: ID!, $q: Int!) { orderEditSetQuantity(id: $id, lineItemId: $line, "
                                + "quantity: $q, restock: true) { calculatedLineItem { quantity } " + EDIT + " } }",
                        Map.of("id", edit, "line", line, "q", quantity))
                .at("/data/orderEditSetQuantity");
    }

    private JsonNode commit(String edit) throws Exception {
        return admin.graphQl(
                        "mutation($id: ID!) { orderEditCommit(id: $id, notifyCustomer: false, staffNote: \"phone "
                                + "call\") { order { id lineItems(first: 10) { nodes { sku quantity currentQuantity "
                                + "} } } successMessages userErrors { field message } } }",
                        Map.of("id", edit))
                .at("/data/orderEditCommit");
    }

    private static String calculatedLine(JsonNode begun, String sku) {
        for (JsonNode line : begun.at("/calculatedOrder/lineItems/nodes")) {
            if (line.get("sku").asText().equals(sku)) {
                return line.get("id").asText();
            }
        }
        throw new AssertionError("no line " + sku + " in " + begun);
    }

    private static LineItem lineOf(Order order, String sku) {
        return order.lineItems().stream()
                .filter(li -> li.sku().equals(sku))
                .findFirst()
                .orElseThrow();
    }
}
