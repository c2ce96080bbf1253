package wms.shopify.stores.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import wms.shopify.webhooks.entity.WebhookReceived;

/**
 * The stores' part of webhook processing: {@code app/uninstalled} disconnects the store at once. Shopify has
 * already revoked the token, so nothing is called on Shopify; a reinstall connects it again. {@code shop/redact}
 * (48 h after an uninstall) also forgets the store's locations and mapping.
 */
@ApplicationScoped
public class StoreWebhooks {

    public static final String TOPIC = "app/uninstalled";

    @Inject
    Stores stores;

    @Inject
    LocationMapping mapping;

    void onWebhook(@Observes WebhookReceived webhook) {
        if (TOPIC.equals(webhook.topic())) {
            this.stores.disconnect(webhook.shop(), "the app was uninstalled on Shopify.");
            webhook.handled("Store disconnected.");
        } else if ("shop/redact".equals(webhook.topic())) {
            this.mapping.forget(webhook.storeId());
        }
    }
}
