package wms.shopify.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened on a store and is announced by webhook: the topic (GraphQL enum name, e.g.
 * {@code ORDERS_CREATE}), the event id shared by every delivery of the same merchant action, when it happened, and the
 * REST-shaped body.
 */
record ShopEvent(Shop shop, String topic, String eventId, Instant triggeredAt, Map<String, Object> body) {}
