package wms.shopify.platform.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the admin pages show values, the same on every page. */
public final class AdminFormat {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private AdminFormat() {}

    /** An instant as a date and time in UTC, or an empty string for none. */
    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** A duration in the pages' words: "90 s", "5 min", "2 h" (whole seconds). */
    public static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 120 && seconds % 60 != 0) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return (seconds / 60) + " min" + (seconds % 60 == 0 ? "" : " " + (seconds % 60) + " s");
        }
        return (seconds / 3600) + " h" + (seconds % 3600 / 60 == 0 ? "" : " " + (seconds % 3600 / 60) + " min");
    }

    /** A count with its thousands apart, as the pages write them: "12 400". */
    public static String count(long count) {
        return String.format(java.util.Locale.ROOT, "%,d", count).replace(',', ' ');
    }
}
