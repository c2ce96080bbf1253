package wms.shopify.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The failures Shopify answers with HTTP 200, injected and seen over HTTP in Shopify's exact shapes (status,
 * {@code errors[].message}, {@code errors[].extensions}, what {@code data} holds), and the idempotency answers of an
 * {@code @idempotent} mutation: IDEMPOTENCY_CONCURRENT_REQUEST while the key's first request is still being answered,
 * IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED for a key whose first attempt failed inside Shopify. Nothing injected before
 * execution writes anything.
 */
class ErrorAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SET = "mutation InventorySet($input: InventorySetQuantitiesInput!, $key: String!) { "
            + "inventorySetQuantities(input: $input) @idempotent(key: $key) { inventoryAdjustmentGroup { reason } "
            + "userErrors { code message } } }";
    private static final String SHOP = "query Shop { shop { name } }";
    private static final String LEVEL = "query Level($id: ID!) { inventoryItem(id: $id) { id sku "
            + "inventoryLevels(first: 5) { nodes { quantities(names: [\"available\"]) { name quantity } } } } }";

    private ShopifySandbox sandbox;
    private Shop shop;
    private Location warehouse;
    private AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        sandbox = ShopifySandbox.start(SandboxSettings.defaults());
        shop = sandbox.createShop("errors.myshopify.com", Plan.STANDARD);
        warehouse = shop.addLocation("Main warehouse");
        shop.addProduct("T-shirt", "TS-S");
        shop.stock("TS-S", warehouse, 5);
        admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Map<String, Object> setTo(int quantity, String key) {
        return Map.of(
                "key",
                key,
                "input",
                Map.of(
                        "name",
                        "available",
                        "reason",
                        "correction",
                        "quantities",
                        List.of(AdminClient.input(
                                "inventoryItemId",
                                shop.item("TS-S").id(),
                                "locationId",
                                warehouse.id(),
                                "quantity",
                                quantity,
                                "changeFromQuantity",
                                null))));
    }

    private JsonNode answer(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), "Shopify answers these with HTTP 200: " + response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void throttledCarriesTheCostExtensionsAndChargesNothing() throws Exception {
        shop.faults().errorAnswers(ErrorAnswers.Kind.THROTTLED, 1);
        JsonNode throttled = answer(admin.send(SET, "InventorySet", setTo(12, "k-1")));
        assertEquals("Throttled", throttled.at("/errors/0/message").asText());
        assertEquals("THROTTLED", throttled.at("/errors/0/extensions/code").asText());
        assertEquals(
                "https://shopify.dev/api/usage/rate-limits",
                throttled.at("/errors/0/extensions/documentation").asText());
        assertTrue(throttled.at("/data").isMissingNode(), "no data next to THROTTLED");
        assertTrue(throttled.at("/extensions/cost/requestedQueryCost").asInt() > 0);
        assertTrue(throttled.at("/extensions/cost/actualQueryCost").isNull());
        assertEquals(
                shop.bucket().status().maximumAvailable(),
                throttled
                        .at("/extensions/cost/throttleStatus/currentlyAvailable")
                        .asDouble(),
                0.5,
                "nothing charged");
        assertEquals(5, shop.quantity("TS-S", warehouse, "available"));
        assertTrue(shop.journal().mutations().isEmpty());
        assertEquals("THROTTLED", shop.journal().requests().get(0).errorCode());
    }

    @Test
    void anInternalErrorNamesARequestIdAndWritesNothing() throws Exception {
        shop.faults().errorAnswers(ErrorAnswers.Kind.INTERNAL_SERVER_ERROR, 1);
        JsonNode failed = answer(admin.send(SET, "InventorySet", setTo(12, "k-1")));
        JsonNode error = failed.at("/errors/0");
        assertEquals("INTERNAL_SERVER_ERROR", error.at("/extensions/code").asText());
        String requestId = error.at("/extensions/requestId").asText();
        assertEquals(36, requestId.length(), "a UUID");
        assertEquals(
                "Internal error. Looks like something went wrong on our end. Request ID: " + requestId
                        + " (include this in support requests).",
                error.at("/message").asText());
        assertTrue(failed.at("/data").isMissingNode());
        assertEquals(5, shop.quantity("TS-S", warehouse, "available"));
        assertTrue(shop.journal().mutations().isEmpty());

        JsonNode retried = answer(admin.send(SET, "InventorySet", setTo(12, "k-1")));
        assertTrue(retried.at("/data/inventorySetQuantities/userErrors").isEmpty(), retried.toString());
        assertEquals(12, shop.quantity("TS-S", warehouse, "available"), "the same key runs once it gets through");
    }

    @Test
    void aTimeoutAnswersItsCodeAndWritesNothing() throws Exception {
        shop.faults().errorAnswers(ErrorAnswers.Kind.TIMEOUT, 1);
        JsonNode failed = answer(admin.send(SET, "InventorySet", setTo(12, "k-1")));
        assertEquals("TIMEOUT", failed.at("/errors/0/extensions/code").asText());
        assertEquals("Timeout", failed.at("/errors/0/message").asText());
        assertTrue(failed.at("/data").isMissingNode());
        assertEquals(5, shop.quantity("TS-S", warehouse, "available"));
    }

    @Test
    void maxCostExceededNamesTheCostAndTheLimit() throws Exception {
        shop.faults().errorAnswers(ErrorAnswers.Kind.MAX_COST_EXCEEDED, 1);
        JsonNode refused = answer(admin.send(SHOP, "Shop", Map.of()));
        JsonNode error = refused.at("/errors/0");
        assertEquals("MAX_COST_EXCEEDED", error.at("/extensions/code").asText());
        assertEquals(1001, error.at("/extensions/cost").asInt());
        assertEquals(1000, error.at("/extensions/maxCost").asInt());
        assertEquals(
                "https://shopify.dev/api/usage/rate-limits",
                error.at("/extensions/documentation").asText());
        assertEquals(
                "Query cost is 1001, which exceeds the single query max cost limit (1000).",
                error.at("/message").asText());
        assertTrue(refused.at("/data").isMissingNode());
    }

    @Test
    void accessDeniedNamesTheFieldAndTheScopeItNeeds() throws Exception {
        shop.faults().accessDenied("read_orders", 1, "Shop");
        JsonNode denied = answer(admin.send(SHOP, "Shop", Map.of()));
        JsonNode error = denied.at("/errors/0");
        assertEquals(
                "Access denied for shop field. Required access: `read_orders` access scope.",
                error.at("/message").asText());
        assertEquals("ACCESS_DENIED", error.at("/extensions/code").asText());
        assertEquals(
                "`read_orders` access scope.",
                error.at("/extensions/requiredAccess").asText());
        assertEquals(
                "https://shopify.dev/api/usage/access-scopes",
                error.at("/extensions/documentation").asText());
        assertEquals("[\"shop\"]", error.at("/path").toString());
    }

    @Test
    void partialDataNullsOneFieldNextToAnInternalErrorAtItsPath() throws Exception {
        shop.faults().errorAnswers(ErrorAnswers.Kind.PARTIAL_DATA, 1);
        JsonNode partial =
                answer(admin.send(LEVEL, "Level", Map.of("id", shop.item("TS-S").id())));
        assertEquals("TS-S", partial.at("/data/inventoryItem/sku").asText(), "the rest of the data is there");
        assertTrue(partial.at("/data/inventoryItem/inventoryLevels").isNull(), partial.toString());
        assertEquals(
                "INTERNAL_SERVER_ERROR", partial.at("/errors/0/extensions/code").asText());
        assertEquals(
                "[\"inventoryItem\",\"inventoryLevels\"]",
                partial.at("/errors/0/path").toString());
        assertEquals("PARTIAL_DATA", shop.journal().requests().get(0).errorCode());

        JsonNode whole =
                answer(admin.send(LEVEL, "Level", Map.of("id", shop.item("TS-S").id())));
        assertFalse(whole.has("errors"));
        assertEquals(
                5,
                whole.at("/data/inventoryItem/inventoryLevels/nodes/0/quantities/0/quantity")
                        .asInt());
    }

    @Test
    void anInjectionForOneOperationLeavesTheOthersAlone() throws Exception {
        shop.faults().errorAnswers(ErrorAnswers.Kind.INTERNAL_SERVER_ERROR, 2, "InventorySet");
        assertEquals(
                shop.name(),
                answer(admin.send(SHOP, "Shop", Map.of())).at("/data/shop/name").asText());
        assertEquals(
                "INTERNAL_SERVER_ERROR",
                answer(admin.send(SET, "InventorySet", setTo(12, "k-1")))
                        .at("/errors/0/extensions/code")
                        .asText());
        assertEquals(
                "INTERNAL_SERVER_ERROR",
                answer(admin.send(SET, "InventorySet", setTo(12, "k-1")))
                        .at("/errors/0/extensions/code")
                        .asText());
        assertTrue(answer(admin.send(SET, "InventorySet", setTo(12, "k-1")))
                .at("/data/inventorySetQuantities/userErrors")
                .isEmpty());
        shop.faults().errorAnswers(ErrorAnswers.Kind.TIMEOUT, 1).none();
        assertFalse(answer(admin.send(SHOP, "Shop", Map.of())).has("errors"), "none() clears injections");
    }

    @Test
    void theSameKeyWhileItsFirstRequestIsInFlightIsRefusedAsConcurrentThenReplayed() throws Exception {
        shop.faults().answerDelayAfterWrite(Duration.ofSeconds(2), 1);
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return admin.send(SET, "InventorySet", setTo(12, "k-1"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (shop.journal().applied("inventorySetQuantities").isEmpty()) {
            Thread.sleep(20); // the first request has written and is now holding its answer back
        }
        JsonNode concurrent = answer(admin.send(SET, "InventorySet", setTo(12, "k-1")));
        assertTrue(concurrent.at("/errors").isMissingNode(), "a user error, not a top-level error");
        assertEquals(
                "IDEMPOTENCY_CONCURRENT_REQUEST",
                concurrent.at("/data/inventorySetQuantities/userErrors/0/code").asText());
        assertEquals(
                "This request is currently in progress, please try again.",
                concurrent
                        .at("/data/inventorySetQuantities/userErrors/0/message")
                        .asText());
        assertTrue(concurrent
                .at("/data/inventorySetQuantities/inventoryAdjustmentGroup")
                .isNull());

        assertTrue(answer(first.get())
                .at("/data/inventorySetQuantities/userErrors")
                .isEmpty());
        JsonNode replayed = answer(admin.send(SET, "InventorySet", setTo(12, "k-1")));
        assertEquals(
                "correction",
                replayed.at("/data/inventorySetQuantities/inventoryAdjustmentGroup/reason")
                        .asText());
        assertEquals(12, shop.quantity("TS-S", warehouse, "available"));
        assertEquals(
                List.of(Journal.Outcome.APPLIED, Journal.Outcome.REJECTED, Journal.Outcome.REPLAYED),
                shop.journal().mutations().stream()
                        .map(Journal.Mutation::outcome)
                        .toList());
    }

    @Test
    void aKeyWhoseFirstAttemptFailedIsSpentAndANewKeyWrites() throws Exception {
        shop.faults().failMutationAttempts(1);
        JsonNode failed = answer(admin.send(SET, "InventorySet", setTo(12, "k-1")));
        assertEquals(
                "INTERNAL_SERVER_ERROR", failed.at("/errors/0/extensions/code").asText());
        assertEquals("[\"inventorySetQuantities\"]", failed.at("/errors/0/path").toString());
        assertTrue(failed.at("/data/inventorySetQuantities").isNull(), failed.toString());
        assertEquals(5, shop.quantity("TS-S", warehouse, "available"), "nothing written");

        JsonNode again = answer(admin.send(SET, "InventorySet", setTo(12, "k-1")));
        assertEquals(
                "IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED",
                again.at("/data/inventorySetQuantities/userErrors/0/code").asText());
        assertEquals(
                "A previous request with this idempotency key failed. Retry with a new idempotency key.",
                again.at("/data/inventorySetQuantities/userErrors/0/message").asText());
        assertEquals(5, shop.quantity("TS-S", warehouse, "available"));

        JsonNode fresh = answer(admin.send(SET, "InventorySet", setTo(12, "k-2")));
        assertTrue(fresh.at("/data/inventorySetQuantities/userErrors").isEmpty(), fresh.toString());
        assertEquals(12, shop.quantity("TS-S", warehouse, "available"));
        assertEquals(1, shop.journal().applied("inventorySetQuantities").size());
    }
}
