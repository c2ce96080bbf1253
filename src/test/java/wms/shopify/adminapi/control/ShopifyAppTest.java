package wms.shopify.adminapi.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The webhook address rule: Shopify takes only HTTPS; the local sandbox demo takes a local plain-HTTP address. */
class ShopifyAppTest {

    private static ShopifyApp app(String shopUrlTemplate, String webhookUrl) {
        ShopifyApp app = new ShopifyApp();
        app.shopUrlTemplate = shopUrlTemplate;
        app.webhookUrl = webhookUrl;
        return app;
    }

    @Test
    void aRealStoreIsNeverGivenAPlainHttpWebhookAddress() {
        String problem = app("https://{shop}", "http://connector.example.com/shopify/webhooks")
                .webhookAddressProblem()
                .orElseThrow();
        assertTrue(
                problem.startsWith("Shopify accepts only an HTTPS webhook address, and SHOPIFY_WEBHOOK_URL is "
                        + "http://connector.example.com/shopify/webhooks: set it to the https:// address"),
                problem);
        assertTrue(app("HTTPS://{shop}", " HTTP://x/shopify/webhooks")
                .webhookAddressProblem()
                .isPresent());
    }

    @Test
    void anHttpsAddressOrTheLocalSandboxIsFine() {
        assertEquals(
                Optional.empty(),
                app("https://{shop}", "https://connector.example.com/shopify/webhooks")
                        .webhookAddressProblem());
        assertEquals(
                Optional.empty(),
                app("http://localhost:8089/shops/{shop}", "http://localhost:9080/shopify/webhooks")
                        .webhookAddressProblem());
    }
}
