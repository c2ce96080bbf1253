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

    public static final Set<String> TOPICS = Set.of(
            "orders/create",
            "orders/updated",
            "orders/paid",
            "orders/cancelled",
            "orders/edited",
            "fulfillment_orders/placed_on_hold",
            "fulfillment_orders/hold_released");

    /** The topics whose body is a fulfillment order's event, which names the fulfillment order, not the order. */
    static final Set<String> FULFILLMENT_ORDER_TOPICS =
            Set.of("fulfillment_orders/placed_on_hold", "fulfillment_orders/hold_released");

    @Inject
    ShopifyOrders shopify;

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
        boolean ofFulfillmentOrder = FULFILLMENT_ORDER_TOPICS.contains(webhook.topic());
        Optional<String> orderId = ofFulfillmentOrder
                ? ShopifyOrders.fulfillmentOrderIdOf(webhook.bodyObject())
                : webhook.topic().equals("orders/edited")
                        ? ShopifyOrders.editedOrderIdOf(webhook.bodyObject())
                        : ShopifyOrders.orderIdOf(webhook.topLevel());
        if (orderId.isEmpty()) {
            return ofFulfillmentOrder
                    ? "No fulfillment_order.id in the body: nothing imported."
                    : "No order id in the body: nothing imported.";
        }
        Optional<Store> store = this.stores.find(webhook.storeId()).filter(Store::isConnected);
        if (store.isEmpty()) {
            return "The store is not connected: order " + orderId.get() + " is read by the sweep once it is.";
        }
        try {
            if (ofFulfillmentOrder) {
                // Only a signal too: the fulfillment order's order is found and read again as it is now, so a hold
                // signal delivered twice or after its release changes nothing the current state does not say.
                Optional<String> order = this.shopify.orderOfFulfillmentOrder(store.get(), orderId.get());
                if (order.isEmpty()) {
                    return "Fulfillment order " + orderId.get() + " is not on Shopify in this store: nothing imported.";
                }
                orderId = order;
            }
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
