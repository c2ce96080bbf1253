package wms.shopify.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Shopify's leaky bucket for one app on one store: it holds at most {@code maximumAvailable} points and regains
 * {@code restoreRate} points per second. A query must find its requested cost in the bucket before it runs; the
 * difference between requested and actual cost is given back afterwards.
 */
public final class CostBucket {

    /** The figures Shopify reports in {@code extensions.cost.throttleStatus}. */
    public record ThrottleStatus(double maximumAvailable, double currentlyAvailable, double restoreRate) {}

    private final Clock clock;
    private final double maximumAvailable;
    private final double restoreRate;
    private double available;
    private Instant asOf;

    public CostBucket(Clock clock, double maximumAvailable, double restoreRate) {
        this.clock = clock;
        this.maximumAvailable = maximumAvailable;
        this.restoreRate = restoreRate;
        this.available = maximumAvailable;
        this.asOf = clock.instant();
    }

    /** Takes the requested cost if the bucket holds it; otherwise takes nothing and answers false (THROTTLED). */
    public synchronized boolean tryTake(int requestedCost) {
        refill();
        if (available < requestedCost) {
            return false;
        }
        available -= requestedCost;
        return true;
    }

    /** Gives back points, e.g. requested minus actual cost after a query ran. */
    public synchronized void refund(int points) {
        refill();
        available = Math.min(maximumAvailable, available + points);
    }

    /** Empties the bucket, as a burst of other traffic on the same app and store would. */
    public synchronized void drain() {
        refill();
        available = 0;
    }

    public synchronized ThrottleStatus status() {
        refill();
        return new ThrottleStatus(maximumAvailable, available, restoreRate);
    }

    /** Seconds until the bucket holds the given cost again (0 when it already does). */
    public synchronized double secondsUntilAvailable(int cost) {
        refill();
        return available >= cost ? 0 : (cost - available) / restoreRate;
    }

    private void refill() {
        Instant now = clock.instant();
        if (now.isAfter(asOf)) {
            double seconds = Duration.between(asOf, now).toNanos() / 1e9;
            available = Math.min(maximumAvailable, available + seconds * restoreRate);
            asOf = now;
        }
    }
}
