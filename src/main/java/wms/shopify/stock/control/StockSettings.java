package wms.shopify.stock.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The operator's stock sync settings (docs/operations.md); the per-store ones are on Store Settings. */
@ApplicationScoped
public class StockSettings {

    /** Shopify's cap on an input array, and so on the quantities of one mutation. */
    public static final int MAX_QUANTITIES_PER_MUTATION = 250;

    /** How long a change after a quiet spell waits for company before it is pushed (well within 2 s). */
    @Inject
    @ConfigProperty(name = "wms.stock.first-push-delay-ms", defaultValue = "300")
    long firstPushDelayMillis;

    /** How often the flusher looks for due changes. */
    @Inject
    @ConfigProperty(name = "wms.stock.flush-interval-ms", defaultValue = "250")
    long flushIntervalMillis;

    /** Failed attempts of one push (each already retried within the call) before it is parked as failed. */
    @Inject
    @ConfigProperty(name = "wms.stock.max-attempts", defaultValue = "5")
    int maxAttempts;

    /** How long an instance owns a push it is sending; after that another instance (or a restart) takes it over. */
    @Inject
    @ConfigProperty(name = "wms.stock.push-lease-seconds", defaultValue = "60")
    int leaseSeconds;

    /** Minutes between scheduled drift reconciliations of each store with stock sync on; 0 turns them off. */
    @Inject
    @ConfigProperty(name = "wms.stock.reconcile-minutes", defaultValue = "60")
    int reconcileMinutes;

    /** Minutes between automatic retries of parked pushes (besides the retry when a store's next push succeeds). */
    @Inject
    @ConfigProperty(name = "wms.stock.failed-retry-minutes", defaultValue = "10")
    int failedRetryMinutes;

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
