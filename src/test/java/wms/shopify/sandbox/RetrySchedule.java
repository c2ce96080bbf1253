package wms.shopify.sandbox;

import java.time.Duration;

/**
 * When Shopify tries a webhook again after a failure (no 2xx within the timeout): up to 8 retries after the first
 * attempt, with exponential back-off from one minute (1, 2, 4 ... 128 minutes, about four hours in all, which is what
 * Shopify states; the exact intervals are not published). A time scale below 1 shortens every interval for tests.
 */
public final class RetrySchedule {

    public static final int RETRIES = 8;
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);

    private final double timeScale;

    public RetrySchedule(double timeScale) {
        this.timeScale = timeScale;
    }

    /** The number of attempts a webhook gets in all: the first one and the retries. */
    public int attempts() {
        return 1 + RETRIES;
    }

    /** The wait before attempt number {@code attempt} (2 for the first retry ... 9), already scaled. */
    public Duration delayBefore(int attempt) {
        if (attempt < 2 || attempt > attempts()) {
            throw new IllegalArgumentException("attempt " + attempt + " is not a retry");
        }
        long nanos = FIRST_RETRY.multipliedBy(1L << (attempt - 2)).toNanos();
        return Duration.ofNanos(Math.round(nanos * timeScale));
    }

    /** The unscaled time from the first attempt to the last retry. */
    public static Duration span() {
        Duration total = Duration.ZERO;
        RetrySchedule real = new RetrySchedule(1.0);
        for (int attempt = 2; attempt <= real.attempts(); attempt++) {
            total = total.plus(real.delayBefore(attempt));
        }
        return total;
    }
}
