package wms.shopify.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final Instant START = Instant.parse("2026-05-01T08:00:00Z");

    @Test
    void theTimeLeftFollowsTheRateSoFar() {
        // A quarter done in 90 s: three quarters left take 270 s more.
        Progress progress = new Progress(12_500, 50_000L, START);
        Instant now = START.plusSeconds(90);
        assertEquals(Optional.of(Duration.ofSeconds(270)), progress.remaining(now));
        assertEquals("about 4 min 30 s left", progress.estimate(now));
        assertEquals(25, progress.percent());
        assertEquals("12 500 of 50 000", progress.counts());
    }

    @Test
    void theEstimateRoundsUpToAWholeSecond() {
        // 999 of 1000 in 10 s: 10 ms left, said as a second.
        Progress progress = new Progress(999, 1000L, START);
        assertEquals(Optional.of(Duration.ofMillis(11)), progress.remaining(START.plusSeconds(10)));
        assertEquals("about 1 s left", progress.estimate(START.plusSeconds(10)));
    }

    @Test
    void noEstimateWithoutARateOrAWhole() {
        Instant later = START.plusSeconds(60);
        assertTrue(new Progress(0, 50_000L, START).remaining(later).isEmpty(), "nothing done yet: no rate");
        assertTrue(new Progress(10, null, START).remaining(later).isEmpty(), "no total: nothing to scale to");
        assertTrue(new Progress(50_000, 50_000L, START).remaining(later).isEmpty(), "done");
        assertTrue(new Progress(10, 100L, START).remaining(START.plusSeconds(1)).isEmpty(), "too early to tell");
        assertEquals("total not known yet", new Progress(10, null, START).estimate(later));
        assertEquals("estimating the time left", new Progress(0, 100L, START).estimate(later));
        assertEquals("1 250", new Progress(1250, null, START).counts());
        assertNull(new Progress(1250, null, START).percent());
        assertEquals(100, new Progress(120, 100L, START).percent(), "a count past the total is 100 %, not more");
    }
}
