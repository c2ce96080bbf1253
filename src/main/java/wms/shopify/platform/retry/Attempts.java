package wms.shopify.platform.retry;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * The attempt and retry state of a record pushed to Shopify in attempts (a shipment, a return receipt): how many
 * attempts were counted, when the next one is due, since when an attempt's outcome is unclear (Shopify may have
 * applied it without the connector learning so), and the reason of the last failure or of parking. The record keeps
 * its own state (queued, under way, done, failed); this part decides the attempts the same way for every kind.
 */
@Embeddable
public class Attempts {

    /** The longest reason kept. */
    private static final int REASON_LENGTH = 1000;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "unclear_since")
    private Instant unclearSince;

    @Column(name = "reason")
    private String reason;

    /** Whether the next attempt's time has come (for a queued record). */
    public boolean due(Instant now) {
        return this.nextAttemptAt == null || !this.nextAttemptAt.isAfter(now);
    }

    /** An attempt starts (counted). */
    public void start() {
        this.attempts++;
        this.nextAttemptAt = null;
    }

    /** An attempt was found that never ended (the connector stopped during it): its outcome is unclear. */
    public void interrupted(Instant now) {
        unclear(now);
        this.nextAttemptAt = null;
    }

    /** Shopify has what was pushed (now, or found after an unclear attempt). */
    public void succeeded() {
        this.unclearSince = null;
        this.nextAttemptAt = null;
        this.reason = null;
    }

    /**
     * The attempt failed in a way worth trying again; {@code unclear} when Shopify may have applied it.
     *
     * @return whether another attempt follows at {@code nextAt}; false: the attempts are spent, {@link #reason()}
     *         says so and the record is to be parked
     */
    public boolean failedForNow(String why, boolean unclear, int maxAttempts, Instant nextAt, Instant now) {
        if (unclear) {
            unclear(now);
        }
        if (this.attempts >= maxAttempts) {
            parked("Gave up after " + this.attempts + " attempts: " + why);
            return false;
        }
        this.reason = bounded("Attempt " + this.attempts + " failed: " + why);
        this.nextAttemptAt = nextAt;
        return true;
    }

    /** The attempt did not happen (held back before calling Shopify); {@code counted} when it was started. */
    public void deferred(String why, boolean counted, Instant nextAt) {
        if (counted) {
            this.attempts = Math.max(0, this.attempts - 1);
        }
        this.reason = bounded(why);
        this.nextAttemptAt = nextAt;
    }

    /** No more attempts until the admin retries: the reason says why. */
    public void parked(String why) {
        this.reason = bounded(why);
        this.nextAttemptAt = null;
    }

    /** Tried again from the start (an unclear outcome stays, to be checked first). */
    public void reset() {
        this.attempts = 0;
        this.nextAttemptAt = null;
        this.reason = null;
    }

    private void unclear(Instant now) {
        if (this.unclearSince == null) {
            this.unclearSince = now;
        }
    }

    static String bounded(String text) {
        return text == null || text.length() <= REASON_LENGTH ? text : text.substring(0, REASON_LENGTH - 3) + "...";
    }

    public int count() {
        return this.attempts;
    }

    public Instant nextAttemptAt() {
        return this.nextAttemptAt;
    }

    public Instant unclearSince() {
        return this.unclearSince;
    }

    public boolean outcomeUnclear() {
        return this.unclearSince != null;
    }

    public String reason() {
        return this.reason;
    }
}
