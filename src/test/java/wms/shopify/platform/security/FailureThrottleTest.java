package wms.shopify.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final FailureThrottle throttle =
            new FailureThrottle(3, Duration.ofSeconds(30), Duration.ofSeconds(100), Duration.ofMinutes(15));

    @Test
    void locksAfterTheThresholdForTheFirstPeriodThenLetsGo() {
        assertTrue(this.throttle.failed("admin", T0).isEmpty());
        assertTrue(this.throttle.failed("admin", T0.plusSeconds(1)).isEmpty());
        assertTrue(this.throttle.lockedFor("admin", T0.plusSeconds(1)).isEmpty());
        Optional<FailureThrottle.Lock> lock = this.throttle.failed("admin", T0.plusSeconds(2));
        assertEquals(Duration.ofSeconds(30), lock.orElseThrow().length());
        assertEquals(3, lock.get().failures());
        assertEquals(Optional.of(Duration.ofSeconds(20)), this.throttle.lockedFor("admin", T0.plusSeconds(12)));
        assertTrue(this.throttle.lockedFor("other", T0.plusSeconds(12)).isEmpty(), "only this key");
        assertTrue(this.throttle.lockedFor("admin", T0.plusSeconds(32)).isEmpty(), "over after the period");
    }

    @Test
    void eachFurtherLockLastsTwiceAsLongUpToTheLongest() {
        Instant now = T0;
        long[] expected = {30, 60, 100, 100};
        for (long seconds : expected) {
            Optional<FailureThrottle.Lock> lock = Optional.empty();
            for (int i = 0; i < 3; i++) {
                lock = this.throttle.failed("admin", now);
            }
            assertEquals(Duration.ofSeconds(seconds), lock.orElseThrow().length());
            now = lock.get().until();
        }
    }

    @Test
    void aQuietWindowOrASuccessStartsTheCountAgain() {
        this.throttle.failed("admin", T0);
        this.throttle.failed("admin", T0);
        assertTrue(
                this.throttle.failed("admin", T0.plus(Duration.ofMinutes(16))).isEmpty(), "window passed");
        this.throttle.failed("admin", T0.plus(Duration.ofMinutes(16)));
        this.throttle.succeeded("admin");
        assertTrue(
                this.throttle.failed("admin", T0.plus(Duration.ofMinutes(16))).isEmpty(), "success forgot them");
    }

    @Test
    void manyMadeUpKeysDoNotGrowWithoutBound() {
        for (int i = 0; i < FailureThrottle.MAX_KEYS + 10; i++) {
            this.throttle.failed("user" + i, T0.plus(Duration.ofMinutes(i < 100 ? 0 : 20)));
        }
        // The quiet ones (failed 20 minutes before the last) were forgotten to make room.
        assertTrue(this.throttle.keys() <= FailureThrottle.MAX_KEYS, "kept " + this.throttle.keys());
        assertTrue(this.throttle.keys() > FailureThrottle.MAX_KEYS - 100, "only the quiet ones forgotten");
    }
}
