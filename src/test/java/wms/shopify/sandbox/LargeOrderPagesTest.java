package wms.shopify.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import wms.shopify.adminapi.control.AdminOperation;

/**
 * An order of 180 lines routed to 3 locations, read as the connector reads it: the first page of each connection in
 * {@code Order.graphql}, the rest with {@code after:} the end cursor (Shopify's relay semantics: the page starts right
 * after the cursor's node, {@code hasNextPage} says whether more follow, {@code endCursor} names the page's last node),
 * each page within the single-query cost limit.
 */
class LargeOrderPagesTest {

    private ShopifySandbox sandbox;
    private Shop shop;
    private Order order;
    private AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        sandbox = ShopifySandbox.start(
                SandboxSettings.defaults().withWebhookTimeScale(0.0001).withWebhookTimeout(Duration.ofSeconds(2)));
        shop = sandbox.createShop("big.myshopify.com", Plan.STANDARD);
        Location north = shop.addLocation("North");
        Location south = shop.addLocation("South");
        Location east = shop.addLocation("East");
        String[] skus = new String[180];
        for (int i = 0; i < skus.length; i++) {
            skus[i] = String.format("PART-%03d", i);
        }
        shop.addProduct("Part", skus);
        Map<Location, Map<String, Integer>> routed = new LinkedHashMap<>();
        for (int i = 0; i < skus.length; i++) {
            Location at = i < 120 ? north : i < 150 ? south : east;
            shop.stock(skus[i], at, 50);
            routed.computeIfAbsent(at, l -> new LinkedHashMap<>()).put(skus[i], 1 + i % 7);
        }
        order = shop.placeSplitOrder(true, routed);
        admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theFirstReadSaysWhatHasMorePagesAndTheFollowUpsReadTheRestOnceEach() throws Exception {
        JsonNode first = ok(admin.graphQl(AdminOperation.ORDER.document(), Map.of("id", order.id())));
        JsonNode read = first.at("/data/order");
        assertEquals(50, read.at("/lineItems/nodes").size());
        assertTrue(read.at("/lineItems/pageInfo/hasNextPage").asBoolean());
        assertEquals(3, read.at("/fulfillmentOrders/nodes").size(), "one fulfillment order per location");
        assertFalse(read.at("/fulfillmentOrders/pageInfo/hasNextPage").asBoolean());
        JsonNode north = read.at("/fulfillmentOrders/nodes/0");
        assertEquals(50, north.at("/lineItems/nodes").size());
        assertTrue(north.at("/lineItems/pageInfo/hasNextPage").asBoolean(), "120 lines at North: more than 50");
        assertFalse(read.at("/fulfillmentOrders/nodes/1/lineItems/pageInfo/hasNextPage")
                .asBoolean());

        List<String> lineIds = ids(read.at("/lineItems/nodes"));
        String cursor = read.at("/lineItems/pageInfo/endCursor").asText();
        int pages = 0;
        while (cursor != null) {
            JsonNode page = ok(admin.graphQl(
                    AdminOperation.ORDER_LINE_ITEMS.document(), Map.of("id", order.id(), "after", cursor)));
            assertTrue(page.at("/extensions/cost/requestedQueryCost").asInt() <= QueryCost.SINGLE_QUERY_LIMIT);
            assertEquals(803, page.at("/extensions/cost/requestedQueryCost").asInt());
            assertEquals(
                    read.path("updatedAt").asText(),
                    page.at("/data/order/updatedAt").asText());
            JsonNode lines = page.at("/data/order/lineItems");
            lineIds.addAll(ids(lines.path("nodes")));
            cursor = lines.at("/pageInfo/hasNextPage").asBoolean()
                    ? lines.at("/pageInfo/endCursor").asText()
                    : null;
            pages++;
        }
        assertEquals(1, pages, "130 more lines: one page of 200");
        assertEquals(order.lineItems().stream().map(LineItem::id).toList(), lineIds, "every line once, in order");

        List<String> northLines = ids(north.at("/lineItems/nodes"));
        JsonNode rest = ok(admin.graphQl(
                        AdminOperation.FULFILLMENT_ORDER_LINE_ITEMS.document(),
                        Map.of(
                                "id",
                                north.path("id").asText(),
                                "after",
                                north.at("/lineItems/pageInfo/endCursor").asText())))
                .at("/data/fulfillmentOrder");
        assertFalse(rest.at("/lineItems/pageInfo/hasNextPage").asBoolean());
        northLines.addAll(ids(rest.at("/lineItems/nodes")));
        assertEquals(120, northLines.size());
        assertEquals(120, new java.util.HashSet<>(northLines).size(), "no line twice");
        Map<String, Integer> remaining = new HashMap<>();
        rest.at("/lineItems/nodes")
                .forEach(n -> remaining.put(
                        n.at("/lineItem/id").asText(),
                        n.path("remainingQuantity").asInt()));
        LineItem last = order.lineItems().get(119);
        assertEquals(last.quantity(), remaining.get(last.id()), "the last North line on the second page");
    }

    @Test
    void aPageIsTheNodesRightAfterTheCursorAndItsEndCursorNamesItsLastNode() throws Exception {
        String query = "query($id: ID!, $after: String) { order(id: $id) { lineItems(first: 3, after: $after) { "
                + "edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } } }";
        JsonNode one = ok(admin.graphQl(query, Map.of("id", order.id()))).at("/data/order/lineItems");
        assertFalse(one.at("/pageInfo/hasPreviousPage").asBoolean());
        assertEquals(
                one.at("/edges/2/cursor").asText(),
                one.at("/pageInfo/endCursor").asText());
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", order.id());
        variables.put("after", one.at("/pageInfo/endCursor").asText());
        JsonNode two = ok(admin.graphQl(query, variables)).at("/data/order/lineItems");
        assertEquals(order.lineItems().get(3).id(), two.at("/edges/0/node/id").asText());
        assertTrue(two.at("/pageInfo/hasPreviousPage").asBoolean());
        assertEquals(
                two.at("/edges/0/cursor").asText(),
                two.at("/pageInfo/startCursor").asText());

        variables.put("after", cursorAt(178));
        JsonNode end = ok(admin.graphQl(query, variables)).at("/data/order/lineItems");
        assertEquals(1, end.path("edges").size(), "only the last line follows the 179th");
        assertFalse(end.at("/pageInfo/hasNextPage").asBoolean());
    }

    private String cursorAt(int index) throws Exception {
        String query = "query($id: ID!) { order(id: $id) { lineItems(first: 250) { edges { cursor } } } }";
        return ok(admin.graphQl(query, Map.of("id", order.id())))
                .at("/data/order/lineItems/edges/" + index + "/cursor")
                .asText();
    }

    private static JsonNode ok(JsonNode answer) {
        assertTrue(answer.path("errors").isMissingNode(), answer.toString());
        return answer;
    }

    private static List<String> ids(JsonNode nodes) {
        List<String> ids = new ArrayList<>();
        nodes.forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }
}
