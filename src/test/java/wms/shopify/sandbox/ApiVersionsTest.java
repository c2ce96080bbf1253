package wms.shopify.sandbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The version in the URL answers while Shopify supports it; after its retirement the oldest supported version answers
 * the same URL with the same 200, named in {@code X-Shopify-API-Version}, on GraphQL answers and on webhooks alike.
 */
class ApiVersionsTest {

    /** 2026-01 retired at 17:00 UTC on 2027-01-01; 2026-04 is then the oldest supported version. */
    private final MutableClock clock = new MutableClock(Instant.parse("2027-01-02T00:00:00Z"));

    private ShopifySandbox sandbox;
    private Shop shop;
    private AdminClient admin;
    private String token;

    @BeforeEach
    void start() throws Exception {
        sandbox = ShopifySandbox.startForLocalDemo(
                SandboxSettings.defaults().withClock(clock).withWebhookTimeScale(0.0001));
        shop = sandbox.createShop("versions.myshopify.com", Plan.STANDARD);
        Location warehouse = shop.addLocation("Main warehouse");
        shop.addProduct("T-shirt", "TS-S");
        shop.stock("TS-S", warehouse, 5);
        token = sandbox.issueAccessToken(shop);
        admin = new AdminClient(sandbox, shop, token);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> shopName(String version) throws Exception {
        return admin.post(sandbox.graphQlUrl(shop, version), token, Map.of("query", "{ shop { name } }"));
    }

    @Test
    void theTableFollowsShopifysQuarterlyReleasesEachSupportedTwelveMonths() {
        ApiVersions.Version v = ApiVersions.STABLE.stream()
                .filter(s -> s.handle().equals("2026-07"))
                .findFirst()
                .orElseThrow();
        assertEquals(Instant.parse("2026-07-01T17:00:00Z"), v.released());
        assertEquals(Instant.parse("2027-07-01T17:00:00Z"), v.retired());
        assertEquals("2026-04", new ApiVersions(clock).oldestSupported().orElseThrow());
    }

    @Test
    void aSupportedVersionAnswersAsItselfAndARetiredOneFallsForwardWithTheSame200() throws Exception {
        HttpResponse<String> current = shopName("2026-07");
        assertEquals(200, current.statusCode());
        assertEquals(
                "2026-07", current.headers().firstValue("X-Shopify-API-Version").orElseThrow());

        HttpResponse<String> retired = shopName("2026-01");
        assertEquals(200, retired.statusCode(), retired.body());
        assertEquals(
                "2026-04", retired.headers().firstValue("X-Shopify-API-Version").orElseThrow());
        assertEquals(
                "versions",
                AdminClient.JSON.readTree(retired.body()).at("/data/shop/name").asText());

        clock.advance(Duration.ofDays(90)); // past 2027-04-01 17:00: 2026-04 retires too
        HttpResponse<String> later = shopName("2026-04");
        assertEquals(200, later.statusCode());
        assertEquals(
                "2026-07", later.headers().firstValue("X-Shopify-API-Version").orElseThrow());
    }

    @Test
    void aHandleThatIsNoStableVersionIsNotFound() throws Exception {
        assertEquals(404, shopName("2026-13").statusCode());
        assertEquals(404, shopName("2099-01").statusCode());
    }

    @Test
    void webhooksCarryTheSubscriptionsVersionUntilItRetiresThenTheOldestSupported() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.accepting()) {
            JsonNode created = AdminClient.JSON.readTree(admin.post(
                            sandbox.graphQlUrl(shop, "2026-04"),
                            token,
                            Map.of(
                                    "query",
                                    "mutation($uri: String!) { webhookSubscriptionCreate(topic: ORDERS_CREATE, "
                                            + "webhookSubscription: {uri: $uri}) { webhookSubscription { apiVersion { handle } } "
                                            + "userErrors { message } } }",
                                    "variables",
                                    Map.of("uri", receiver.uri())))
                    .body());
            assertEquals(
                    "2026-04",
                    created.at("/data/webhookSubscriptionCreate/webhookSubscription/apiVersion/handle")
                            .asText(),
                    created.toString());
            Location warehouse = shop.locations().get(0);
            shop.placeOrder(warehouse, true, Map.of("TS-S", 1));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> receiver.deliveries().size() == 1);
            assertEquals("2026-04", receiver.deliveries().get(0).header("X-Shopify-API-Version"));

            clock.advance(Duration.ofDays(90));
            shop.placeOrder(warehouse, true, Map.of("TS-S", 1));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> receiver.deliveries().size() == 2);
            assertEquals("2026-07", receiver.deliveries().get(1).header("X-Shopify-API-Version"));
            assertTrue(receiver.deliveries().get(1).json().has("id"));
        }
    }
}
