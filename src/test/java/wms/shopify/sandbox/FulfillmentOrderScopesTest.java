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
 * Shopify returns only the fulfillment orders a token's fulfillment-order scopes cover (FulfillmentOrder object,
 * "Retrieving fulfillment orders"): without {@code read_third_party_fulfillment_orders} another app's fulfillment
 * orders are left out of {@code Order.fulfillmentOrders} and {@code fulfillmentOrders}, and read by id they are null,
 * as an id that names nothing; with it they are all there.
 */
class FulfillmentOrderScopesTest {

    private static final String WITHOUT_THIRD_PARTY = "read_products,write_inventory,read_locations,read_orders,"
            + "write_merchant_managed_fulfillment_orders,write_fulfillments";
    private static final String WITH_THIRD_PARTY = WITHOUT_THIRD_PARTY + ",read_third_party_fulfillment_orders";

    private ShopifySandbox sandbox;
    private Shop shop;
    private Location warehouse;
    private FulfillmentService threePl;
    private FulfillmentOrder ours;
    private FulfillmentOrder theirs;
    private Order order;

    @BeforeEach
    void start() throws Exception {
        sandbox = ShopifySandbox.startForLocalDemo(
                SandboxSettings.defaults().withClock(new MutableClock(Instant.parse("2026-12-07T08:00:00Z"))));
        shop = sandbox.createShop("fo-scopes.myshopify.com", Plan.STANDARD);
        warehouse = shop.addLocation("Main warehouse");
        shop.addProduct("Mug", "MUG");
        shop.addProduct("Plate", "PLATE");
        threePl = shop.addAnotherAppsFulfillmentService("ShipFast 3PL", "shipfast");
        for (String sku : List.of("MUG", "PLATE")) {
            shop.stock(sku, warehouse, 20);
            shop.stock(sku, threePl.location(), 20);
        }
        order = shop.placeSplitOrder(true, Map.of(warehouse, Map.of("MUG", 1), threePl.location(), Map.of("PLATE", 2)));
        ours = order.fulfillmentOrders().stream()
                .filter(fo -> fo.location() == warehouse)
                .findFirst()
                .orElseThrow();
        theirs = order.fulfillmentOrders().stream()
                .filter(fo -> fo.location() == threePl.location())
                .findFirst()
                .orElseThrow();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void withoutTheThirdPartyScopeAnotherAppsFulfillmentOrdersAreLeftOut() throws Exception {
        AdminClient admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop, WITHOUT_THIRD_PARTY));

        JsonNode answer = admin.graphQl(
                "query($id: ID!) { order(id: $id) { fulfillmentOrders(first: 10) { nodes { id } } } }",
                Map.of("id", order.id()));
        assertTrue(answer.path("errors").isMissingNode(), answer.toString());
        assertEquals(List.of(ours.id()), ids(answer.at("/data/order/fulfillmentOrders/nodes")));

        JsonNode all = admin.graphQl("{ fulfillmentOrders(first: 10) { nodes { id } } }", Map.of());
        assertEquals(List.of(ours.id()), ids(all.at("/data/fulfillmentOrders/nodes")));

        JsonNode byId =
                admin.graphQl("query($id: ID!) { fulfillmentOrder(id: $id) { id } }", Map.of("id", theirs.id()));
        assertTrue(byId.at("/data/fulfillmentOrder").isNull(), byId.toString());
        assertTrue(byId.path("errors").isMissingNode(), "hidden, not refused: " + byId);

        JsonNode nodes = admin.graphQl(
                "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", Map.of("ids", List.of(ours.id(), theirs.id())));
        assertEquals(ours.id(), nodes.at("/data/nodes/0/id").asText());
        assertTrue(nodes.at("/data/nodes/1").isNull(), nodes.toString());

        // Hiding them changes nothing on the store: the other app's work is still there.
        assertEquals("OPEN", theirs.status());
        assertEquals(2, order.fulfillmentOrders().size());
    }

    @Test
    void withTheThirdPartyScopeEveryFulfillmentOrderIsThere() throws Exception {
        AdminClient admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop, WITH_THIRD_PARTY));

        JsonNode answer = admin.graphQl(
                "query($id: ID!) { order(id: $id) { fulfillmentOrders(first: 10) { nodes { id } } } }",
                Map.of("id", order.id()));
        List<String> listed = ids(answer.at("/data/order/fulfillmentOrders/nodes"));
        assertEquals(2, listed.size(), answer.toString());
        assertTrue(listed.containsAll(List.of(ours.id(), theirs.id())));

        JsonNode byId =
                admin.graphQl("query($id: ID!) { fulfillmentOrder(id: $id) { id } }", Map.of("id", theirs.id()));
        assertEquals(theirs.id(), byId.at("/data/fulfillmentOrder/id").asText());
    }

    @Test
    void withTheThirdPartyScopeOnlyTheMerchantsFulfillmentOrdersAreLeftOut() throws Exception {
        AdminClient admin = new AdminClient(
                sandbox,
                shop,
                sandbox.issueAccessToken(shop, "read_orders,read_locations,read_third_party_fulfillment_orders"));

        JsonNode answer = admin.graphQl(
                "query($id: ID!) { order(id: $id) { fulfillmentOrders(first: 10) { nodes { id } } } }",
                Map.of("id", order.id()));
        assertEquals(List.of(theirs.id()), ids(answer.at("/data/order/fulfillmentOrders/nodes")));
        JsonNode byId = admin.graphQl("query($id: ID!) { fulfillmentOrder(id: $id) { id } }", Map.of("id", ours.id()));
        assertTrue(byId.at("/data/fulfillmentOrder").isNull(), byId.toString());
    }

    @Test
    void aTokenWithNoFulfillmentOrderScopeIsStillRefusedTheNode() throws Exception {
        AdminClient admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop, "read_orders"));

        JsonNode node = admin.graphQl("query($id: ID!) { node(id: $id) { id } }", Map.of("id", theirs.id()));
        assertEquals("ACCESS_DENIED", node.at("/errors/0/extensions/code").asText(), node.toString());
        assertFalse(node.at("/data/node").isObject());
    }

    private static List<String> ids(JsonNode nodes) {
        List<String> ids = new ArrayList<>();
        nodes.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }
}
