package wms.shopify.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Shopify's stable Admin API versions with the dates they are released and retired, and the version that answers a
 * request for a given one. Shopify releases a version every quarter, "at the beginning of the quarter, at 5pm UTC",
 * and "each stable version is supported for a minimum of 12 months" (shopify.dev/docs/api/usage/versioning). A retired
 * version is not refused: "Shopify falls forward when your selected version becomes inaccessible" (same page), and when
 * 2019-04 and 2019-07 were retired "requests for the 2019-04 or 2019-07 versions will no longer receive them. Instead,
 * these requests receive version 2019-10. Webhooks set to 2019-04 or 2019-07 receive version 2019-10"
 * (shopify.dev/changelog/api-versions-2019-04-and-2019-10-upcoming-end-of-support): the oldest supported version
 * answers, with the same URL and status, naming itself in {@code X-Shopify-API-Version}.
 */
final class ApiVersions {

    /** One stable version: supported from its release (5pm UTC on the quarter's first day) for 12 months. */
    record Version(String handle, Instant released, Instant retired) {
        boolean supportedAt(Instant at) {
            return !at.isBefore(released) && at.isBefore(retired);
        }
    }

    /** Every stable version from 2025-01 to 2027-04, each retired 12 months after its release. */
    static final List<Version> STABLE = List.of(
                    "2025-01", "2025-04", "2025-07", "2025-10", "2026-01", "2026-04", "2026-07", "2026-10", "2027-01",
                    "2027-04")
            .stream()
            .map(ApiVersions::quarterly)
            .toList();

    /** The versions whose behaviour the sandbox models (its schema subset and the inventory rules of 2026-04+). */
    static final Set<String> MODELLED = Set.of("2026-04", "2026-07");

    private final Clock clock;

    ApiVersions(Clock clock) {
        this.clock = clock;
    }

    private static Version quarterly(String handle) {
        Instant released = Instant.parse(handle + "-01T17:00:00Z");
        int year = Integer.parseInt(handle.substring(0, 4)) + 1;
        return new Version(handle, released, Instant.parse(year + handle.substring(4) + "-01T17:00:00Z"));
    }

    /**
     * The version that answers a request for {@code requested} now: itself while supported, the oldest supported one
     * after its retirement; empty for a handle that is not a stable version, or one not yet released.
     */
    Optional<String> answering(String requested) {
        Instant now = clock.instant();
        Optional<Version> version =
                STABLE.stream().filter(v -> v.handle().equals(requested)).findFirst();
        if (version.isEmpty() || now.isBefore(version.get().released())) {
            return Optional.empty();
        }
        if (version.get().supportedAt(now)) {
            return Optional.of(requested);
        }
        return oldestSupported();
    }

    /** The oldest version supported now. */
    Optional<String> oldestSupported() {
        Instant now = clock.instant();
        return STABLE.stream()
                .filter(v -> v.supportedAt(now))
                .map(Version::handle)
                .findFirst();
    }

    /** Whether the version is supported now (the {@code ApiVersion.supported} field). */
    boolean supported(String handle) {
        Instant now = clock.instant();
        return STABLE.stream().anyMatch(v -> v.handle().equals(handle) && v.supportedAt(now));
    }
}
