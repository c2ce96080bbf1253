package wms.shopify.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's public endpoints with their optional parameters left out or {@code null}: they answer as Shopify
 * does (a non-expiring token when {@code expiring} is not asked for, GraphQL without {@code variables}), and a
 * request Shopify refuses gets Shopify's error, never a 500.
 */
class SandboxOptionalParametersTest {

    private static final ObjectMapper JSON = AdminClient.JSON;

    private final HttpClient http = HttpClient.newHttpClient();
    private ShopifySandbox sandbox;
    private Shop shop;
    private String tokenUrl;

    @BeforeEach
    void start() throws IOException {
        sandbox = ShopifySandbox.start(SandboxSettings.defaults());
        shop = sandbox.createShop("demo.myshopify.com", Plan.STANDARD);
        tokenUrl = sandbox.adminBaseUrl(shop) + "/admin/oauth/access_token";
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aCodeExchangeWithoutExpiringAsShopifysDocumentationShowsItGrantsANonExpiringToken() throws Exception {
        Map<String, Object> request = new LinkedHashMap<>(credentials());
        request.put("code", code());
        HttpResponse<String> answer = postJson(request);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode granted = JSON.readTree(answer.body());
        assertTrue(granted.get("access_token").asText().startsWith("shpat_"));
        assertFalse(granted.has("refresh_token"), "a token not asked to expire comes without a refresh token");
        assertFalse(granted.has("expires_in"));
        assertEquals(
                200,
                graphQl(granted.get("access_token").asText(), Map.of("query", "{ shop { name } }"))
                        .statusCode());
    }

    @Test
    void expiringSentAsNullMeansLeftOutAndAsZeroMeansNonExpiring() throws Exception {
        for (Object expiring : new Object[] {null, "0", 0, false}) {
            Map<String, Object> request = new HashMap<>(credentials());
            request.put("code", code());
            request.put("expiring", expiring);
            HttpResponse<String> answer = postJson(request);
            assertEquals(200, answer.statusCode(), "expiring=" + expiring + ": " + answer.body());
            assertFalse(JSON.readTree(answer.body()).has("refresh_token"), "expiring=" + expiring);
        }
        Map<String, Object> asNumber = new HashMap<>(credentials());
        asNumber.put("code", code());
        asNumber.put("expiring", 1);
        assertEquals(
                3600, JSON.readTree(postJson(asNumber).body()).get("expires_in").asInt());
    }

    @Test
    void aFormEncodedExchangeWithoutExpiringIsTakenToo() throws Exception {
        Map<String, String> form = new LinkedHashMap<>(credentials());
        form.put("code", code());
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(tokenUrl))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertFalse(JSON.readTree(answer.body()).has("refresh_token"));
    }

    @Test
    void requestsShopifyRefusesGetItsErrorNeverA500() throws Exception {
        Map<String, Object> noCode = new LinkedHashMap<>(credentials());
        assertError(postJson(noCode), "invalid_request");
        Map<String, Object> nullCode = new HashMap<>(credentials());
        nullCode.put("code", null);
        assertError(postJson(nullCode), "invalid_request");
        assertError(postJson(Map.of("code", code())), "invalid_client");
        Map<String, Object> noRefreshToken = new LinkedHashMap<>(credentials());
        noRefreshToken.put("grant_type", "refresh_token");
        assertError(postJson(noRefreshToken), "invalid_grant");
        HttpResponse<String> badForm = http.send(
                HttpRequest.newBuilder(URI.create(tokenUrl))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("client_id=%ZZ&code=1"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(badForm, "invalid_request");
        for (String unreadable : new String[] {"", "{", "[1]", "\"code\"", "null"}) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(tokenUrl))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(unreadable))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertError(answer, "invalid_request");
        }
    }

    @Test
    void graphQlWithoutVariablesOrOperationNameOrWithThemNullIsAnswered() throws Exception {
        String token = sandbox.issueAccessToken(shop);
        assertEquals(200, graphQl(token, Map.of("query", "{ shop { name } }")).statusCode());
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("query", "{ shop { name } }");
        nulls.put("variables", null);
        nulls.put("operationName", null);
        HttpResponse<String> answer = graphQl(token, nulls);
        assertEquals(200, answer.statusCode(), answer.body());
        assertFalse(JSON.readTree(answer.body()).at("/data/shop/name").asText().isEmpty(), answer.body());
        Map<String, Object> noQuery = new HashMap<>();
        noQuery.put("query", null);
        assertEquals(400, graphQl(token, noQuery).statusCode());
    }

    private static Map<String, String> credentials() {
        return Map.of(
                "client_id", SandboxSettings.DEFAULT_CLIENT_ID, "client_secret", SandboxSettings.DEFAULT_CLIENT_SECRET);
    }

    private String code() {
        String authorize = sandbox.adminBaseUrl(shop) + "/admin/oauth/authorize?client_id="
                + SandboxSettings.DEFAULT_CLIENT_ID + "&scope=read_products&redirect_uri=https://wms.example/callback"
                + "&state=n0nce";
        return Http.parameters(URI.create(sandbox.approveInstall(authorize)).getRawQuery())
                .get("code");
    }

    private static void assertError(HttpResponse<String> answer, String error) throws IOException {
        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals(error, JSON.readTree(answer.body()).get("error").asText(), answer.body());
    }

    private HttpResponse<String> postJson(Map<String, ?> body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(tokenUrl))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> graphQl(String token, Map<String, ?> body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(sandbox.graphQlUrl(shop, "2026-07")))
                        .header("Content-Type", "application/json")
                        .header("X-Shopify-Access-Token", token)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
