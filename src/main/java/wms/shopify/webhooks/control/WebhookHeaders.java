package wms.shopify.webhooks.control;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code X-Shopify-*} headers of a delivery, looked up without regard to case (HTTP/2 lowercases them). The
 * HMAC header is kept out of what is stored: it proves nothing once verified.
 */
public final class WebhookHeaders {

    public static final String TOPIC = "x-shopify-topic";
    public static final String HMAC = "x-shopify-hmac-sha256";
    public static final String SHOP = "x-shopify-shop-domain";
    public static final String WEBHOOK_ID = "x-shopify-webhook-id";
    public static final String API_VERSION = "x-shopify-api-version";
    public static final String EVENT_ID = "x-shopify-event-id";
    public static final String TRIGGERED_AT = "x-shopify-triggered-at";
    /** The longest header value kept; Shopify's are far shorter. */
    private static final int LONGEST_VALUE = 255;

    private final Map<String, String> values = new TreeMap<>();

    /** Takes the Shopify headers of a request; other headers are ignored. */
    public WebhookHeaders(Map<String, String> headers) {
        headers.forEach((name, value) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (key.startsWith("x-shopify-") && value != null) {
                this.values.put(key, value.trim());
            }
        });
    }

    /** These headers with one more, or one replaced (for a notification that lacks a webhook's own headers). */
    public WebhookHeaders with(String name, String value) {
        Map<String, String> all = new TreeMap<>(this.values);
        all.put(name, value);
        return new WebhookHeaders(all);
    }

    public String get(String name) {
        String value = this.values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * The header names a delivery must carry that this one lacks (or carries too long), or empty. Shopify sends
     * every one of them; X-Shopify-Triggered-At is required so that a replay cannot escape the age limit by leaving
     * it out.
     */
    public java.util.List<String> missing() {
        return java.util.stream.Stream.of(TOPIC, HMAC, SHOP, WEBHOOK_ID, API_VERSION, TRIGGERED_AT)
                .filter(name -> get(name) == null || get(name).length() > LONGEST_VALUE)
                .toList();
    }

    /**
     * When Shopify triggered the delivery (X-Shopify-Triggered-At, ISO-8601 with an offset, e.g.
     * {@code 2026-12-07T01:02:03.456789Z}); empty when absent or not such a date-time.
     */
    public java.util.Optional<java.time.Instant> triggeredAt() {
        String value = get(TRIGGERED_AT);
        if (value == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(java.time.OffsetDateTime.parse(value).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** The headers as stored with the delivery (JSON), without the signature. */
    public String storedForm() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        this.values.forEach((name, value) -> {
            if (!name.equals(HMAC)) {
                json.add(name, value.length() <= LONGEST_VALUE ? value : value.substring(0, LONGEST_VALUE));
            }
        });
        return json.build().toString();
    }
}
