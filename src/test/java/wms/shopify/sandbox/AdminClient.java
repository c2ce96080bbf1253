package wms.shopify.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * A test's connection to one sandbox store, over HTTP as the connector has it: GraphQL requests with an access token,
 * plain JSON posts (OAuth), and the webhook subscription call most webhook tests start with.
 */
final class AdminClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ShopifySandbox sandbox;
    private final Shop shop;
    private final String token;

    AdminClient(ShopifySandbox sandbox, Shop shop, String token) {
        this.sandbox = sandbox;
        this.shop = shop;
        this.token = token;
    }

    /** A GraphQL request to the 2026-07 endpoint, whatever the answer's status. */
    HttpResponse<String> send(String query, Map<String, ?> variables) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return post(sandbox.graphQlUrl(shop, "2026-07"), token, body);
    }

    /** A GraphQL request naming its operation, as the connector sends them. */
    HttpResponse<String> send(String query, String operationName, Map<String, ?> variables) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("operationName", operationName);
        body.put("variables", variables);
        return post(sandbox.graphQlUrl(shop, "2026-07"), token, body);
    }

    /** A GraphQL request that must be answered with HTTP 200; the answer's JSON. */
    JsonNode graphQl(String query, Map<String, ?> variables) throws Exception {
        HttpResponse<String> response = send(query, variables);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** A JSON POST to any sandbox URL, with the access token when one is given. */
    HttpResponse<String> post(String url, String accessToken, Map<String, ?> body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (accessToken != null) {
            request.header("X-Shopify-Access-Token", accessToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Subscribes a topic (GraphQL enum name) to an address, as the connector does after an install. */
    void subscribe(String topic, String uri) throws Exception {
        JsonNode created = graphQl(
                "mutation($topic: WebhookSubscriptionTopic!, $uri: String!) { "
                        + "webhookSubscriptionCreate(topic: $topic, webhookSubscription: {uri: $uri}) { "
                        + "webhookSubscription { id } userErrors { message } } }",
                Map.of("topic", topic, "uri", uri));
        assertTrue(created.at("/data/webhookSubscriptionCreate/userErrors").isEmpty(), created.toString());
    }

    /** A map that, unlike {@link Map#of}, may hold nulls: GraphQL inputs send an explicit null to opt out of CAS. */
    static Map<String, Object> input(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
