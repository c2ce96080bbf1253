package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The two addresses Shopify calls on the connector, served by JAX-RS applications of their own: the webhook intake
 * and the OAuth callback keep their places and answers and share nothing of the WMS API (its bearer authentication,
 * its 1 MiB body limit, its problem details, its OpenAPI document), and the API does not serve them under /api.
 */
class ShopifyAddressesIT {

    /** Over the WMS API's default body limit (1 MiB), under the webhooks' (2 MiB). */
    private static final int OVER_THE_API_LIMIT = 1_200_000;

    @Test
    void aWebhookOverTheApisBodyLimitIsReadWholeAndJudgedByItsSignature() throws Exception {
        String body = "{\"pad\":\"" + "x".repeat(OVER_THE_API_LIMIT) + "\"}";
        HttpResponse<String> answer = post("/shopify/webhooks", body);
        assertEquals(401, answer.statusCode(), answer.body());
        assertEquals("The HMAC signature is wrong or missing.", answer.body());
        assertEquals(
                "text/plain;charset=UTF-8",
                answer.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
    }

    @Test
    void theWmsApiDoesNotServeTheWebhookIntake() throws Exception {
        HttpResponse<String> answer = post("/api/webhooks", "{}");
        assertNotEquals("The HMAC signature is wrong or missing.", answer.body(), "the intake answered under /api");
        assertTrue(answer.statusCode() == 401 || answer.statusCode() == 404, answer.statusCode() + " " + answer.body());
    }

    @Test
    void onlyPostIsTakenAtTheWebhookAddress() throws Exception {
        HttpResponse<String> answer = ConnectorServer.get(ConnectorServer.client(), "/shopify/webhooks");
        assertEquals(405, answer.statusCode(), answer.body());
        assertTrue(
                answer.headers().firstValue("Allow").orElse("").contains("POST"),
                answer.headers().toString());
        assertEquals("Method Not Allowed", answer.body());
    }

    @Test
    void theCallbackAsksForTheAdminsSignIn() throws Exception {
        HttpResponse<String> answer =
                ConnectorServer.get(ConnectorServer.client(), "/admin/shopify/callback?shop=a.myshopify.com");
        assertEquals(302, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Location").orElseThrow().contains("login"));
    }

    @Test
    void theOpenApiDocumentDescribesTheWmsApiOnly() throws Exception {
        HttpResponse<String> document = ConnectorServer.get(ConnectorServer.client(), "/openapi?format=JSON");
        assertEquals(200, document.statusCode());
        Set<String> paths;
        try (JsonReader reader = Json.createReader(new StringReader(document.body()))) {
            paths = reader.readObject().getJsonObject("paths").keySet();
        }
        assertTrue(paths.stream().anyMatch(p -> p.startsWith("/api/v1/")), "the WMS API is described: " + paths);
        assertTrue(paths.stream().allMatch(p -> p.startsWith("/api/v1/")), "nothing but the WMS API: " + paths);
        assertFalse(paths.stream().anyMatch(p -> p.contains("webhooks") || p.contains("callback")), paths.toString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return ConnectorServer.client()
                .send(
                        HttpRequest.newBuilder(ConnectorServer.uri(path))
                                .timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/json")
                                .header("X-Shopify-Topic", "orders/create")
                                .header("X-Shopify-Shop-Domain", "nobody.myshopify.com")
                                .header("X-Shopify-Hmac-Sha256", "AAAA")
                                .header("X-Shopify-Webhook-Id", "addresses-it")
                                .header("X-Shopify-Triggered-At", Instant.now().toString())
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
