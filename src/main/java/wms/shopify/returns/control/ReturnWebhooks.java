package wms.shopify.returns.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.Set;
import wms.shopify.adminapi.control.ShopifyRequestException;
import wms.shopify.adminapi.control.ShopifyUnauthorizedException;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;
import wms.shopify.webhooks.entity.WebhookReceived;

/**
 * The returns' part of webhook processing: {@code returns/request}, {@code returns/approve}, {@code returns/process}
 * and {@code returns/close} are signals "this return changed"; the return is read again from Shopify by id and
 * recorded (a return closed on Shopify, by the merchant or another app, before the WMS received it goes back into the
 * WMS's feed as CLOSED: not to be expected any more). With return sync off nothing is done. A failure to reach Shopify
 * propagates, so the delivery is tried again.
 */
@ApplicationScoped
public class ReturnWebhooks {

    public static final Set<String> TOPICS =
            Set.of("returns/request", "returns/approve", "returns/process", "returns/close");

    @Inject
    ShopifyReturns shopify;

    @Inject
    ReturnRecords records;

    @Inject
    Stores stores;

    @Inject
    ReturnPolicies policies;

    void onWebhook(@Observes WebhookReceived webhook) {
        if (!TOPICS.contains(webhook.topic())) {
            return;
        }
        webhook.handled(handle(webhook));
    }

    private String handle(WebhookReceived webhook) {
        Optional<Store> store = this.stores.find(webhook.storeId());
        if (store.isEmpty() || !store.get().isConnected()) {
            return "The store is not connected: return ignored.";
        }
        if (!this.policies.of(store.get().id()).syncEnabled()) {
            return "Return sync is off for " + store.get().domain() + ": return ignored.";
        }
        Optional<String> returnId = returnIdOf(webhook.topLevel().orElse(jakarta.json.JsonValue.EMPTY_JSON_OBJECT));
        if (returnId.isEmpty()) {
            return "No return id in the body: nothing recorded.";
        }
        try {
            Optional<ShopifyReturns.ShopifyReturn> read = this.shopify.read(store.get(), returnId.get());
            if (read.isEmpty()) {
                return "Shopify has no return " + returnId.get() + " (any more).";
            }
            return this.records.announce(store.get().id(), read.get());
        } catch (ShopifyUnauthorizedException e) {
            return "Shopify refused the store's token: return " + returnId.get() + " not read.";
        } catch (ShopifyRequestException e) {
            return "Shopify refused to read return " + returnId.get() + ": " + e.getMessage();
        }
    }

    static Optional<String> returnIdOf(JsonObject body) {
        if (body.get("admin_graphql_api_id") instanceof JsonString gid
                && gid.getString().startsWith("gid://shopify/Return/")) {
            return Optional.of(gid.getString());
        }
        if (body.get("id") instanceof jakarta.json.JsonNumber number) {
            return Optional.of("gid://shopify/Return/" + number.longValue());
        }
        return Optional.empty();
    }
}
