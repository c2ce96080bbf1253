package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shopify accepts only HTTPS webhook addresses (issue #17): a connector that reaches its stores as real Shopify
 * ({@code https://{shop}}) with a plain-HTTP {@code SHOPIFY_WEBHOOK_URL} refuses to connect a store and says what to
 * set, before sending the merchant to Shopify; the local sandbox demo (stores over {@code http://localhost}) keeps
 * registering its local address.
 */
class WebhookAddressIT {

    private static final String REFUSAL = "Shopify accepts only an HTTPS webhook address, and SHOPIFY_WEBHOOK_URL is";

    @Test
    void aRealStoreIsRefusedAPlainHttpWebhookAddressWithAClearMessage() throws Exception {
        SandboxConnector connector = SandboxConnector.get();
        ExtraServer real = connector.startAnotherInstance(
                "realShopifyServer", List.of("SHOPIFY_SHOP_URL_TEMPLATE=https://{shop}"));
        try {
            HttpClient admin = signIn(real.baseUrl());
            String page = get(admin, real.baseUrl() + "/admin/store-add.xhtml").body();
            assertTrue(page.contains(REFUSAL), "the Add Store page says why before anyone tries");

            HttpResponse<String> tried = post(
                    admin,
                    real.baseUrl() + "/admin/store-add.xhtml",
                    FacesForm.of(page, "add-store")
                            .set("add-store:shop", "real-store.myshopify.com")
                            .submittedWith("add-store:install", "Connect store"));
            assertEquals(400, tried.statusCode());
            assertFalse(tried.headers().firstValue("Location").isPresent(), "the merchant is not sent to Shopify");
            assertTrue(tried.body().contains(REFUSAL), tried.body());
        } finally {
            real.stop();
        }

        // The sandbox in local demo mode (its stores over http://localhost) still takes a plain-HTTP local address.
        HttpClient admin = connector.signedInAdmin();
        assertFalse(connector.get(admin, "/admin/store-add.xhtml").body().contains(REFUSAL));
        var shop =
                connector.sandbox().createShop("webhook-address-it.myshopify.com", wms.shopify.sandbox.Plan.STANDARD);
        shop.addLocation("Main");
        connector.install(admin, shop);
        WmsFixture.await(
                java.time.Duration.ofSeconds(60),
                () -> shop.webhookSubscriptions().size()
                        >= wms.shopify.stores.control.WebhookSubscriptions.TOPICS.size(),
                "the demo store's webhook subscriptions registered");
    }

    private static HttpClient signIn(String baseUrl) throws Exception {
        HttpClient client = ConnectorServer.client();
        get(client, baseUrl + "/admin/stores.xhtml");
        HttpResponse<String> signedIn = post(
                client,
                baseUrl + "/j_security_check",
                "j_username=admin&j_password="
                        + URLEncoder.encode(SandboxConnector.ADMIN_PASSWORD, StandardCharsets.UTF_8));
        assertEquals(302, signedIn.statusCode(), "signed in");
        return client;
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, String url, String form) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
