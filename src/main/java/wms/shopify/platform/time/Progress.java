package wms.shopify.platform.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import wms.shopify.platform.web.AdminFormat;

/**
 * How far a long piece of work (Sync Products, a drift reconciliation) has come: what it has done, of how much when
 * that is known, since when; and an estimate of the time left from its rate so far. The one notion of progress the
 * pages and the API show.
 *
 * @param done items handled so far
 * @param total items there are to handle, or null while not known
 * @param startedAt when the work started
 */
public record Progress(long done, Long total, Instant startedAt) {

    /** No estimate before this much was done: the first page's rate says little. */
    static final Duration SETTLING = Duration.ofSeconds(2);

    /** The share done, 0 to 100, or null while the total is not known. */
    public Integer percent() {
        if (this.total == null || this.total <= 0) {
            return null;
        }
        return (int) Math.min(100, this.done * 100 / this.total);
    }

    /**
     * The time left at the rate so far (the time taken, scaled by what is left over what is done); empty while
     * nothing is done, the total is not known, the work is complete or has run too briefly to tell.
     */
    public Optional<Duration> remaining(Instant now) {
        if (this.total == null || this.done <= 0 || this.done >= this.total) {
            return Optional.empty();
        }
        Duration taken = Duration.between(this.startedAt, now);
        if (taken.compareTo(SETTLING) < 0) {
            return Optional.empty();
        }
        long left = this.total - this.done;
        return Optional.of(Duration.ofMillis((long) Math.ceil(taken.toMillis() * (double) left / this.done)));
    }

    /** "12 400 of 50 000", or "12 400" while the total is not known. */
    public String counts() {
        return AdminFormat.count(this.done) + (this.total == null ? "" : " of " + AdminFormat.count(this.total));
    }

    /** "about 3 min left", or what is known instead. */
    public String estimate(Instant now) {
        return remaining(now)
                .map(left -> "about "
                        + AdminFormat.words(Duration.ofSeconds(Math.max(1, (left.toMillis() + 999) / 1000)))
                        + " left")
                .orElse(this.total == null ? "total not known yet" : "estimating the time left");
    }
}
