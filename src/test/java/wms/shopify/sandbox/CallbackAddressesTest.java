package wms.shopify.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Shopify refuses webhook addresses that are not public HTTPS with user errors on {@code callbackUrl}; a sandbox
 * started for a local demo accepts the plain-HTTP local address a connector on the same machine has.
 */
class CallbackAddressesTest {

    private static final String CREATE = "mutation($uri: String!) { webhookSubscriptionCreate(topic: ORDERS_CREATE, "
            + "webhookSubscription: {uri: $uri}) { webhookSubscription { id uri } userErrors { field message } } }";

    private static JsonNode subscribe(ShopifySandbox sandbox, String uri) throws Exception {
        Shop shop = sandbox.createShop("callbacks.myshopify.com", Plan.STANDARD);
        return new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop))
                .graphQl(CREATE, Map.of("uri", uri))
                .at("/data/webhookSubscriptionCreate");
    }

    @Test
    void aPlainHttpAddressIsRefusedAsShopifyRefusesIt() throws Exception {
        try (ShopifySandbox sandbox = ShopifySandbox.start(SandboxSettings.defaults())) {
            JsonNode answer = subscribe(sandbox, "http://wms.example.com/shopify/webhooks");
            assertTrue(answer.get("webhookSubscription").isNull());
            assertEquals(1, answer.get("userErrors").size(), answer.toString());
            assertEquals(
                    "Address protocol http:// is not supported",
                    answer.at("/userErrors/0/message").asText());
            assertEquals(
                    "[\"webhookSubscription\",\"callbackUrl\"]",
                    answer.at("/userErrors/0/field").toString());
            assertTrue(sandbox.shop("callbacks.myshopify.com")
                    .webhookSubscriptions()
                    .isEmpty());
        }
    }

    @Test
    void aLocalAddressIsRefusedEvenOverHttps() throws Exception {
        try (ShopifySandbox sandbox = ShopifySandbox.start(SandboxSettings.defaults())) {
            JsonNode answer = subscribe(sandbox, "http://localhost:9080/shopify/webhooks");
            assertEquals(
                    "Address protocol http:// is not supported",
                    answer.at("/userErrors/0/message").asText());
            assertEquals(
                    "Address cannot be a Shopify or an internal domain",
                    answer.at("/userErrors/1/message").asText());
        }
    }

    @Test
    void aPublicHttpsAddressIsAccepted() throws Exception {
        try (ShopifySandbox sandbox = ShopifySandbox.start(SandboxSettings.defaults())) {
            JsonNode answer = subscribe(sandbox, "https://wms.example.com/shopify/webhooks");
            assertTrue(answer.get("userErrors").isEmpty(), answer.toString());
            assertEquals(
                    "https://wms.example.com/shopify/webhooks",
                    answer.at("/webhookSubscription/uri").asText());
        }
    }

    @Test
    void aSandboxStartedForALocalDemoAcceptsAPlainHttpLocalAddressAndSaysSo() throws Exception {
        try (ShopifySandbox sandbox = ShopifySandbox.startForLocalDemo(SandboxSettings.defaults())) {
            assertTrue(sandbox.localDemo());
            JsonNode answer = subscribe(sandbox, "http://localhost:9080/shopify/webhooks");
            assertTrue(answer.get("userErrors").isEmpty(), answer.toString());
            String page = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.baseUrl() + "/sandbox"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
            assertTrue(page.contains("Local demo mode"), page);
        }
    }
}
