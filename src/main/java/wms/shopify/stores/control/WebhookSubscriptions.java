package wms.shopify.stores.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * one is created again; one of the connector's own to a topic it no longer handles (left by an earlier version) is
 * removed, so that Shopify stops sending what nobody reads.
 */
@ApplicationScoped
public class WebhookSubscriptions {

    private static final Logger LOG = Logger.getLogger(WebhookSubscriptions.class.getName());

    /**
     * Orders (import and its filters; holds, edits, fulfillment orders moved to another location), the uninstall
     * (disconnect at once), the grant (scopes), returns (return sync): each handled by a component
     * (WebhookTopicsTest). Not bulk_operations/finish: large product syncs poll their bulk operation. Not
     * inventory_levels/update: every level the connector writes would come back as one (100 000 deliveries for a
     * 100 000-SKU recount, three quarters of the connector's CPU in the stock benchmark) and nothing is decided on
     * them: changes made on Shopify are found by Absolute mode's compare-and-set and by drift reconciliation
     * (docs/stock.md).
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
        Map<String, List<String>> subscribed = subscribed(store);
        Set<String> present = subscribed.keySet();
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
            if (errors != null && !errors.isEmpty() && !subscribed(store).containsKey(topic)) {
                throw new ShopifyRequestException("Shopify refused the " + topic + " subscription of " + store.domain()
                        + ": " + errors.getJsonObject(0).getString("message", ""));
            }
        }
        List<String> retired = retire(store, subscribed);
        this.stores.subscriptionsChecked(store.id());
        if (!missing.isEmpty() && !present.isEmpty()) {
            // Not the first registration: Shopify removed these, which means deliveries failed for a while.
            this.activity.record(
                    Stores.CATEGORY,
                    "Webhook subscriptions of " + store.domain() + " re-created after Shopify removed them: "
                            + String.join(", ", missing),
                    null);
        }
        if (!retired.isEmpty()) {
            this.activity.record(
                    Stores.CATEGORY,
                    "Webhook subscriptions of " + store.domain() + " that the connector no longer needs removed: "
                            + String.join(", ", retired),
                    null);
        }
        LOG.fine(() -> "Webhook subscriptions of " + store.domain() + " verified; created " + missing + ", removed "
                + retired);
        return missing;
    }

    /** Removes the connector's subscriptions to topics it no longer handles; the topics removed. */
    private List<String> retire(Store store, Map<String, List<String>> subscribed) {
        List<String> retired = new ArrayList<>();
        for (Map.Entry<String, List<String>> topic : new TreeMap<>(subscribed).entrySet()) {
            if (TOPICS.contains(topic.getKey())) {
                continue;
            }
            boolean removed = true;
            for (String id : topic.getValue()) {
                JsonObject deleted = this.access
                        .call(
                                store,
                                token -> this.api.run(
                                        store.domain(),
                                        token,
                                        AdminOperation.WEBHOOK_SUBSCRIPTION_DELETE,
                                        Json.createObjectBuilder().add("id", id).build()))
                        .getJsonObject("webhookSubscriptionDelete");
                JsonArray errors = deleted.getJsonArray("userErrors");
                if (errors != null && !errors.isEmpty()) {
                    // Not worth failing the check for: it is tried again at the next one.
                    LOG.warning(() -> "Shopify refused to remove the " + topic.getKey() + " subscription of "
                            + store.domain() + ": " + errors.getJsonObject(0).getString("message", ""));
                    removed = false;
                }
            }
            if (removed) {
                retired.add(topic.getKey());
            }
        }
        return retired;
    }

    /** The connector's subscriptions on the store (those to its webhook address): their ids by topic. */
    private Map<String, List<String>> subscribed(Store store) {
        Map<String, List<String>> topics = new HashMap<>();
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
                    topics.computeIfAbsent(subscription.getString("topic"), t -> new ArrayList<>())
                            .add(subscription.getString("id"));
                }
            }
            JsonObject pageInfo = page.getJsonObject("pageInfo");
            after = pageInfo.getBoolean("hasNextPage", false) ? pageInfo.getString("endCursor") : null;
        } while (after != null);
        return topics;
    }
}
