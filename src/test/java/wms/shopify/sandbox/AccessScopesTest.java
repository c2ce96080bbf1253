package wms.shopify.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A token carries the scopes the merchant approved; a field or mutation outside them is refused with ACCESS_DENIED as
 * Shopify words it, the rest of the request still runs, and a merchant changing the app's access changes what the
 * same token may do.
 */
class AccessScopesTest {

    private static final String SET = "mutation Set($input: InventorySetQuantitiesInput!, $key: String!) { "
            + "inventorySetQuantities(input: $input) @idempotent(key: $key) { inventoryAdjustmentGroup { id } "
            + "userErrors { code field message } } }";

    private ShopifySandbox sandbox;
    private Shop shop;
    private Location warehouse;

    @BeforeEach
    void start() throws Exception {
        sandbox = ShopifySandbox.start(SandboxSettings.defaults());
        shop = sandbox.createShop("scopes.myshopify.com", Plan.STANDARD);
        warehouse = shop.addLocation("Main warehouse");
        shop.addProduct("T-shirt", "TS-S");
        shop.stock("TS-S", warehouse, 5);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aMutationOutsideTheGrantIsRefusedAsShopifyWordsItAndChangesNothing() throws Exception {
        AdminClient admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop, "read_products"));
        Map<String, Object> input = Map.of(
                "name",
                "available",
                "reason",
                "correction",
                "referenceDocumentUri",
                "gid://wms/StockSync/1",
                "quantities",
                List.of(AdminClient.input(
                        "inventoryItemId",
                        shop.item("TS-S").id(),
                        "locationId",
                        warehouse.id(),
                        "quantity",
                        9,
                        "changeFromQuantity",
                        null)));

        JsonNode answer = admin.graphQl(SET, Map.of("input", input, "key", "k-1"));

        JsonNode error = answer.at("/errors/0");
        assertEquals(
                "Access denied for inventorySetQuantities field. Required access: `write_inventory` access scope.",
                error.get("message").asText());
        assertEquals("ACCESS_DENIED", error.at("/extensions/code").asText());
        assertEquals(
                "`write_inventory` access scope.",
                error.at("/extensions/requiredAccess").asText());
        assertEquals(
                AccessScopes.DOCUMENTATION,
                error.at("/extensions/documentation").asText());
        assertEquals("inventorySetQuantities", error.at("/path/0").asText());
        assertEquals(1, error.at("/locations/0/line").asInt());
        assertTrue(answer.at("/data/inventorySetQuantities").isNull(), answer.toString());
        assertEquals(5, shop.quantity("TS-S", warehouse, "available"));
        assertTrue(shop.journal().mutations().isEmpty(), "the refused mutation never reached the store");
        assertTrue(answer.at("/extensions/cost/requestedQueryCost").isNumber());
    }

    @Test
    void aReadOutsideTheGrantIsRefusedWhileTheGrantedFieldsAreAnswered() throws Exception {
        AdminClient admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop, "read_products"));

        JsonNode answer = admin.graphQl(
                "{ shop { name } location(id: \"" + warehouse.id() + "\") { id } " + "product(id: \""
                        + shop.products().get(0).id() + "\") { title } }",
                Map.of());

        assertEquals("T-shirt", answer.at("/data/product/title").asText());
        assertTrue(answer.at("/data/location").isNull());
        assertEquals(1, answer.get("errors").size(), answer.toString());
        assertEquals(
                "Access denied for location field. Required access: `read_locations` access scope.",
                answer.at("/errors/0/message").asText());
        assertEquals("ACCESS_DENIED", answer.at("/errors/0/extensions/code").asText());
    }

    @Test
    void aFulfillmentNeedsOneOfTheFulfillmentOrderWriteScopesAndAWriteScopeGrantsTheRead() throws Exception {
        AdminClient admin =
                new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop, "write_orders,write_inventory"));
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 1));

        JsonNode answer = admin.graphQl(
                "mutation($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { "
                        + "fulfillment { id } userErrors { message } } }",
                Map.of(
                        "f",
                        Map.of(
                                "lineItemsByFulfillmentOrder",
                                List.of(Map.of(
                                        "fulfillmentOrderId",
                                        order.fulfillmentOrders().get(0).id())))));

        assertEquals(
                "Access denied for fulfillmentCreate field. Required access: "
                        + "`write_assigned_fulfillment_orders` access scope, `write_merchant_managed_fulfillment_orders` "
                        + "access scope or `write_third_party_fulfillment_orders` access scope.",
                answer.at("/errors/0/message").asText());
        assertEquals(0, order.fulfillments().size());
        JsonNode read = admin.graphQl(
                "{ order(id: \"" + order.id() + "\") { name } inventoryItem(id: \""
                        + shop.item("TS-S").id() + "\") { sku } }",
                Map.of());
        assertFalse(read.has("errors"), "write_orders grants read_orders, write_inventory read_inventory: " + read);
    }

    @Test
    void theMerchantNarrowingTheAppsAccessRefusesTheSameTokenFromThenOn() throws Exception {
        String token = sandbox.issueAccessToken(shop);
        AdminClient admin = new AdminClient(sandbox, shop, token);
        String query = "{ locations(first: 5) { nodes { name } } }";
        assertEquals(
                "Main warehouse",
                admin.graphQl(query, Map.of())
                        .at("/data/locations/nodes/0/name")
                        .asText());

        sandbox.changeGrantedScopes(shop, "read_products,write_inventory");

        JsonNode refused = admin.graphQl(query, Map.of());
        assertEquals("ACCESS_DENIED", refused.at("/errors/0/extensions/code").asText());
        assertEquals(
                "`read_locations` access scope.",
                refused.at("/errors/0/extensions/requiredAccess").asText());
        JsonNode nodes = admin.graphQl("{ nodes(ids: [\"" + warehouse.id() + "\"]) { id } }", Map.of());
        assertEquals(
                "Access denied for nodes field. Required access: `read_locations` access scope.",
                nodes.at("/errors/0/message").asText());

        sandbox.changeGrantedScopes(shop, ShopifySandbox.ALL_SCOPES);
        assertFalse(admin.graphQl(query, Map.of()).has("errors"));
    }

    @Test
    void aPersonChangesTheGrantOnTheSandboxPage() throws Exception {
        AdminClient admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop));
        java.net.http.HttpResponse<Void> changed = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        sandbox.baseUrl() + "/sandbox/shops/" + shop.domain() + "/scopes"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("scopes=read_locations"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
        assertEquals(303, changed.statusCode());
        JsonNode answer =
                admin.graphQl("{ locations(first: 1) { nodes { id } } products(first: 1) { nodes { id } } }", Map.of());
        assertEquals(1, answer.get("errors").size(), answer.toString());
        assertEquals(
                "Access denied for products field. Required access: `read_products` access scope.",
                answer.at("/errors/0/message").asText());
    }
}
