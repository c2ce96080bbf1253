package wms.shopify.platform.retry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How records pushed to Shopify in attempts (shipments, return receipts) are retried: at most
 * SHIPPING_MAX_ATTEMPTS attempts, a pause growing from SHIPPING_RETRY_BASE_SECONDS to SHIPPING_RETRY_MAX_SECONDS
 * between them, and how long an attempt owns its record before one still "under way" counts as interrupted
 * (SHIPPING_ATTEMPT_LEASE_SECONDS).
 */
@ApplicationScoped
public class RetryPolicy {

    @Inject
    RequestTimeout calls;

    @Inject
    @ConfigProperty(name = "wms.shipping.max-attempts")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "wms.shipping.retry-base-seconds")
    long retryBaseSeconds;

    @Inject
    @ConfigProperty(name = "wms.shipping.retry-max-seconds")
    long retryMaxSeconds;

    @Inject
    @ConfigProperty(name = "wms.shipping.attempt-lease-seconds")
    long attemptLeaseSeconds;

    /** The pause before attempt n+1 after n failed: base x 2^(n-1), capped. */
    public static Duration backOff(int failedAttempts, long baseSeconds, long maxSeconds) {
        long factor = 1L << Math.min(20, Math.max(0, failedAttempts - 1));
        return Duration.ofSeconds(Math.min(maxSeconds, baseSeconds * factor));
    }

    /** The pause after {@code failedAttempts} failed attempts, with the configured base and cap. */
    public Duration backOff(int failedAttempts) {
        return backOff(failedAttempts, this.retryBaseSeconds, this.retryMaxSeconds);
    }

    public int maxAttempts() {
        return this.maxAttempts;
    }

    /** The longest an attempt can take; one "under way" for longer was interrupted. */
    public Duration attemptTakesAtMost() {
        return attemptLease(this.attemptLeaseSeconds, this.calls.requestTimeout());
    }

    /**
     * How long an attempt owns its shipment (or return receipt): the configured seconds, or when not set (0 or less)
     * 5 minutes plus 6 Shopify request timeouts, room for the reads, their retries and the cost budget's waits. After
     * a crash, the attempt that was under way is taken up again (its outcome unclear) once this has passed.
     */
    public static Duration attemptLease(long configuredSeconds, Duration requestTimeout) {
        return configuredSeconds > 0
                ? Duration.ofSeconds(configuredSeconds)
                : Duration.ofMinutes(5).plus(requestTimeout.multipliedBy(6));
    }
}
