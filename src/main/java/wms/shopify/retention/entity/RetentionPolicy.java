package wms.shopify.retention.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many days each kind of data is kept (0: kept for ever). Webhook deliveries are kept at least
 * {@link #MIN_WEBHOOK_DELIVERY_DAYS} days whatever the setting says: a delivery Shopify sends again (a retry, a
 * duplicate, a late one) must still be recognised by its webhook id and not processed twice.
 */
public final class RetentionPolicy {

    /**
     * Shopify retries a failed delivery 8 times over 4 hours, may send one more than once, and may deliver it up
     * to a day late (shopify.dev: webhook retry changelog of 2024-09-10, webhooks best practices): 2 days cover that.
     */
    public static final int MIN_WEBHOOK_DELIVERY_DAYS = 2;

    private final Map<DataKind, Integer> days;

    private RetentionPolicy(Map<DataKind, Integer> days) {
        this.days = Collections.unmodifiableMap(days);
    }

    /**
     * @param configured days per kind as configured; a kind left out, or a negative or 0 value, is kept for ever
     * @throws IllegalArgumentException when a kind's days do not fit in a day count a round can compute with
     */
    public static RetentionPolicy of(Map<DataKind, Integer> configured) {
        Map<DataKind, Integer> days = new EnumMap<>(DataKind.class);
        for (DataKind kind : DataKind.values()) {
            int value = Math.max(0, configured.getOrDefault(kind, 0));
            if (kind == DataKind.WEBHOOK_DELIVERIES && value > 0) {
                value = Math.max(value, MIN_WEBHOOK_DELIVERY_DAYS);
            }
            days.put(kind, value);
        }
        return new RetentionPolicy(days);
    }

    /** Days the kind is kept, 0 for ever. */
    public int days(DataKind kind) {
        return this.days.get(kind);
    }

    /** Whether the setting asked for less than the policy keeps (webhook deliveries under 2 days). */
    public static boolean raised(DataKind kind, int configured) {
        return kind == DataKind.WEBHOOK_DELIVERIES && configured > 0 && configured < MIN_WEBHOOK_DELIVERY_DAYS;
    }

    /** Rows of this kind older than the instant returned may be pruned; empty when the kind is kept for ever. */
    public Optional<Instant> cutoff(DataKind kind, Instant now) {
        int kept = days(kind);
        return kept == 0 ? Optional.empty() : Optional.of(now.minus(Duration.ofDays(kept)));
    }

    /** "30 days", or "for ever". */
    public String describe(DataKind kind) {
        int kept = days(kind);
        return kept == 0 ? "for ever" : kept == 1 ? "1 day" : kept + " days";
    }
}
