package wms.shopify.console.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The stock sync lag of one store: for each WMS movement a push carried, the time from the movement reaching the
 * connector to Shopify taking the push; its median and 95th percentile over the last hour and the last 24 hours, and
 * per hour of the day for the chart. Percentiles by nearest rank: a value some movement really had.
 */
public final class Lag {

    /** One movement's way to Shopify: when Shopify took it, and how long it took. */
    public record Sample(Instant pushedAt, long millis) {}

    /** Median and 95th percentile of a window; {@code count} movements (null percentiles when none). */
    public record Figures(long count, Long p50Millis, Long p95Millis) {}

    /** One hour of the chart: its start, its 95th percentile (null when nothing was pushed) and its movements. */
    public record Hour(Instant from, Long p95Millis, long count) {}

    private final List<Sample> samples;
    private final Instant now;

    /**
     * @param samples the movements pushed in the last 24 hours (the most recent ones when there were more than the
     *     dashboard reads)
     * @param now the moment the windows end
     */
    public Lag(List<Sample> samples, Instant now) {
        this.samples = List.copyOf(samples);
        this.now = now;
    }

    /** The last hour. */
    public Figures lastHour() {
        return figures(this.now.minus(Duration.ofHours(1)), this.now);
    }

    /** The last 24 hours. */
    public Figures lastDay() {
        return figures(this.now.minus(Duration.ofHours(24)), this.now);
    }

    /** The 24 hours before now, oldest first, each with its 95th percentile. */
    public List<Hour> hours() {
        List<Hour> hours = new ArrayList<>(24);
        for (int back = 23; back >= 0; back--) {
            Instant until = this.now.minus(Duration.ofHours(back));
            Instant from = until.minus(Duration.ofHours(1));
            Figures f = figures(from, until);
            hours.add(new Hour(from, f.p95Millis(), f.count()));
        }
        return hours;
    }

    private Figures figures(Instant from, Instant until) {
        long[] millis = this.samples.stream()
                .filter(s -> s.pushedAt().isAfter(from) && !s.pushedAt().isAfter(until))
                .mapToLong(Sample::millis)
                .sorted()
                .toArray();
        return new Figures(millis.length, percentile(millis, 50), percentile(millis, 95));
    }

    /**
     * The nearest-rank percentile of sorted values: the smallest value with at least {@code percent} % of the values
     * at or below it; null for no values.
     */
    static Long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return null;
        }
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("A percentile is above 0 and at most 100: " + percent);
        }
        long[] copy = Arrays.copyOf(sorted, sorted.length);
        Arrays.sort(copy);
        int rank = (int) Math.ceil(percent / 100.0 * copy.length);
        return copy[Math.max(rank, 1) - 1];
    }
}
