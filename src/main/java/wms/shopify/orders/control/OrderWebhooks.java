package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import wms.shopify.shopify.control.ShopifyRequestException;
import wms.shopify.shopify.control.ShopifyUnauthorizedException;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;
import wms.shopify.webhooks.control.WebhookReceived;

/**
 * The orders' part of webhook processing. Every order topic is only a signal "this order changed": the order is
 * read again from Shopify by id and its current state applied, so topics may come in any order, twice, or late.
 * A failure to reach Shopify propagates, so the delivery's message is put back and tried again (and the sweep
 * would still find the order). The privacy topics erase the customer data of the store's orders.
 */
@ApplicationScoped
public class OrderWebhooks {

    public static final Set<String> TOPICS = Set.of("orders/create", "orders/updated", "orders/paid",
            "orders/cancelled");

    @Inject
    OrderImport importer;

    @Inject
    OrderRecords records;

    @Inject
    Stores stores;

    void onWebhook(@Observes WebhookReceived webhook) {
        if (TOPICS.contains(webhook.topic())) {
            handled(webhook, importFrom(webhook));
        } else if ("customers/redact".equals(webhook.topic())) {
            JsonObject body = body(webhook);
            List<String> orderIds = new ArrayList<>();
            if (body.get("orders_to_redact") instanceof jakarta.json.JsonArray ids) {
                for (JsonValue id : ids) {
                    if (id instanceof JsonNumber number) {
                        orderIds.add("gid://shopify/Order/" + number.longValue());
                    } else if (id instanceof JsonString text) {
                        orderIds.add(text.getString().startsWith("gid://") ? text.getString()
                                : "gid://shopify/Order/" + text.getString());
                    }
                }
            }
            String email = body.get("customer") instanceof JsonObject customer
                    && customer.get("email") instanceof JsonString e ? e.getString() : null;
            int erased = this.records.redact(webhook.storeId(), orderIds, email);
            handled(webhook, "Erased the customer data of " + erased + " orders.");
        } else if ("shop/redact".equals(webhook.topic())) {
            int erased = this.records.redactAll(webhook.storeId());
            handled(webhook, "Erased the customer data of " + erased + " orders.");
        }
    }

    private String importFrom(WebhookReceived webhook) {
        Optional<String> orderId = ShopifyOrders.orderIdOf(webhook.bodyText());
        if (orderId.isEmpty()) {
            return "No order id in the body: nothing imported.";
        }
        Optional<Store> store = this.stores.find(webhook.storeId()).filter(Store::isConnected);
        if (store.isEmpty()) {
            return "The store is not connected: order " + orderId.get() + " is read by the sweep once it is.";
        }
        try {
            return this.importer.importOrder(store.get(), orderId.get(), webhook.topic()).note();
        } catch (ShopifyUnauthorizedException e) {
            return "Shopify refused the store's token: order " + orderId.get()
                    + " is read by the sweep once the store is reconnected.";
        } catch (ShopifyRequestException e) {
            return "Shopify refused to read order " + orderId.get() + ": " + e.getMessage();
        }
    }

    private static void handled(WebhookReceived webhook, String note) {
        webhook.handled(webhook.isHandled() ? webhook.handledNote() + " " + note : note);
    }

    private static JsonObject body(WebhookReceived webhook) {
        try (JsonReader reader = Json.createReader(new StringReader(webhook.bodyText()))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (JsonException | IllegalStateException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }
}
