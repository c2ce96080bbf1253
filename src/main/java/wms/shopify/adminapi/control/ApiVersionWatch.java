package wms.shopify.adminapi.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.platform.health.HealthNotice;

/**
 * Compares the version Shopify answered in ({@code X-Shopify-API-Version}, on every Admin API answer and every
 * webhook) with the connector's pin ({@code SHOPIFY_API_VERSION}). Shopify never refuses a retired version: it
 * "falls forward" and answers from the oldest supported one, possibly in another shape. A difference is raised
 * loudly: the {@code shopify_api_version_mismatch} metric counts every answer, the admin's health details show
 * DEGRADED, and the Activity page gets one entry per answered version (per server start), not one per call. The
 * details stay DEGRADED while the latest answer of a channel (Admin API answers, webhooks) is in another version:
 * once Shopify answers that channel in the pinned version again (the pin was moved, or a stray answer), it is UP
 * again. Webhooks are a channel of their own because their version is the app's webhook version, which can differ
 * from the Admin API's.
 * health details also warn from {@link #RETIREMENT_WARNING} before the pin's retirement
 * ({@link ApiVersionSchedule}).
 */
@ApplicationScoped
public class ApiVersionWatch implements HealthNotice {

    /** How long before the pinned version's retirement the health details warn. */
    static final Duration RETIREMENT_WARNING = Duration.ofDays(90);

    static final String ACTIVITY_CATEGORY = "shopify";

    private static final Logger LOG = Logger.getLogger(ApiVersionWatch.class.getName());

    @Inject
    ShopifyApp app;

    @Inject
    ActivityLog activity;

    @Inject
    MetricRegistry metrics;

    @Inject
    Clock clock;

    /** Where Shopify's answers come from; each is compared with the pin on its own. */
    public enum Channel {
        /** Answers to the connector's Admin API calls. */
        ADMIN_API,
        /** Signed webhooks. */
        WEBHOOKS
    }

    /** A channel answering in another version than the pin: which, and when and where it was first seen. */
    private record Difference(String version, String first) {}

    /** The channels whose latest answer was in another version than the pin. */
    private final Map<Channel, Difference> differences = new ConcurrentHashMap<>();

    /** The versions already written to the Activity page (one entry per version per server start). */
    private final Set<String> recorded = ConcurrentHashMap.newKeySet();

    /**
     * Notes the version of one answer or webhook.
     *
     * @param channel what kind of answer carried it
     * @param answered the {@code X-Shopify-API-Version} header (null or blank: nothing to compare)
     * @param where what carried it, for the log and the activity entry ("GraphQL answer to Order from x", ...)
     */
    public void answered(Channel channel, String answered, String where) {
        if (answered == null || answered.isBlank()) {
            return;
        }
        String version = answered.trim();
        String pinned = this.app.apiVersion();
        if (version.equals(pinned)) {
            this.differences.remove(channel);
            return;
        }
        if (this.metrics != null) {
            this.metrics
                    .counter("shopify_api_version_mismatch", new Tag("answered", version), new Tag("pinned", pinned))
                    .inc();
        }
        Instant now = this.clock.instant();
        this.differences.compute(
                channel,
                (key, seen) -> seen != null && seen.version().equals(version)
                        ? seen
                        : new Difference(version, now + ", " + where));
        if (this.recorded.add(version)) {
            String message = "Shopify answered in API version " + version + ", not the connector's pinned " + pinned
                    + " (first: " + where + "). Shopify falls forward when a version is retired or unknown; "
                    + "move SHOPIFY_API_VERSION to a supported version (docs/operations.md, \"Moving the API "
                    + "version\").";
            LOG.warning(message);
            if (this.activity != null) {
                this.activity.record(ACTIVITY_CATEGORY, message, null);
            }
        }
    }

    @Override
    public Optional<Notice> notice() {
        String pinned = this.app.apiVersion();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("pinned", pinned);
        Optional<Instant> retirement = ApiVersionSchedule.retirement(pinned);
        retirement.ifPresent(day -> data.put("pinnedRetires", day.toString()));
        Map<Channel, Difference> now = new TreeMap<>(this.differences);
        if (!now.isEmpty()) {
            Set<String> versions = new TreeSet<>();
            now.forEach((channel, seen) -> {
                versions.add(seen.version());
                data.put("answered " + seen.version(), "first " + seen.first());
            });
            return Optional.of(new Notice(
                    "shopify-api-version",
                    Level.DEGRADED,
                    "Shopify answers in " + String.join(", ", versions) + ", not the pinned " + pinned
                            + ": move SHOPIFY_API_VERSION (docs/operations.md).",
                    data));
        }
        Instant today = this.clock.instant();
        if (retirement.isPresent() && today.plus(RETIREMENT_WARNING).isAfter(retirement.get())) {
            long days = Math.max(0, Duration.between(today, retirement.get()).toDays());
            return Optional.of(new Notice(
                    "shopify-api-version",
                    Level.WARNING,
                    "The pinned API version " + pinned + " is retired by Shopify on " + retirement.get()
                            + " (in " + days + " days): after that Shopify answers in a later version. Move "
                            + "SHOPIFY_API_VERSION before then (docs/operations.md).",
                    data));
        }
        return Optional.of(new Notice(
                "shopify-api-version", Level.UP, "Shopify answers in the pinned version " + pinned + ".", data));
    }
}
