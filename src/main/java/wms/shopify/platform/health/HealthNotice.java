package wms.shopify.platform.health;

import java.util.Map;
import java.util.Optional;
import wms.shopify.platform.Published;

/**
 * What a component tells the admin's health details ({@code /admin/health}) about a condition that does not stop the
 * server but needs an operator (the connector degraded, a deadline coming): a bean implementing it is listed there
 * beside the platform's checks. Never part of the public {@code /health} probes: a load balancer must not take a
 * serving instance out for it.
 */
@Published
public interface HealthNotice {

    /** How serious a notice is. */
    enum Level {
        /** Working as intended. */
        UP,
        /** Something is coming that needs action (e.g. a date). */
        WARNING,
        /** The connector works, but not as configured: act now. */
        DEGRADED
    }

    /** One entry of the health details: its name, level, what it means, and the facts behind it. */
    record Notice(String name, Level level, String message, Map<String, String> data) {}

    /** The notice as it stands now; empty when there is nothing to list. */
    Optional<Notice> notice();
}
