package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import wms.shopify.adminapi.control.ShopifyRequestException;
import wms.shopify.adminapi.control.ShopifyUnauthorizedException;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;
import wms.shopify.webhooks.entity.WebhookReceived;

/**
 * The orders' part of webhook processing. Every order topic is only a signal "this order changed": the order is
 * read again from Shopify by id and its current state applied, so topics may come in any order, twice, or late.
 * A failure to reach Shopify propagates, so the delivery's message is put back and tried again (and the sweep
 * would still find the order). Privacy requests are answered by {@link OrderPrivacy}.
 */
@ApplicationScoped
public class OrderWebhooks {

    public static final Set<String> TOPICS =
            Set.of("orders/create", "orders/updated", "orders/paid", "orders/cancelled");

    @Inject
    OrderImport importer;

    @Inject
    Stores stores;

    void onWebhook(@Observes WebhookReceived webhook) {
        if (TOPICS.contains(webhook.topic())) {
            handled(webhook, importFrom(webhook));
        }
    }

    private String importFrom(WebhookReceived webhook) {
        Optional<String> orderId = ShopifyOrders.orderIdOf(webhook.topLevel());
        if (orderId.isEmpty()) {
            return "No order id in the body: nothing imported.";
        }
        Optional<Store> store = this.stores.find(webhook.storeId()).filter(Store::isConnected);
        if (store.isEmpty()) {
            return "The store is not connected: order " + orderId.get() + " is read by the sweep once it is.";
        }
        try {
            return this.importer
                    .importOrder(store.get(), orderId.get(), webhook.topic())
                    .note();
        } catch (ShopifyUnauthorizedException e) {
            return "Shopify refused the store's token: order " + orderId.get()
                    + " is read by the sweep once the store is reconnected.";
        } catch (ShopifyRequestException e) {
            if (e.requiredAccess().isPresent()) {
                return "Shopify refused to read order " + orderId.get() + ": " + e.getMessage() + " The store needs "
                        + "re-authorisation (Stores page); the order is read by the sweep once it is authorised again.";
            }
            return "Shopify refused to read order " + orderId.get() + ": " + e.getMessage();
        }
    }

    private static void handled(WebhookReceived webhook, String note) {
        webhook.handled(webhook.isHandled() ? webhook.handledNote() + " " + note : note);
    }
}
