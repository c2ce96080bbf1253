package wms.shopify.stock.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The operator's stock sync settings (docs/operations.md); the per-store ones are on Store Settings. */
@ApplicationScoped
public class StockSettings {

    /** Shopify's cap on an input array, and so on the quantities of one mutation. */
    public static final int MAX_QUANTITIES_PER_MUTATION = 250;
    /** Shopify's ceiling of a quantity {@code inventorySetQuantities} sets (INVALID_QUANTITY_TOO_HIGH above it). */
    public static final long SET_QUANTITY_LIMIT = 1_000_000_000;
    /**
     * Shopify's bound, either way, of the quantity an {@code inventoryAdjustQuantities} change leads to
     * (INVALID_QUANTITY_TOO_HIGH / TOO_LOW beyond it; the 2026-07 SDL).
     */
    public static final long ADJUST_QUANTITY_LIMIT = 2_000_000_000;

    /** Whether Shopify sets a level to this quantity (Absolute mode). */
    public static boolean shopifySets(long quantity) {
        return -SET_QUANTITY_LIMIT <= quantity && quantity <= SET_QUANTITY_LIMIT;
    }

    /**
     * Whether Shopify applies this change (Delta mode) to a level last known to hold {@code known} (null: not
     * read): the change itself, and the quantity it leads to when known, within Shopify's bound.
     */
    public static boolean shopifyAdjusts(long delta, Long known) {
        // Compared without Math.abs, which leaves Long.MIN_VALUE negative; the sum cannot overflow once the change
        // is within the bound.
        return within(delta, ADJUST_QUANTITY_LIMIT) && (known == null || within(known + delta, ADJUST_QUANTITY_LIMIT));
    }

    private static boolean within(long value, long bound) {
        return -bound <= value && value <= bound;
    }

    /** How long a change after a quiet spell waits for company before it is pushed (well within 2 s). */
    @Inject
    @ConfigProperty(name = "wms.stock.first-push-delay-ms")
    long firstPushDelayMillis;

    /** How often the flusher looks for due changes. */
    @Inject
    @ConfigProperty(name = "wms.stock.flush-interval-ms")
    long flushIntervalMillis;

    /** Failed attempts of one push (each already retried within the call) before it is parked as failed. */
    @Inject
    @ConfigProperty(name = "wms.stock.max-attempts")
    int maxAttempts;

    /** How long an instance owns a push it is sending; after that another instance (or a restart) takes it over. */
    @Inject
    @ConfigProperty(name = "wms.stock.push-lease-seconds")
    int leaseSeconds;

    /** Minutes between scheduled drift reconciliations of each store with stock sync on; 0 turns them off. */
    @Inject
    @ConfigProperty(name = "wms.stock.reconcile-minutes")
    int reconcileMinutes;

    /** Minutes between automatic retries of parked pushes (besides the retry when a store's next push succeeds). */
    @Inject
    @ConfigProperty(name = "wms.stock.failed-retry-minutes")
    int failedRetryMinutes;

    /**
     * Pushes of one store in flight at once in this instance, while its budget allows (Shopify limits by cost, not
     * by concurrency); 1 sends them one after the other.
     */
    @Inject
    @ConfigProperty(name = "wms.stock.pushes-in-flight")
    int pushesInFlight;

    public int pushesInFlight() {
        return Math.max(1, this.pushesInFlight);
    }

    public double firstPushDelaySeconds() {
        return this.firstPushDelayMillis / 1000.0;
    }

    public long flushIntervalMillis() {
        return this.flushIntervalMillis;
    }

    public int maxAttempts() {
        return this.maxAttempts;
    }

    public int leaseSeconds() {
        return this.leaseSeconds;
    }

    public int reconcileMinutes() {
        return this.reconcileMinutes;
    }

    public int failedRetryMinutes() {
        return this.failedRetryMinutes;
    }
}
