package wms.shopify.adminapi.control;

import java.time.Duration;
import java.time.Instant;

/**
 * One store's GraphQL cost budget as Shopify last reported it ({@code extensions.cost.throttleStatus}: points
 * available, bucket size, restore rate) and as it has refilled since, plus any pause Shopify asked for (429
 * {@code Retry-After}). Every call to that store asks it how long to wait first, so calls are paced instead of
 * being sent and throttled. Calls under way hold what they are expected to cost ({@link #reserve}, given back with
 * {@link #settle} when answered), so several calls of one store may be in flight at once without together asking
 * for more than the bucket holds: Shopify limits by cost, not by concurrency. Thread-safe; the arithmetic takes the
 * time as an argument so tests need no clock.
 */
public final class CostBudget {

    private double available = Double.NaN;
    private double maximum = Double.NaN;
    private double restoreRate = Double.NaN;
    private Instant observedAt = Instant.EPOCH;
    private Instant pausedUntil = Instant.EPOCH;
    /** Points held by calls sent and not answered yet (Shopify's last report may not count them). */
    private double reserved;
    /** Budget waits so far, for the Stock page: how many and how long in all. */
    private long waits;

    private Duration waited = Duration.ZERO;

    /** How long to wait before a call that is expected to cost this many points (zero when it can go now). */
    public synchronized Duration waitBefore(double estimatedCost, Instant now) {
        Duration pause = now.isBefore(this.pausedUntil) ? Duration.between(now, this.pausedUntil) : Duration.ZERO;
        if (Double.isNaN(this.available) || this.restoreRate <= 0) {
            return pause; // nothing known yet: the first answer tells
        }
        double cost = Math.min(estimatedCost, this.maximum);
        double missing = cost - (availableAt(now) - this.reserved);
        if (missing <= 0) {
            return pause;
        }
        Duration refill = Duration.ofMillis((long) Math.ceil(missing / this.restoreRate * 1000));
        return refill.compareTo(pause) > 0 ? refill : pause;
    }

    /**
     * Holds the points of a call about to be sent when the budget has them now, counting the calls under way:
     * answers zero (held: send, then {@link #settle}), or how long to wait before asking again (nothing held).
     */
    public synchronized Duration reserve(double estimatedCost, Instant now) {
        Duration wait = waitBefore(estimatedCost, now);
        if (wait.isZero()) {
            this.reserved += estimatedCost;
        }
        return wait;
    }

    /** Holds the points of a call that goes now whatever the budget says (it waited as long as it may). */
    public synchronized void reserveAnyway(double estimatedCost) {
        this.reserved += estimatedCost;
    }

    /** A call held by {@link #reserve} was answered (or failed): its points are Shopify's report's business again. */
    public synchronized void settle(double estimatedCost) {
        this.reserved = Math.max(0, this.reserved - estimatedCost);
    }

    /** Notes a wait for this budget (measured by the caller), for the figures an operator sees. */
    public synchronized void waited(Duration wait) {
        if (!wait.isZero() && !wait.isNegative()) {
            this.waits++;
            this.waited = this.waited.plus(wait);
        }
    }

    /** The waits noted so far: how many, and how long in all. */
    public synchronized Waits waits() {
        return new Waits(this.waits, this.waited);
    }

    /**
     * Budget waits of one store since this instance started.
     *
     * @param count how many calls waited
     * @param total how long they waited in all
     */
    public record Waits(long count, Duration total) {}

    /** What Shopify reported with an answer (also with a THROTTLED one). */
    public synchronized void observe(
            double currentlyAvailable, double maximumAvailable, double restoreRatePerSecond, Instant at) {
        this.available = currentlyAvailable;
        this.maximum = maximumAvailable;
        this.restoreRate = restoreRatePerSecond;
        this.observedAt = at;
    }

    /** Shopify said to wait (HTTP 429 with {@code Retry-After}). */
    public synchronized void pauseUntil(Instant until) {
        if (until.isAfter(this.pausedUntil)) {
            this.pausedUntil = until;
        }
    }

    /**
     * The share of the bucket in use at a moment, from 0 to 1 (1 also while Shopify asked to wait), or NaN before
     * Shopify's first report: what the dashboard shows as the budget in use.
     */
    public synchronized double inUseAt(Instant now) {
        if (now.isBefore(this.pausedUntil)) {
            return 1.0;
        }
        double available = availableAt(now);
        if (Double.isNaN(available) || !(this.maximum > 0)) {
            return Double.NaN;
        }
        return Math.max(0, Math.min(1, 1 - available / this.maximum));
    }

    /** The points available at a moment: the last report plus what has been restored since, capped at the bucket. */
    synchronized double availableAt(Instant now) {
        if (Double.isNaN(this.available)) {
            return Double.NaN;
        }
        double seconds = Math.max(0, Duration.between(this.observedAt, now).toMillis() / 1000.0);
        return Math.min(this.maximum, this.available + seconds * this.restoreRate);
    }
}
