package wms.shopify.console.control;

import java.time.Duration;
import java.util.Locale;

/** How the dashboard writes its figures: durations in the unit a person reads best, bounded counts as "more than". */
public final class DashboardFormat {

    private DashboardFormat() {}

    /** A duration in milliseconds: "850 ms", "12.3 s", "4 min 10 s", "2 h 5 min"; a dash for none. */
    public static String millis(Long millis) {
        if (millis == null) {
            return "–";
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return Signals.words(Duration.ofSeconds(millis / 1000));
    }

    /** A duration, or a dash for none. */
    public static String duration(Duration duration) {
        return duration == null ? "–" : millis(duration.toMillis());
    }

    /** A count read up to {@link Dashboard#COUNT_LIMIT}: above it, "more than 10000". */
    public static String count(long count) {
        return count > Dashboard.COUNT_LIMIT ? "more than " + Dashboard.COUNT_LIMIT : Long.toString(count);
    }
}
