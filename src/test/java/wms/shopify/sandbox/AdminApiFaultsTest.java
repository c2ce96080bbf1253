package wms.shopify.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults injected into a store's Admin API, seen over HTTP: 5xx before the write (nothing happens) and after it (the
 * write happened; a retry with the same idempotency key writes nothing more), 429 with {@code Retry-After}, a burst of
 * THROTTLED that does not charge the bucket, added latency, and a revoked token. Shares are 1.0 so every request is
 * hit; latency is checked only as a lower bound, which no slow machine can break.
 */
class AdminApiFaultsTest {

    private static final String SET = "mutation Set($input: InventorySetQuantitiesInput!, $key: String!) { "
            + "inventorySetQuantities(input: $input) @idempotent(key: $key) { inventoryAdjustmentGroup { reason } "
            + "userErrors { code } } }";
    private static final String SHOP = "{ shop { name } }";

    private ShopifySandbox sandbox;
    private Shop shop;
    private Location warehouse;
    private AdminClient admin;
    private Map<String, Object> setTo12;

    @BeforeEach
    void start() throws IOException {
        sandbox = ShopifySandbox.start(SandboxSettings.defaults());
        shop = sandbox.createShop("faults.myshopify.com", Plan.STANDARD);
        warehouse = shop.addLocation("Main warehouse");
        shop.addProduct("T-shirt", "TS-S");
        shop.stock("TS-S", warehouse, 5);
        admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop));
        setTo12 = Map.of(
                "key",
                "k-1",
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
                                12,
                                "changeFromQuantity",
                                5))));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aServerErrorBeforeTheWriteChangesNothing() throws Exception {
        shop.faults().serverErrorShare(1.0);
        HttpResponse<String> answer = admin.send(SET, setTo12);
        assertEquals(503, answer.statusCode());
        assertEquals("{\"errors\":\"Service Unavailable\"}", answer.body());
        assertEquals(5, shop.quantity("TS-S", warehouse, "available"));
        assertTrue(shop.journal().mutations().isEmpty());
        assertEquals("INJECTED_5XX", shop.journal().requests().get(0).errorCode());

        shop.faults().serverErrorStatus(500);
        assertEquals(500, admin.send(SHOP, Map.of()).statusCode());
    }

    @Test
    void aServerErrorAfterTheWriteLeavesItAppliedAndTheRetryIsReplayed() throws Exception {
        shop.faults().serverErrorAfterWriteShare(1.0);
        assertEquals(503, admin.send(SET, setTo12).statusCode());
        assertEquals(12, shop.quantity("TS-S", warehouse, "available"));

        shop.faults().none();
        JsonNode retried = admin.graphQl(SET, setTo12);
        assertTrue(retried.at("/data/inventorySetQuantities/userErrors").isEmpty(), retried.toString());
        assertEquals(
                "correction",
                retried.at("/data/inventorySetQuantities/inventoryAdjustmentGroup/reason")
                        .asText());
        assertEquals(12, shop.quantity("TS-S", warehouse, "available"));
        assertEquals(
                List.of(Journal.Outcome.APPLIED, Journal.Outcome.REPLAYED),
                shop.journal().mutations().stream()
                        .map(Journal.Mutation::outcome)
                        .toList());
    }

    @Test
    void tooManyRequestsCarriesRetryAfterAndRunsNothing() throws Exception {
        shop.faults().tooManyRequests(1.0, 2.5);
        HttpResponse<String> answer = admin.send(SET, setTo12);
        assertEquals(429, answer.statusCode());
        assertEquals("2.5", answer.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(5, shop.quantity("TS-S", warehouse, "available"));
        assertTrue(shop.journal().mutations().isEmpty());
    }

    @Test
    void aThrottledBurstAnswersThrottledWithoutChargingTheBucketThenPasses() throws Exception {
        shop.faults().throttledBurst(2);
        for (int i = 0; i < 2; i++) {
            JsonNode throttled = admin.graphQl(SHOP, Map.of());
            assertEquals("THROTTLED", throttled.at("/errors/0/extensions/code").asText());
            assertEquals("Throttled", throttled.at("/errors/0/message").asText());
            assertTrue(throttled.at("/extensions/cost/actualQueryCost").isNull());
            assertEquals(1, throttled.at("/extensions/cost/requestedQueryCost").asInt());
            assertEquals(
                    2000,
                    throttled
                            .at("/extensions/cost/throttleStatus/currentlyAvailable")
                            .asInt());
        }
        JsonNode passed = admin.graphQl(SHOP, Map.of());
        assertEquals(shop.name(), passed.at("/data/shop/name").asText());
        assertEquals(1, passed.at("/extensions/cost/actualQueryCost").asInt());
    }

    @Test
    void addedLatencyDelaysTheAnswerByAtLeastThatMuch() throws Exception {
        Duration latency = Duration.ofMillis(300);
        shop.faults().latency(latency);
        long started = System.nanoTime();
        assertEquals(200, admin.send(SHOP, Map.of()).statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(latency) >= 0);
    }

    @Test
    void aRevokedTokenIsRefusedLikeAnUnknownOne() throws Exception {
        assertEquals(200, admin.send(SHOP, Map.of()).statusCode());
        shop.faults().revokeToken();
        HttpResponse<String> refused = admin.send(SHOP, Map.of());
        assertEquals(401, refused.statusCode());
        assertEquals("{\"errors\":\"" + GraphQlEndpoint.INVALID_TOKEN + "\"}", refused.body());
    }
}
