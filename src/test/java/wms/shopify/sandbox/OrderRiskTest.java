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
 * An order's risk as Shopify gives it ({@code Order.risk}): the recommendation its assessments give, Shopify's own
 * assessment and an app's ({@code orderRiskAssessmentCreate}) each replacing their earlier one, the connector's order
 * read carrying the recommendation, and the mutation's user errors.
 */
class OrderRiskTest {

    private static final String RISK = "query($id: ID!) { order(id: $id) { risk { recommendation assessments "
            + "{ riskLevel facts { description sentiment } } } } }";
    private static final String CREATE = "mutation($input: OrderRiskAssessmentCreateInput!) { "
            + "orderRiskAssessmentCreate(orderRiskAssessmentInput: $input) { orderRiskAssessment { riskLevel "
            + "facts { description sentiment } } userErrors { field message code } } }";

    private ShopifySandbox sandbox;
    private Shop shop;
    private Location warehouse;
    private AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        sandbox = ShopifySandbox.start(
                SandboxSettings.defaults().withWebhookTimeScale(0.0001).withWebhookTimeout(Duration.ofSeconds(2)));
        shop = sandbox.createShop("risky.myshopify.com", Plan.STANDARD);
        warehouse = shop.addLocation("Main warehouse");
        shop.addProduct("T-shirt", "TS-S");
        shop.stock("TS-S", warehouse, 5);
        // orderRiskAssessmentCreate needs write_orders, which the connector does not ask for.
        admin = new AdminClient(
                sandbox, shop, sandbox.issueAccessToken(shop, ShopifySandbox.ALL_SCOPES + ",write_orders"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theRecommendationFollowsTheHighestAssessmentAndTheConnectorsReadCarriesIt() throws Exception {
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 1));
        assertEquals("NONE", risk(order).path("recommendation").asText(), "not assessed yet");
        assertEquals(0, risk(order).path("assessments").size());

        shop.assessRisk(order, "HIGH", "card declined twice");
        JsonNode risk = risk(order);
        assertEquals("CANCEL", risk.path("recommendation").asText());
        assertEquals("HIGH", risk.at("/assessments/0/riskLevel").asText());
        assertEquals(
                "card declined twice",
                risk.at("/assessments/0/facts/0/description").asText());
        assertEquals("NEGATIVE", risk.at("/assessments/0/facts/0/sentiment").asText());
        assertEquals(
                "CANCEL",
                admin.graphQl(AdminOperation.ORDER.document(), Map.of("id", order.id()))
                        .at("/data/order/risk/recommendation")
                        .asText(),
                "the connector's order read");

        shop.assessRisk(order, "MEDIUM", null);
        assertEquals("INVESTIGATE", risk(order).path("recommendation").asText(), "Shopify's new assessment replaces");
        assertEquals(1, risk(order).path("assessments").size());
        shop.assessRisk(order, "LOW", "verified");
        assertEquals("ACCEPT", risk(order).path("recommendation").asText());
        shop.assessRisk(order, "PENDING", null);
        assertEquals("NONE", risk(order).path("recommendation").asText());
    }

    @Test
    void anAppsAssessmentStandsBesideShopifysAndReplacesTheAppsEarlierOne() throws Exception {
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 1));
        shop.assessRisk(order, "LOW", "verified");
        JsonNode created = create(order.id(), "HIGH", "x".repeat(300));
        assertEquals(0, created.path("userErrors").size(), created.toString());
        assertEquals("HIGH", created.at("/orderRiskAssessment/riskLevel").asText());
        assertEquals(
                256,
                created.at("/orderRiskAssessment/facts/0/description").asText().length(),
                "truncated");
        assertEquals("CANCEL", risk(order).path("recommendation").asText(), "the highest assessment wins");
        assertEquals(2, risk(order).path("assessments").size());

        assertEquals(
                0, create(order.id(), "LOW", "second look").path("userErrors").size());
        assertEquals("ACCEPT", risk(order).path("recommendation").asText(), "the app's earlier one replaced");
        assertEquals(2, risk(order).path("assessments").size());
    }

    @Test
    void anUnknownOrFulfilledOrderIsAUserError() throws Exception {
        JsonNode unknown = create("gid://shopify/Order/999999", "HIGH", "x");
        assertEquals("NOT_FOUND", unknown.at("/userErrors/0/code").asText(), unknown.toString());
        assertEquals(List.of("orderRiskAssessmentInput", "orderId"), fields(unknown));

        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 1));
        FulfillmentOrder fo = order.fulfillmentOrders().get(0);
        JsonNode fulfilled = admin.graphQl(
                "mutation($fo: ID!) { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: "
                        + "[{ fulfillmentOrderId: $fo }] }) { userErrors { message } } }",
                Map.of("fo", fo.id()));
        assertEquals(0, fulfilled.at("/data/fulfillmentCreate/userErrors").size(), fulfilled.toString());
        JsonNode late = create(order.id(), "HIGH", "x");
        assertEquals("ORDER_ALREADY_FULFILLED", late.at("/userErrors/0/code").asText(), late.toString());
        assertEquals("NONE", risk(order).path("recommendation").asText(), "nothing recorded");
    }

    private JsonNode risk(Order order) throws Exception {
        JsonNode answer = admin.graphQl(RISK, Map.of("id", order.id()));
        assertTrue(answer.path("errors").isMissingNode(), answer.toString());
        return answer.at("/data/order/risk");
    }

    private JsonNode create(String orderId, String level, String fact) throws Exception {
        JsonNode answer = admin.graphQl(
                CREATE,
                Map.of(
                        "input",
                        Map.of(
                                "orderId",
                                orderId,
                                "riskLevel",
                                level,
                                "facts",
                                List.of(Map.of("description", fact, "sentiment", "NEGATIVE")))));
        assertTrue(answer.path("errors").isMissingNode(), answer.toString());
        return answer.at("/data/orderRiskAssessmentCreate");
    }

    private static List<String> fields(JsonNode payload) {
        List<String> fields = new java.util.ArrayList<>();
        payload.at("/userErrors/0/field").forEach(f -> fields.add(f.asText()));
        return fields;
    }
}
