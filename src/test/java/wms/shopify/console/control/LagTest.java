package wms.shopify.console.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LagTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void percentilesAreByNearestRank() {
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = 100 - i; // unsorted: 100 .. 1
        }
        assertEquals(50L, Lag.percentile(hundred, 50), "the 50th of 1..100");
        assertEquals(95L, Lag.percentile(hundred, 95), "the 95th of 1..100");
        assertEquals(100L, Lag.percentile(hundred, 100), "the largest");
        assertEquals(7L, Lag.percentile(new long[] {7}, 95), "one value is every percentile");
        // 3 values: rank ceil(0.5 * 3) = 2 and ceil(0.95 * 3) = 3.
        assertEquals(20L, Lag.percentile(new long[] {30, 10, 20}, 50));
        assertEquals(30L, Lag.percentile(new long[] {30, 10, 20}, 95));
        // 20 values: the 95th is the 19th, not the largest.
        long[] twenty = new long[20];
        for (int i = 0; i < 20; i++) {
            twenty[i] = (i + 1) * 1000L;
        }
        assertEquals(19_000L, Lag.percentile(twenty, 95));
        assertNull(Lag.percentile(new long[0], 50), "no value, no percentile");
        assertThrows(IllegalArgumentException.class, () -> Lag.percentile(new long[] {1}, 0));
    }

    @Test
    void theWindowsTakeOnlyTheirOwnMovements() {
        List<Lag.Sample> samples = new ArrayList<>();
        // In the last hour: 2 s, 4 s, 6 s, 8 s.
        for (int i = 1; i <= 4; i++) {
            samples.add(new Lag.Sample(NOW.minus(Duration.ofMinutes(10 * i)), 2000L * i));
        }
        // Earlier today: 60 s, 120 s.
        samples.add(new Lag.Sample(NOW.minus(Duration.ofHours(3)), 60_000));
        samples.add(new Lag.Sample(NOW.minus(Duration.ofHours(5)), 120_000));
        // Older than 24 h: left out.
        samples.add(new Lag.Sample(NOW.minus(Duration.ofHours(25)), 999_000));
        Lag lag = new Lag(samples, NOW);

        assertEquals(new Lag.Figures(4, 4000L, 8000L), lag.lastHour());
        assertEquals(new Lag.Figures(6, 6000L, 120_000L), lag.lastDay());
        assertEquals(new Lag.Figures(0, null, null), new Lag(List.of(), NOW).lastHour());
    }

    @Test
    void theChartHasTwentyFourHoursOldestFirst() {
        List<Lag.Sample> samples = List.of(
                new Lag.Sample(NOW.minus(Duration.ofMinutes(30)), 5000),
                new Lag.Sample(NOW.minus(Duration.ofMinutes(150)), 1000),
                new Lag.Sample(NOW.minus(Duration.ofMinutes(170)), 3000));
        List<Lag.Hour> hours = new Lag(samples, NOW).hours();
        assertEquals(24, hours.size());
        assertEquals(NOW.minus(Duration.ofHours(24)), hours.get(0).from(), "the oldest hour first");
        assertEquals(new Lag.Hour(NOW.minus(Duration.ofHours(1)), 5000L, 1), hours.get(23), "the last hour");
        assertEquals(new Lag.Hour(NOW.minus(Duration.ofHours(3)), 3000L, 2), hours.get(21), "two movements");
        assertNull(hours.get(22).p95Millis(), "an hour without a push");
    }
}
