package wms.shopify.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A shop-specific webhook subscription created through the Admin API: a topic delivered to an HTTPS/HTTP URI. */
public final class WebhookSubscription extends ShopifyObject {

    private final String topic;
    private final String uri;
    private final String name;
    private final String format;
    private final List<String> includeFields;
    private final String filter;
    private final String apiVersion;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();

    WebhookSubscription(
            long id,
            String topic,
            String uri,
            String name,
            String format,
            List<String> includeFields,
            String filter,
            String apiVersion,
            Instant at) {
        super("WebhookSubscription", id, at);
        this.topic = topic;
        this.uri = uri;
        this.name = name;
        this.format = format;
        this.includeFields = includeFields == null ? List.of() : List.copyOf(includeFields);
        this.filter = filter;
        this.apiVersion = apiVersion;
    }

    /** The GraphQL enum name, e.g. {@code ORDERS_CREATE}. */
    public String topic() {
        return topic;
    }

    /** The REST topic, e.g. {@code orders/create}, as sent in {@code X-Shopify-Topic}. */
    public String restTopic() {
        return restTopic(topic);
    }

    /** The resource part of each topic the sandbox emits; the rest of the enum name is the event. */
    private static final List<String> RESOURCES = List.of(
            "REVERSE_FULFILLMENT_ORDERS",
            "FULFILLMENT_ORDERS",
            "BULK_OPERATIONS",
            "INVENTORY_LEVELS",
            "INVENTORY_ITEMS",
            "FULFILLMENTS",
            "ORDERS",
            "PRODUCTS",
            "RETURNS",
            "APP");

    /** {@code ORDERS_CREATE} to {@code orders/create}, {@code INVENTORY_LEVELS_UPDATE} to {@code inventory_levels/update}. */
    static String restTopic(String enumName) {
        String resource = RESOURCES.stream()
                .filter(r -> enumName.startsWith(r + "_"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown topic " + enumName));
        return (resource + "/" + enumName.substring(resource.length() + 1)).toLowerCase(Locale.ROOT);
    }

    public String uri() {
        return uri;
    }

    public String name() {
        return name;
    }

    public String format() {
        return format;
    }

    public List<String> includeFields() {
        return includeFields;
    }

    public String filter() {
        return filter;
    }

    public Map<String, Object> apiVersion() {
        return Map.of("handle", apiVersion, "displayName", apiVersion, "supported", true);
    }

    String apiVersionHandle() {
        return apiVersion;
    }

    /** Failed delivery attempts since the last successful one, over every webhook of this subscription. */
    public int consecutiveFailures() {
        return consecutiveFailures.get();
    }

    /** Counts a failed attempt; answers the new run of consecutive failures. */
    int deliveryFailed() {
        return consecutiveFailures.incrementAndGet();
    }

    /** A 2xx ends the run of failures. */
    void deliverySucceeded() {
        consecutiveFailures.set(0);
    }

    @Override
    Object searchValue(String field) {
        return switch (field) {
            case "topic" -> restTopic();
            case "uri" -> uri;
            default -> super.searchValue(field);
        };
    }
}
