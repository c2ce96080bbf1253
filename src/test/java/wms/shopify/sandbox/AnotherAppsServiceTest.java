package wms.shopify.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Another app's fulfillment service on the same store (a 3PL's): the connector's app reads its location as a
 * fulfillment service with the service's name, but may not fulfil the fulfillment orders Shopify assigns there, nor
 * answer their requests, and does not get them as its own assigned work, whatever scopes it holds.
 */
class AnotherAppsServiceTest {

    private static final String SCOPES = "read_products,write_inventory,read_locations,read_orders,"
            + "write_merchant_managed_fulfillment_orders,write_assigned_fulfillment_orders,"
            + "write_third_party_fulfillment_orders,write_fulfillments";

    private ShopifySandbox sandbox;
    private Shop shop;
    private Location warehouse;
    private FulfillmentService threePl;
    private AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        sandbox = ShopifySandbox.startForLocalDemo(
                SandboxSettings.defaults().withClock(new MutableClock(Instant.parse("2026-12-07T08:00:00Z"))));
        shop = sandbox.createShop("other-app.myshopify.com", Plan.STANDARD);
        warehouse = shop.addLocation("Main warehouse");
        shop.addProduct("Mug", "MUG");
        shop.addProduct("Plate", "PLATE");
        threePl = shop.addAnotherAppsFulfillmentService("ShipFast 3PL", "shipfast");
        for (String sku : List.of("MUG", "PLATE")) {
            shop.stock(sku, warehouse, 20);
            shop.stock(sku, threePl.location(), 20);
        }
        admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop, SCOPES));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void itsLocationReadsAsAFulfillmentServiceWithTheServicesName() throws Exception {
        JsonNode nodes = admin.graphQl(
                        "{ locations(first: 10) { nodes { id name isFulfillmentService "
                                + "fulfillmentService { handle serviceName } } } }",
                        Map.of())
                .at("/data/locations/nodes");
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        nodes.forEach(n -> byId.put(n.get("id").asText(), n));
        JsonNode service = byId.get(threePl.location().id());
        assertTrue(service.get("isFulfillmentService").asBoolean());
        assertEquals(
                "ShipFast 3PL", service.at("/fulfillmentService/serviceName").asText());
        assertEquals("shipfast-3pl", service.at("/fulfillmentService/handle").asText());
        JsonNode merchants = byId.get(warehouse.id());
        assertFalse(merchants.get("isFulfillmentService").asBoolean());
        assertTrue(merchants.get("fulfillmentService").isNull());
    }

    @Test
    void fulfillingItsFulfillmentOrderIsRefusedAndChangesNothing() throws Exception {
        Order order =
                shop.placeSplitOrder(true, Map.of(warehouse, Map.of("MUG", 1), threePl.location(), Map.of("PLATE", 2)));
        FulfillmentOrder theirs = order.fulfillmentOrders().stream()
                .filter(fo -> fo.location() == threePl.location())
                .findFirst()
                .orElseThrow();
        assertFalse(actions(theirs.id()).contains("CREATE_FULFILLMENT"), "not offered to this app");

        JsonNode refused = fulfil(theirs.id());
        assertTrue(refused.get("fulfillment").isNull());
        assertEquals(
                "The api_client does not have access to the fulfillment order.",
                refused.at("/userErrors/0/message").asText());
        assertEquals("OPEN", theirs.status());
        assertEquals(2, theirs.lineItems().get(0).remainingQuantity());
        assertTrue(order.fulfillments().isEmpty());

        // Still refused once the merchant has asked the other app to fulfil it: the work is that app's.
        shop.requestFulfillment(theirs, "please ship");
        assertEquals("SUBMITTED", theirs.requestStatus());
        assertEquals(
                "The api_client does not have access to the fulfillment order.",
                fulfil(theirs.id()).at("/userErrors/0/message").asText());
        JsonNode accept = admin.graphQl(
                        "mutation($id: ID!) { fulfillmentOrderAcceptFulfillmentRequest(id: $id) { "
                                + "fulfillmentOrder { id } userErrors { field message } } }",
                        Map.of("id", theirs.id()))
                .at("/data/fulfillmentOrderAcceptFulfillmentRequest");
        assertEquals(
                "The fulfillment order is not assigned to the requesting fulfillment service.",
                accept.at("/userErrors/0/message").asText());
        assertEquals("SUBMITTED", theirs.requestStatus());
        JsonNode assigned = admin.graphQl("{ assignedFulfillmentOrders(first: 10) { nodes { id } } }", Map.of())
                .at("/data/assignedFulfillmentOrders/nodes");
        assertEquals(0, assigned.size(), "another app's work is not this app's assigned work");

        // The merchant's own location is this app's to fulfil, as before.
        FulfillmentOrder ours = order.fulfillmentOrders().stream()
                .filter(fo -> fo.location() == warehouse)
                .findFirst()
                .orElseThrow();
        assertTrue(actions(ours.id()).contains("CREATE_FULFILLMENT"));
        assertTrue(fulfil(ours.id()).get("userErrors").isEmpty());
        assertEquals("CLOSED", ours.status());
    }

    private JsonNode fulfil(String fulfillmentOrderId) throws Exception {
        return admin.graphQl(
                        "mutation($fo: ID!) { fulfillmentCreate(fulfillment: {lineItemsByFulfillmentOrder: "
                                + "[{fulfillmentOrderId: $fo}]}) { fulfillment { id } userErrors { field message } } }",
                        Map.of("fo", fulfillmentOrderId))
                .at("/data/fulfillmentCreate");
    }

    private List<String> actions(String fulfillmentOrderId) throws Exception {
        JsonNode node = admin.graphQl(
                        "query($id: ID!) { fulfillmentOrder(id: $id) { supportedActions { action } } }",
                        Map.of("id", fulfillmentOrderId))
                .at("/data/fulfillmentOrder/supportedActions");
        List<String> actions = new ArrayList<>();
        node.forEach(a -> actions.add(a.get("action").asText()));
        return actions;
    }
}
