package wms.shopify.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened on a store and is announced by webhook: the topic (GraphQL enum name, e.g.
 * {@code ORDERS_CREATE}), the event id shared by every delivery of the same merchant action, when it happened, and the
 * REST-shaped body. With an {@code address}, it is a notification to a fulfillment service's callback instead
 * (topic {@link #FULFILLMENT_ORDER_NOTIFICATION}), sent there whatever the subscriptions.
 */
record ShopEvent(
        Shop shop, String topic, String eventId, Instant triggeredAt, Map<String, Object> body, String address) {

    /** The pseudo-topic of a notification to {@code <callbackUrl>/fulfillment_order_notification}. */
    static final String FULFILLMENT_ORDER_NOTIFICATION = "fulfillment_order_notification";

    ShopEvent(Shop shop, String topic, String eventId, Instant triggeredAt, Map<String, Object> body) {
        this(shop, topic, eventId, triggeredAt, body, null);
    }
}
