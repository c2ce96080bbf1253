package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import wms.shopify.adminapi.control.ShopifyRequestException;
import wms.shopify.adminapi.control.ShopifyUnauthorizedException;
import wms.shopify.orders.entity.OrderState;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;
import wms.shopify.webhooks.entity.WebhookReceived;

/**
 * The orders' part of webhook processing. Every order topic is only a signal "this order changed": the order is
 * read again from Shopify by id and its current state applied, so topics may come in any order, twice, or late.
 * The fulfillment-order topics (holds placed and released, {@code fulfillment_orders/moved}) are such signals too,
 * for the order Shopify says the fulfillment order belongs to. A fulfillment order moved to another location:
 * before the WMS took the order, the read re-routes it (a new
 * feed entry with the new warehouse); once the WMS has it, the move is reported on the order and in the Activity log.
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

    /** A fulfillment order moved to another location (issue 19). */
    public static final String MOVED = "fulfillment_orders/moved";

    @Inject
    OrderImport importer;

    @Inject
    ShopifyOrders shopify;

    @Inject
    OrderRecords records;

    @Inject
    Stores stores;

    void onWebhook(@Observes WebhookReceived webhook) {
        String topic = webhook.topic();
        if (MOVED.equals(topic)) {
            Optional<String> moved = movedFulfillmentOrder(webhook.bodyObject());
            handled(
                    webhook,
                    moved.isEmpty()
                            ? "No moved fulfillment order in the body: nothing imported."
                            : withStore(
                                    webhook, "fulfillment order " + moved.get(), store -> moved(store, moved.get())));
        } else if (FULFILLMENT_ORDER_TOPICS.contains(topic)) {
            Optional<String> held = ShopifyOrders.fulfillmentOrderIdOf(webhook.bodyObject());
            handled(
                    webhook,
                    held.isEmpty()
                            ? "No fulfillment_order.id in the body: nothing imported."
                            : withStore(
                                    webhook,
                                    "fulfillment order " + held.get(),
                                    store -> ofFulfillmentOrder(store, held.get(), topic)));
        } else if (TOPICS.contains(topic)) {
            Optional<String> orderId = topic.equals("orders/edited")
                    ? ShopifyOrders.editedOrderIdOf(webhook.bodyObject())
                    : ShopifyOrders.orderIdOf(webhook.topLevel());
            handled(
                    webhook,
                    orderId.isEmpty()
                            ? "No order id in the body: nothing imported."
                            : withStore(
                                    webhook,
                                    "order " + orderId.get(),
                                    store -> this.importer
                                            .importOrder(store, orderId.get(), topic)
                                            .note()));
        }
    }

    /**
     * A hold placed or released: only a signal too. The fulfillment order's order is found and read again as it is
     * now, so a hold signal delivered twice or after its release changes nothing the current state does not say.
     */
    private String ofFulfillmentOrder(Store store, String fulfillmentOrderId, String topic) {
        Optional<ShopifyOrders.FulfillmentOrderPlace> place = this.shopify.fulfillmentOrder(store, fulfillmentOrderId);
        if (place.isEmpty()) {
            return "Fulfillment order " + fulfillmentOrderId + " is not on Shopify in this store: nothing imported.";
        }
        return this.importer.importOrder(store, place.get().orderId(), topic).note();
    }

    /** The moved fulfillment order's order read again; reported on it when the WMS already has it. */
    private String moved(Store store, String fulfillmentOrderId) {
        Optional<ShopifyOrders.FulfillmentOrderPlace> place = this.shopify.fulfillmentOrder(store, fulfillmentOrderId);
        if (place.isEmpty()) {
            return "Fulfillment order " + fulfillmentOrderId + " is not on Shopify: nothing imported.";
        }
        String orderId = place.get().orderId();
        OrderRecords.Outcome outcome = this.importer.importOrder(store, orderId, MOVED);
        if (outcome.state() == OrderState.ACCEPTED
                && this.records.movedAfterHandover(
                        store.id(), orderId, place.get().locationName())) {
            return "Order " + orderId + " moved to " + place.get().locationName()
                    + " on Shopify after the WMS took it: reported on the order.";
        }
        return outcome.note();
    }

    /** The GraphQL id of {@code moved_fulfillment_order} in a {@code fulfillment_orders/moved} body (a small one). */
    static Optional<String> movedFulfillmentOrder(JsonObject body) {
        return body.get("moved_fulfillment_order") instanceof JsonObject moved
                        && moved.get("id") instanceof JsonString id
                        && id.getString().startsWith("gid://shopify/FulfillmentOrder/")
                ? Optional.of(id.getString())
                : Optional.empty();
    }

    /** Runs the work for the delivery's store when it is connected; Shopify's refusals become the delivery's note. */
    private String withStore(WebhookReceived webhook, String what, Function<Store, String> work) {
        Optional<Store> store = this.stores.find(webhook.storeId()).filter(Store::isConnected);
        if (store.isEmpty()) {
            return "The store is not connected: " + what + " is read by the sweep once it is.";
        }
        try {
            return work.apply(store.get());
        } catch (ShopifyUnauthorizedException e) {
            return "Shopify refused the store's token: " + what
                    + " is read by the sweep once the store is reconnected.";
        } catch (ShopifyRequestException e) {
            if (e.requiredAccess().isPresent()) {
                return "Shopify refused to read " + what + ": " + e.getMessage() + " The store needs "
                        + "re-authorisation (Stores page); the order is read by the sweep once it is authorised again.";
            }
            return "Shopify refused to read " + what + ": " + e.getMessage();
        }
    }

    private static void handled(WebhookReceived webhook, String note) {
        webhook.handled(webhook.isHandled() ? webhook.handledNote() + " " + note : note);
    }
}
