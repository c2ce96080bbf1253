package wms.shopify.webhooks.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import wms.shopify.platform.web.PlainWebErrors;

/**
 * The JAX-RS application Shopify delivers webhooks to, under {@code /shopify}: the webhook endpoint alone. It lists
 * its class, so none of the WMS API's providers (bearer authentication, problem details, the API's body limit) take
 * part: a webhook is authenticated by its signature and answered in plain text.
 */
@ApplicationPath("/shopify")
public class ShopifyWebhooksApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(WebhookEndpoint.class, PlainWebErrors.class);
    }
}
