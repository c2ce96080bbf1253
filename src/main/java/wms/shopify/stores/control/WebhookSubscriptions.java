package wms.shopify.stores.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.adminapi.control.AdminApi;
import wms.shopify.adminapi.control.AdminOperation;
import wms.shopify.adminapi.control.ShopifyApp;
import wms.shopify.adminapi.control.ShopifyRequestException;
import wms.shopify.stores.entity.Store;

/**
 * The webhook subscriptions the connector needs on every store, pointing at its webhook address. Verified after an
 * install and again on a schedule: Shopify deletes a subscription after repeated failed deliveries, and a missing
 * one is created again.
 */
@ApplicationScoped
public class WebhookSubscriptions {

    private static final Logger LOG = Logger.getLogger(WebhookSubscriptions.class.getName());

    /**
     * Orders (import and its filters; fulfillment orders moved to another location), the uninstall (disconnect at once), returns (return sync), inventory levels
     * (stock drift and echo detection): each handled by a component (WebhookTopicsTest). Not bulk_operations/finish:
     * large product syncs poll their bulk operation, and a delivery nobody handles would only wait unhandled.
     */
    public static final List<String> TOPICS = List.of(
            "ORDERS_CREATE",
            "ORDERS_UPDATED",
            "ORDERS_PAID",
            "ORDERS_CANCELLED",
            "ORDERS_EDITED",
            "FULFILLMENT_ORDERS_PLACED_ON_HOLD",
            "FULFILLMENT_ORDERS_HOLD_RELEASED",
            "APP_UNINSTALLED",
            "APP_SCOPES_UPDATE",
            "RETURNS_REQUEST",
            "RETURNS_APPROVE",
            "RETURNS_PROCESS",
            "RETURNS_CLOSE",
            "INVENTORY_LEVELS_UPDATE",
            "FULFILLMENT_ORDERS_MOVED");
    /** Shopify echoes it as X-Shopify-Name: letters, digits, hyphens. */
    static final String SUBSCRIPTION_NAME = "wms-connector";

    @Inject
    AdminApi api;

    @Inject
    StoreAccess access;

    @Inject
    ShopifyApp app;

    @Inject
    Stores stores;

    @Inject
    ActivityLog activity;

    /**
     * Creates the subscriptions that are missing.
     *
     * @return the topics that had to be created
     */
    public List<String> verify(Store store) {
        Set<String> present = present(store);
        List<String> missing =
                TOPICS.stream().filter(topic -> !present.contains(topic)).toList();
        if (!missing.isEmpty()) {
            // Never ask a real Shopify to register a plain-HTTP address: it refuses it, and the reason is ours.
            this.app.webhookAddressProblem().ifPresent(problem -> {
                throw new ShopifyRequestException(
                        "Webhook subscriptions of " + store.domain() + " not registered: " + problem);
            });
        }
        for (String topic : missing) {
            JsonObject variables = Json.createObjectBuilder()
                    .add("topic", topic)
                    .add(
                            "subscription",
                            Json.createObjectBuilder()
                                    .add("uri", this.app.webhookUrl())
                                    .add("format", "JSON")
                                    .add("name", SUBSCRIPTION_NAME))
                    .build();
            JsonObject created = this.access
                    .call(
                            store,
                            token -> this.api.run(
                                    store.domain(), token, AdminOperation.WEBHOOK_SUBSCRIPTION_CREATE, variables))
                    .getJsonObject("webhookSubscriptionCreate");
            JsonArray errors = created.getJsonArray("userErrors");
            // A check of the same store running at the same time (the install's and a scheduled round's, when the
            // round comes while the install registers) may have created it since this one read the list; Shopify
            // then refuses it as taken. It is there, which is what this check is for.
            if (errors != null && !errors.isEmpty() && !present(store).contains(topic)) {
                throw new ShopifyRequestException("Shopify refused the " + topic + " subscription of " + store.domain()
                        + ": " + errors.getJsonObject(0).getString("message", ""));
            }
        }
        this.stores.subscriptionsChecked(store.id());
        if (!missing.isEmpty() && !present.isEmpty()) {
            // Not the first registration: Shopify removed these, which means deliveries failed for a while.
            this.activity.record(
                    Stores.CATEGORY,
                    "Webhook subscriptions of " + store.domain() + " re-created after Shopify removed them: "
                            + String.join(", ", missing),
                    null);
        }
        LOG.fine(() -> "Webhook subscriptions of " + store.domain() + " verified; created " + missing);
        return missing;
    }

    private Set<String> present(Store store) {
        Set<String> topics = new HashSet<>();
        String after = null;
        do {
            var variables = Json.createObjectBuilder();
            if (after != null) {
                variables.add("after", after);
            }
            JsonObject page = this.access
                    .call(
                            store,
                            token -> this.api.run(
                                    store.domain(), token, AdminOperation.WEBHOOK_SUBSCRIPTIONS, variables.build()))
                    .getJsonObject("webhookSubscriptions");
            for (JsonValue node : page.getJsonArray("nodes")) {
                JsonObject subscription = node.asJsonObject();
                if (this.app.webhookUrl().equals(subscription.getString("uri", ""))) {
                    topics.add(subscription.getString("topic"));
                }
            }
            JsonObject pageInfo = page.getJsonObject("pageInfo");
            after = pageInfo.getBoolean("hasNextPage", false) ? pageInfo.getString("endCursor") : null;
        } while (after != null);
        return topics;
    }
}
