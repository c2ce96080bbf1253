package wms.shopify.adminapi.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Shopify's published support dates of the Admin API's stable versions. Source: "About Shopify API versioning"
 * (shopify.dev/docs/api/usage/versioning): "Shopify releases a new API version every three months at the beginning
 * of the quarter, at 5pm UTC", "each stable version is supported for a minimum of 12 months", with the release
 * schedule table (2023-01 released January 1, 2023, "supported until" January 1, 2024, and so on for each quarter).
 * The dates below follow that table; Shopify has extended a version now and then (2022-04 to June 30, 2023,
 * changelog "Support for API version 2022-04 extended to June 30, 2023"): an extension announced for the pinned
 * version goes into {@link #PUBLISHED}. A version not listed is taken to follow the rule (its quarter's first day,
 * 12 months on).
 */
public final class ApiVersionSchedule {

    /** Versions whose retirement Shopify announced differently from the 12-month rule (none pinned today). */
    static final Map<String, LocalDate> PUBLISHED = Map.of("2022-04", LocalDate.of(2023, 6, 30));

    private static final Pattern STABLE = Pattern.compile("(\\d{4})-(01|04|07|10)");

    private ApiVersionSchedule() {}

    /** The day Shopify stops serving the version (requests then fall forward), or empty for no stable version. */
    public static Optional<Instant> retirement(String version) {
        if (version == null || !STABLE.matcher(version).matches()) {
            return Optional.empty();
        }
        LocalDate day = PUBLISHED.getOrDefault(
                version,
                LocalDate.of(Integer.parseInt(version.substring(0, 4)), Integer.parseInt(version.substring(5)), 1)
                        .plusYears(1));
        return Optional.of(day.atTime(17, 0).toInstant(ZoneOffset.UTC));
    }
}
