package wms.shopify.shipping.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * The circuit breaker and bulkhead of one store's shipment pushes. MicroProfile Fault Tolerance keeps its state per
 * method, not per store, so this small guard keeps it per store: a store whose Shopify keeps failing stops being
 * called for a while (open), then gets one trial call (half open); and a store takes at most {@code concurrency}
 * message threads at once, so one store cannot hold every shipping thread while its calls hang.
 */
public final class StoreBreaker {

    private final int failureThreshold;
    private final Duration openFor;
    private final Semaphore permits;
    private int consecutiveFailures;
    private Instant openUntil;
    private boolean trialUnderWay;

    public StoreBreaker(int failureThreshold, Duration openFor, int concurrency) {
        this.failureThreshold = Math.max(1, failureThreshold);
        this.openFor = openFor;
        this.permits = new Semaphore(Math.max(1, concurrency));
    }

    /** A pass to call Shopify, to be closed (released) with the call's outcome. */
    public interface Pass extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Enters the guard, or says why not (breaker open, bulkhead full): then nothing is sent and the work waits.
     */
    public synchronized Entry enter(Instant now) {
        if (this.openUntil != null) {
            if (now.isBefore(this.openUntil)) {
                return new Entry(
                        null,
                        "Circuit open for this store until " + this.openUntil + " after " + this.consecutiveFailures
                                + " failures in a row.");
            }
            if (this.trialUnderWay) {
                return new Entry(null, "Circuit half open for this store: a trial call is under way.");
            }
            this.trialUnderWay = true;
        }
        if (!this.permits.tryAcquire()) {
            if (this.openUntil != null) {
                this.trialUnderWay = false;
            }
            return new Entry(null, "This store already has as many shipment pushes under way as it may.");
        }
        return new Entry(this.permits::release, null);
    }

    /** The outcome of entering: a pass, or the reason there is none. */
    public record Entry(Pass pass, String refusal) {
        public Optional<Pass> granted() {
            return Optional.ofNullable(this.pass);
        }
    }

    /** Shopify answered (even with a refusal of the content): the store's API is healthy. */
    public synchronized void succeeded() {
        this.consecutiveFailures = 0;
        this.openUntil = null;
        this.trialUnderWay = false;
    }

    /** Shopify was unavailable (5xx, 429, THROTTLED, no answer). */
    public synchronized void failed(Instant now) {
        this.consecutiveFailures++;
        this.trialUnderWay = false;
        if (this.consecutiveFailures >= this.failureThreshold) {
            this.openUntil = now.plus(this.openFor);
        }
    }

    public synchronized boolean open(Instant now) {
        return this.openUntil != null && now.isBefore(this.openUntil);
    }

    public int available() {
        return this.permits.availablePermits();
    }
}
