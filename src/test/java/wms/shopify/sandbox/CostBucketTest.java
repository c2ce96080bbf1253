package wms.shopify.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The leaky bucket's arithmetic: take before, refund after, refill at the restore rate, never above the size. */
class CostBucketTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-08-01T10:00:00Z"));
    private final CostBucket bucket =
            new CostBucket(clock, Plan.STANDARD.maximumAvailable(), Plan.STANDARD.restoreRate());

    @Test
    void startsFullAtThePlanSize() {
        assertEquals(new CostBucket.ThrottleStatus(2000, 2000, 100), bucket.status());
    }

    @Test
    void takesTheRequestedCostAndRefundsTheUnusedPart() {
        assertTrue(bucket.tryTake(752));
        assertEquals(1248, bucket.status().currentlyAvailable());
        bucket.refund(752 - 12);
        assertEquals(1988, bucket.status().currentlyAvailable());
    }

    @Test
    void refuseWithoutTakingWhenShortThenRefillsAtTheRestoreRate() {
        bucket.drain();
        assertFalse(bucket.tryTake(150));
        assertEquals(0, bucket.status().currentlyAvailable());
        clock.advance(Duration.ofMillis(1500));
        assertEquals(150, bucket.status().currentlyAvailable(), 1e-9);
        assertEquals(0.0, bucket.secondsUntilAvailable(150));
        assertEquals(0.5, bucket.secondsUntilAvailable(200), 1e-9);
        assertTrue(bucket.tryTake(150));
    }

    @Test
    void neverFillsAboveTheBucketSize() {
        assertTrue(bucket.tryTake(100));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(2000, bucket.status().currentlyAvailable());
        bucket.refund(500);
        assertEquals(2000, bucket.status().currentlyAvailable());
    }

    @Test
    void plusPlanRestoresTenTimesFasterThanStandard() {
        CostBucket plus = new CostBucket(clock, Plan.PLUS.maximumAvailable(), Plan.PLUS.restoreRate());
        plus.drain();
        bucket.drain();
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1000, plus.status().currentlyAvailable(), 1e-9);
        assertEquals(100, bucket.status().currentlyAvailable(), 1e-9);
    }
}
