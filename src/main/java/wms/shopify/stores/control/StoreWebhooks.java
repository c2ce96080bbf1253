package wms.shopify.stores.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.List;
import wms.shopify.adminapi.control.ShopifyApp;
import wms.shopify.adminapi.entity.GrantedScopes;
import wms.shopify.webhooks.entity.WebhookReceived;

/**
 * The stores' part of webhook processing: {@code app/uninstalled} disconnects the store at once. Shopify has
 * already revoked the token, so nothing is called on Shopify; a reinstall connects it again. {@code shop/redact}
 * (48 h after an uninstall) also forgets the store's locations and mapping. {@code app/scopes_update} (the merchant
 * changed the app's access on the store) compares the grant with the scopes the connector needs
 * ({@link Stores#grantChanged}).
 */
@ApplicationScoped
public class StoreWebhooks {

    public static final String TOPIC = "app/uninstalled";

    /** The grant changed: {@code {"id", "previous": [...], "current": [...], "updated_at", "shop_id"}}. */
    public static final String SCOPES_TOPIC = "app/scopes_update";

    @Inject
    ShopifyApp app;

    @Inject
    Stores stores;

    @Inject
    LocationMapping mapping;

    void onWebhook(@Observes WebhookReceived webhook) {
        if (TOPIC.equals(webhook.topic())) {
            this.stores.disconnect(webhook.shop(), "the app was uninstalled on Shopify.");
            webhook.handled("Store disconnected.");
        } else if (SCOPES_TOPIC.equals(webhook.topic())) {
            webhook.handled(scopesUpdated(webhook));
        } else if ("shop/redact".equals(webhook.topic())) {
            this.mapping.forget(webhook.storeId());
        }
    }

    private String scopesUpdated(WebhookReceived webhook) {
        if (!(webhook.bodyObject().get("current") instanceof JsonArray current)) {
            return "No \"current\" scopes in the body: nothing changed.";
        }
        List<String> scopes = current.stream()
                .filter(JsonString.class::isInstance)
                .map(scope -> ((JsonString) scope).getString())
                .toList();
        List<String> missing = this.stores.grantChanged(
                webhook.storeId(), GrantedScopes.of(scopes), this.app.scopes(), "Shopify says (app/scopes_update)");
        return missing.isEmpty()
                ? "The app's grant holds every scope the connector needs."
                : "The app's grant lacks " + String.join(", ", missing) + ": the store needs re-authorisation.";
    }
}
