package wms.shopify.sandbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox over HTTP, as the connector sees it: tokens, pagination, CAS, idempotency, limits, OAuth, webhooks. */
class ShopifySandboxTest {

    private static final ObjectMapper JSON = AdminClient.JSON;
    private static final String SET = "mutation Set($input: InventorySetQuantitiesInput!, $key: String!) { "
            + "inventorySetQuantities(input: $input) @idempotent(key: $key) { inventoryAdjustmentGroup { reason "
            + "changes { name delta quantityAfterChange } } userErrors { code field message } } }";

    private final HttpClient http = HttpClient.newHttpClient();
    private ShopifySandbox sandbox;
    private Shop shop;
    private Location warehouse;
    private String token;
    private AdminClient admin;

    @BeforeEach
    void start() throws IOException {
        sandbox = ShopifySandbox.startForLocalDemo(
                SandboxSettings.defaults().withWebhookTimeScale(0.0001).withWebhookTimeout(Duration.ofSeconds(2)));
        shop = sandbox.createShop("demo.myshopify.com", Plan.STANDARD);
        warehouse = shop.addLocation("Main warehouse");
        shop.addProduct("T-shirt", "TS-S", "TS-M");
        shop.stock("TS-S", warehouse, 5);
        token = sandbox.issueAccessToken(shop);
        admin = new AdminClient(sandbox, shop, token);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void refusesAnUnknownTokenWithShopifysStatusAndBody() throws Exception {
        HttpResponse<String> response =
                post(sandbox.graphQlUrl(shop, "2026-07"), "shpat_unknown", Map.of("query", "{ shop { name } }"));
        assertEquals(401, response.statusCode());
        assertEquals("{\"errors\":\"" + GraphQlEndpoint.INVALID_TOKEN + "\"}", response.body());
        shop.faults().revokeToken();
        assertEquals(
                401,
                post(sandbox.graphQlUrl(shop, "2026-07"), token, Map.of("query", "{ shop { name } }"))
                        .statusCode());
    }

    @Test
    void pagesWithCursorsAndReportsCostOnEveryAnswer() throws Exception {
        String query = "query($after: String) { productVariants(first: 1, after: $after) { "
                + "pageInfo { hasNextPage endCursor } nodes { sku inventoryItem { id tracked } } } }";
        JsonNode first = graphQl(query, Map.of());
        assertEquals("TS-S", first.at("/data/productVariants/nodes/0/sku").asText());
        assertTrue(first.at("/data/productVariants/pageInfo/hasNextPage").asBoolean());
        JsonNode second = graphQl(
                query,
                Map.of(
                        "after",
                        first.at("/data/productVariants/pageInfo/endCursor").asText()));
        assertEquals("TS-M", second.at("/data/productVariants/nodes/0/sku").asText());
        assertEquals(4, second.at("/extensions/cost/requestedQueryCost").asInt());
        assertEquals(
                2000.0,
                second.at("/extensions/cost/throttleStatus/maximumAvailable").asDouble());
        assertEquals(
                100.0, second.at("/extensions/cost/throttleStatus/restoreRate").asDouble());
        JsonNode tooBig = graphQl("{ products(first: 251) { nodes { id } } }", Map.of());
        assertTrue(tooBig.at("/errors/0/message").asText().contains("250"));
    }

    @Test
    void inventorySetQuantitiesComparesAndSwapsAndHonoursIdempotencyKeys() throws Exception {
        String item = shop.item("TS-S").id();
        Map<String, Object> input = Map.of(
                "name",
                "available",
                "reason",
                "correction",
                "referenceDocumentUri",
                "gid://wms/StockSync/1",
                "quantities",
                List.of(Map.of(
                        "inventoryItemId",
                        item,
                        "locationId",
                        warehouse.id(),
                        "quantity",
                        12,
                        "changeFromQuantity",
                        5)));
        JsonNode applied = graphQl(SET, Map.of("input", input, "key", "k-1"));
        assertEquals(
                7,
                applied.at("/data/inventorySetQuantities/inventoryAdjustmentGroup/changes/0/delta")
                        .asInt());
        assertEquals(12, shop.quantity("TS-S", warehouse, "available"));
        assertEquals(12, shop.quantity("TS-S", warehouse, "on_hand"));

        JsonNode replayed = graphQl(SET, Map.of("input", input, "key", "k-1"));
        assertEquals(applied.get("data"), replayed.get("data"));
        assertEquals(1, shop.journal().applied("inventorySetQuantities").size());
        assertEquals(Journal.Outcome.REPLAYED, shop.journal().mutations().get(1).outcome());

        JsonNode stale = graphQl(SET, Map.of("input", input, "key", "k-2"));
        assertEquals(
                "CHANGE_FROM_QUANTITY_STALE",
                stale.at("/data/inventorySetQuantities/userErrors/0/code").asText());
        assertTrue(stale.at("/data/inventorySetQuantities/inventoryAdjustmentGroup")
                .isNull());

        Map<String, Object> other = Map.of(
                "name",
                "available",
                "reason",
                "correction",
                "quantities",
                List.of(Map.of("inventoryItemId", item, "locationId", warehouse.id(), "quantity", 3)));
        JsonNode missingCas = graphQl(SET, Map.of("input", other, "key", "k-3"));
        assertEquals(
                "INVALID_FIELD_ARGUMENTS",
                missingCas.at("/errors/0/extensions/code").asText());
        JsonNode mismatch = graphQl(
                SET,
                Map.of(
                        "key",
                        "k-1",
                        "input",
                        Map.of(
                                "name",
                                "available",
                                "reason",
                                "correction",
                                "quantities",
                                List.of(quantity(item, warehouse.id(), 3, null)))));
        assertEquals(
                "IDEMPOTENCY_KEY_PARAMETER_MISMATCH",
                mismatch.at("/data/inventorySetQuantities/userErrors/0/code").asText());
        JsonNode noKey = graphQl(
                SET.replace("@idempotent(key: $key)", "").replace(", $key: String!", ""), Map.of("input", input));
        assertEquals("BAD_REQUEST", noKey.at("/errors/0/extensions/code").asText());
        assertEquals(12, shop.quantity("TS-S", warehouse, "available"));
    }

    @Test
    void refusesUnstockedAndUntrackedItemsAndInputArraysOver250() throws Exception {
        Map<String, Object> notStocked = Map.of(
                "name",
                "available",
                "reason",
                "correction",
                "quantities",
                List.of(quantity(shop.item("TS-M").id(), warehouse.id(), 1, null)));
        assertEquals(
                "ITEM_NOT_STOCKED_AT_LOCATION",
                graphQl(SET, Map.of("input", notStocked, "key", "a"))
                        .at("/data/inventorySetQuantities/userErrors/0/code")
                        .asText());
        shop.stopTracking("TS-S");
        Map<String, Object> untracked = Map.of(
                "name",
                "available",
                "reason",
                "correction",
                "quantities",
                List.of(quantity(shop.item("TS-S").id(), warehouse.id(), 1, null)));
        assertEquals(
                "NON_MUTABLE_INVENTORY_ITEM",
                graphQl(SET, Map.of("input", untracked, "key", "b"))
                        .at("/data/inventorySetQuantities/userErrors/0/code")
                        .asText());
        List<Map<String, Object>> many = java.util.stream.IntStream.range(0, 251)
                .mapToObj(i -> Map.<String, Object>of(
                        "inventoryItemId",
                        "gid://shopify/InventoryItem/" + i,
                        "locationId",
                        warehouse.id(),
                        "quantity",
                        1,
                        "changeFromQuantity",
                        0))
                .toList();
        JsonNode tooMany = graphQl(
                SET,
                Map.of("key", "c", "input", Map.of("name", "available", "reason", "correction", "quantities", many)));
        assertEquals(
                "MAX_INPUT_SIZE_EXCEEDED",
                tooMany.at("/errors/0/extensions/code").asText());
        assertEquals(251, shop.journal().largestInputArray());
    }

    @Test
    void throttlesWhenTheBucketIsShortAndRefusesQueriesOver1000() throws Exception {
        shop.bucket().drain();
        JsonNode throttled = graphQl("{ products(first: 250) { nodes { id } } }", Map.of());
        assertEquals("THROTTLED", throttled.at("/errors/0/extensions/code").asText());
        assertTrue(throttled.at("/extensions/cost/actualQueryCost").isNull());
        JsonNode tooCostly =
                graphQl("{ products(first: 250) { nodes { variants(first: 250) { nodes { id } } } } }", Map.of());
        assertEquals(
                "MAX_COST_EXCEEDED", tooCostly.at("/errors/0/extensions/code").asText());
    }

    @Test
    void installsThroughOAuthWithASignedCallbackAndExpiringRefreshableTokens() throws Exception {
        String base = sandbox.adminBaseUrl(shop);
        String authorize = base + "/admin/oauth/authorize?client_id=" + SandboxSettings.DEFAULT_CLIENT_ID
                + "&scope=read_products,write_inventory&redirect_uri=https://wms.example/callback&state=n0nce";
        HttpResponse<String> page =
                http.send(HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Install app"));
        Map<String, String> callback =
                Http.parameters(URI.create(sandbox.approveInstall(authorize)).getRawQuery());
        assertEquals("n0nce", callback.get("state"));
        assertEquals(shop.domain(), callback.get("shop"));
        assertEquals(
                ShopifySignatures.queryHmac(callback, SandboxSettings.DEFAULT_CLIENT_SECRET), callback.get("hmac"));
        assertNotNull(callback.get("host"));

        Map<String, Object> exchange = Map.of(
                "client_id",
                SandboxSettings.DEFAULT_CLIENT_ID,
                "client_secret",
                SandboxSettings.DEFAULT_CLIENT_SECRET,
                "code",
                callback.get("code"),
                "expiring",
                "1");
        HttpResponse<String> first = post(base + "/admin/oauth/access_token", null, exchange);
        JsonNode granted = JSON.readTree(first.body());
        assertEquals(3600, granted.get("expires_in").asInt());
        assertEquals(
                400, post(base + "/admin/oauth/access_token", null, exchange).statusCode());
        HttpResponse<String> refreshed = post(
                base + "/admin/oauth/access_token",
                null,
                Map.of(
                        "client_id",
                        SandboxSettings.DEFAULT_CLIENT_ID,
                        "client_secret",
                        SandboxSettings.DEFAULT_CLIENT_SECRET,
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        granted.get("refresh_token").asText()));
        assertEquals(200, refreshed.statusCode());
        String newToken = JSON.readTree(refreshed.body()).get("access_token").asText();
        assertEquals(
                200,
                post(sandbox.graphQlUrl(shop, "2026-07"), newToken, Map.of("query", "{ shop { name } }"))
                        .statusCode());
    }

    @Test
    void ordersCommitStockAndAreAnnouncedBySignedWebhooksFulfilmentShipsThem() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.accepting()) {
            for (String topic : List.of("ORDERS_CREATE", "ORDERS_PAID", "INVENTORY_LEVELS_UPDATE")) {
                admin.subscribe(topic, receiver.uri());
            }
            Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 2));
            assertEquals(3, shop.quantity("TS-S", warehouse, "available"));
            assertEquals(2, shop.quantity("TS-S", warehouse, "committed"));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> receiver.deliveries().size() >= 3);
            WebhookReceiver.Delivery orderCreate =
                    receiver.deliveries("orders/create").get(0);
            assertEquals(
                    ShopifySignatures.bodyHmac(orderCreate.body(), SandboxSettings.DEFAULT_CLIENT_SECRET),
                    orderCreate.header("X-Shopify-Hmac-Sha256"));
            assertEquals(shop.domain(), orderCreate.header("X-Shopify-Shop-Domain"));
            assertEquals("2026-07", orderCreate.header("X-Shopify-API-Version"));
            assertNotNull(orderCreate.header("X-Shopify-Webhook-Id"));
            assertNotNull(orderCreate.header("X-Shopify-Triggered-At"));
            assertEquals(
                    1,
                    receiver.deliveries().stream()
                            .map(d -> d.header("X-Shopify-Event-Id"))
                            .distinct()
                            .count());
            assertEquals(order.legacyResourceId(), orderCreate.json().get("id").asLong());

            String fulfillmentOrder = order.fulfillmentOrders().get(0).id();
            JsonNode fulfilled = graphQl(
                    "mutation($fo: ID!) { fulfillmentCreate(fulfillment: { trackingInfo: "
                            + "{company: \"UPS\", number: \"1Z999\"}, lineItemsByFulfillmentOrder: [{fulfillmentOrderId: $fo}]}) "
                            + "{ fulfillment { status trackingInfo { company number } } userErrors { message } } }",
                    Map.of("fo", fulfillmentOrder));
            assertEquals(
                    "UPS",
                    fulfilled
                            .at("/data/fulfillmentCreate/fulfillment/trackingInfo/0/company")
                            .asText());
            assertEquals(0, shop.quantity("TS-S", warehouse, "committed"));
            assertEquals(3, shop.quantity("TS-S", warehouse, "on_hand"));
            assertEquals("FULFILLED", order.displayFulfillmentStatus());
        }
    }

    @Test
    void aRestockedReturnRaisesTheLevel() throws Exception {
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 2));
        graphQl(
                "mutation($fo: ID!) { fulfillmentCreate(fulfillment: {lineItemsByFulfillmentOrder: "
                        + "[{fulfillmentOrderId: $fo}]}) { userErrors { message } } }",
                Map.of("fo", order.fulfillmentOrders().get(0).id()));
        String fli = order.fulfillments().get(0).fulfillmentLineItems().get(0).id();
        JsonNode created = graphQl(
                "mutation($order: ID!, $fli: ID!) { returnCreate(returnInput: {orderId: $order, "
                        + "returnLineItems: [{fulfillmentLineItemId: $fli, quantity: 1}]}) { return { id status "
                        + "reverseFulfillmentOrders(first: 1) { nodes { lineItems(first: 5) { nodes { id } } } } } "
                        + "userErrors { code message } } }",
                Map.of("order", order.id(), "fli", fli));
        assertEquals("OPEN", created.at("/data/returnCreate/return/status").asText());
        String line = created.at("/data/returnCreate/return/reverseFulfillmentOrders/nodes/0/lineItems/nodes/0/id")
                .asText();
        JsonNode disposed = graphQl(
                "mutation($line: ID!, $loc: ID!) { reverseFulfillmentOrderDispose("
                        + "dispositionInputs: [{reverseFulfillmentOrderLineItemId: $line, quantity: 1, locationId: $loc, "
                        + "dispositionType: RESTOCKED}]) { userErrors { message } } }",
                Map.of("line", line, "loc", warehouse.id()));
        assertTrue(
                disposed.at("/data/reverseFulfillmentOrderDispose/userErrors").isEmpty());
        assertEquals(4, shop.quantity("TS-S", warehouse, "available"));
        JsonNode closed = graphQl(
                "mutation($id: ID!) { returnClose(id: $id) { return { status } } }",
                Map.of("id", created.at("/data/returnCreate/return/id").asText()));
        assertEquals("CLOSED", closed.at("/data/returnClose/return/status").asText());
    }

    @Test
    void bulkQueriesWriteJsonlWithParentIds() throws Exception {
        JsonNode started = graphQl(
                "mutation { bulkOperationRunQuery(query: \"{ products { edges { node { id "
                        + "variants { edges { node { id sku } } } } } } }\") { bulkOperation { id status } "
                        + "userErrors { message } } }",
                Map.of());
        String id = started.at("/data/bulkOperationRunQuery/bulkOperation/id").asText();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "COMPLETED"
                        .equals(graphQl("query($id: ID!) { bulkOperation(id: $id) { status } }", Map.of("id", id))
                                .at("/data/bulkOperation/status")
                                .asText()));
        JsonNode op = graphQl(
                "query($id: ID!) { bulkOperation(id: $id) { url objectCount rootObjectCount } }", Map.of("id", id));
        assertEquals(3, op.at("/data/bulkOperation/objectCount").asInt());
        assertEquals(1, op.at("/data/bulkOperation/rootObjectCount").asInt());
        String jsonl = http.send(
                        HttpRequest.newBuilder(URI.create(
                                        op.at("/data/bulkOperation/url").asText()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        List<String> lines = jsonl.lines().toList();
        assertEquals(3, lines.size());
        // The URL is signed as Google Cloud Storage's are: its query must come back byte for byte.
        String url = op.at("/data/bulkOperation/url").asText();
        assertTrue(url.contains("%40") && url.contains("&Signature="), url);
        for (String altered : List.of(url.replace("%40", "@"), url.substring(0, url.indexOf("&Signature=")))) {
            assertEquals(
                    403,
                    http.send(HttpRequest.newBuilder(URI.create(altered)).build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode(),
                    altered);
        }
        assertNull(JSON.readTree(lines.get(0)).get("__parentId"));
        assertEquals(
                JSON.readTree(lines.get(0)).get("id").asText(),
                JSON.readTree(lines.get(1)).get("__parentId").asText());
    }

    @Test
    void aConnectionInsideAPlainObjectIsWrittenAsLinesOfItsOwnGroupedOrNotAsAsked() throws Exception {
        Location second = shop.addLocation("Second");
        shop.stock("TS-M", second, 2);
        shop.stock("TS-S", second, 1);
        String query = "{ productVariants { edges { node { id sku inventoryItem { id inventoryLevels { edges { node "
                + "{ location { id } } } } } } } } }";
        List<String> grouped = bulkLines(query, true);
        // TS-S (stocked at both), its two levels, TS-M, its one level: each level straight after its variant.
        assertEquals(5, grouped.size(), grouped.toString());
        JsonNode first = JSON.readTree(grouped.get(0));
        assertNull(first.get("__parentId"));
        assertEquals("TS-S", first.get("sku").asText());
        assertNull(first.get("inventoryItem").get("inventoryLevels"), "the nested connection leaves its parent's line");
        assertTrue(first.get("inventoryItem").has("id"));
        for (int line : new int[] {1, 2}) {
            assertEquals(
                    first.get("id").asText(),
                    JSON.readTree(grouped.get(line)).get("__parentId").asText(),
                    "the parent is the variant, the object of the line the connection sits in");
        }
        assertEquals(
                JSON.readTree(grouped.get(3)).get("id").asText(),
                JSON.readTree(grouped.get(4)).get("__parentId").asText());
        assertEquals(
                second.id(), JSON.readTree(grouped.get(4)).at("/location/id").asText());

        List<String> ungrouped = bulkLines(query, false);
        assertEquals(5, ungrouped.size());
        assertNull(JSON.readTree(ungrouped.get(1)).get("__parentId"), "without grouping the variants come first");
        assertEquals(
                3,
                ungrouped.stream().filter(line -> line.contains("__parentId")).count());
    }

    private List<String> bulkLines(String query, boolean groupObjects) throws Exception {
        JsonNode started = graphQl(
                "mutation($q: String!, $g: Boolean!) { bulkOperationRunQuery(query: $q, "
                        + "groupObjects: $g) { bulkOperation { id } userErrors { message } } }",
                Map.of("q", query, "g", groupObjects));
        assertTrue(started.at("/data/bulkOperationRunQuery/userErrors").isEmpty(), started.toString());
        String id = started.at("/data/bulkOperationRunQuery/bulkOperation/id").asText();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "COMPLETED"
                        .equals(graphQl("query($id: ID!) { bulkOperation(id: $id) { status } }", Map.of("id", id))
                                .at("/data/bulkOperation/status")
                                .asText()));
        String url = graphQl("query($id: ID!) { bulkOperation(id: $id) { url } }", Map.of("id", id))
                .at("/data/bulkOperation/url")
                .asText();
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body()
                .lines()
                .toList();
    }

    @Test
    void productVariantsCountIsExactUpToItsLimit() throws Exception {
        assertEquals(
                "{\"count\":2,\"precision\":\"EXACT\"}",
                graphQl("{ productVariantsCount { count precision } }", Map.of())
                        .at("/data/productVariantsCount")
                        .toString());
        assertEquals(
                "{\"count\":1,\"precision\":\"AT_LEAST\"}",
                graphQl("{ productVariantsCount(limit: 1) { count " + "precision } }", Map.of())
                        .at("/data/productVariantsCount")
                        .toString());
    }

    /** An {@code InventoryQuantityInput}; a null {@code changeFromQuantity} is sent as an explicit null. */
    private static Map<String, Object> quantity(String item, String location, int quantity, Integer changeFrom) {
        Map<String, Object> entry = new java.util.LinkedHashMap<>();
        entry.put("inventoryItemId", item);
        entry.put("locationId", location);
        entry.put("quantity", quantity);
        entry.put("changeFromQuantity", changeFrom);
        return entry;
    }

    private JsonNode graphQl(String query, Map<String, Object> variables) throws Exception {
        return admin.graphQl(query, variables);
    }

    private HttpResponse<String> post(String url, String accessToken, Map<String, ?> body) throws Exception {
        return admin.post(url, accessToken, body);
    }
}
