package wms.shopify.console.control;

import java.time.Duration;

/**
 * The dashboard's rules: each turns one figure of a store into red, amber or green and says its rule in words, shown
 * next to the figure. The limits follow what Shopify and the connector promise: a movement reaches Shopify within the
 * store's coalescing window and a minute more; Shopify gives a webhook 5 s to be answered.
 */
public final class Signals {

    /** A figure's signal and the rule that gave it. */
    public record Reading(Signal signal, String rule) {}

    /** Beyond the coalescing window, the time a movement may take to reach Shopify and still be green. */
    static final Duration LAG_GREEN = Duration.ofMinutes(1);
    /** Beyond the coalescing window, the time after which the lag is red. */
    static final Duration LAG_AMBER = Duration.ofMinutes(5);
    /** How long a change may be overdue (due, not yet sent) and still be green. */
    static final Duration OVERDUE_GREEN = Duration.ofMinutes(1);
    /** How long a change may be overdue before it is red. */
    static final Duration OVERDUE_AMBER = Duration.ofMinutes(10);
    /** How long an order may wait in the feed for the WMS and still be green. */
    static final Duration FEED_GREEN = Duration.ofMinutes(15);
    /** How long an order may wait in the feed before it is red. */
    static final Duration FEED_AMBER = Duration.ofHours(1);
    /** A webhook answered slower than this is amber (Shopify gives 5 s). */
    static final Duration ANSWER_GREEN = Duration.ofSeconds(1);
    /** A webhook answered slower than this is red: close to Shopify's 5 s. */
    static final Duration ANSWER_AMBER = Duration.ofSeconds(4);
    /** The share of the store's cost budget in use from which calls wait for it (amber). */
    static final double BUDGET_AMBER = 0.8;

    private Signals() {}

    /** The 95th percentile of the last hour's lag, against the store's coalescing window. */
    public static Reading lag(Long p95Millis, int windowSeconds) {
        Duration green = Duration.ofSeconds(windowSeconds).plus(LAG_GREEN);
        Duration amber = Duration.ofSeconds(windowSeconds).plus(LAG_AMBER);
        String rule = "Green when 95 % of the last hour's movements reached Shopify within " + words(green)
                + " (the " + windowSeconds + " s window + " + words(LAG_GREEN) + "), amber within " + words(amber)
                + ", red beyond.";
        if (p95Millis == null) {
            return new Reading(Signal.GREEN, rule + " Nothing pushed in the last hour.");
        }
        Signal signal = p95Millis <= green.toMillis()
                ? Signal.GREEN
                : p95Millis <= amber.toMillis() ? Signal.AMBER : Signal.RED;
        return new Reading(signal, rule);
    }

    /** The backlog: parked changes or pushes are red; a change overdue for long is amber, then red. */
    public static Reading backlog(long parked, Duration oldestOverdue) {
        String rule = "Red when anything is parked or a change is overdue by " + words(OVERDUE_AMBER)
                + " or more; amber when one is overdue by more than " + words(OVERDUE_GREEN) + "; else green.";
        if (parked > 0) {
            return new Reading(Signal.RED, rule);
        }
        if (oldestOverdue == null || oldestOverdue.compareTo(OVERDUE_GREEN) <= 0) {
            return new Reading(Signal.GREEN, rule);
        }
        return new Reading(oldestOverdue.compareTo(OVERDUE_AMBER) < 0 ? Signal.AMBER : Signal.RED, rule);
    }

    /** Orders: the oldest waiting in the feed against the WMS's reading, and held orders. */
    public static Reading orders(Duration oldestWaiting, long held) {
        String rule = "Green when the WMS took every order within " + words(FEED_GREEN)
                + " and none is held; amber when one waits longer or is held; red when one waits "
                + words(FEED_AMBER) + " or more.";
        Signal signal = Signal.GREEN;
        if (oldestWaiting != null && oldestWaiting.compareTo(FEED_GREEN) > 0) {
            signal = oldestWaiting.compareTo(FEED_AMBER) < 0 ? Signal.AMBER : Signal.RED;
        }
        if (held > 0) {
            signal = signal.worst(Signal.AMBER);
        }
        return new Reading(signal, rule);
    }

    /** Shipments Shopify refused or that failed after every retry are red: the customer waits for tracking. */
    public static Reading shipments(long failed) {
        return new Reading(
                failed > 0 ? Signal.RED : Signal.GREEN,
                "Red when a shipment is parked (not on Shopify after its retries); else green.");
    }

    /** Webhooks: the 95th percentile of the answer time against Shopify's 5 s. */
    public static Reading webhooks(Double p95Millis) {
        String rule = "Green when 95 % of webhooks were answered within " + words(ANSWER_GREEN) + ", amber within "
                + words(ANSWER_AMBER) + ", red beyond (Shopify waits 5 s).";
        if (p95Millis == null || p95Millis <= ANSWER_GREEN.toMillis()) {
            return new Reading(Signal.GREEN, rule);
        }
        return new Reading(p95Millis <= ANSWER_AMBER.toMillis() ? Signal.AMBER : Signal.RED, rule);
    }

    /** The store's GraphQL cost budget: calls wait when most of it is in use. */
    public static Reading budget(Double inUse) {
        String rule = "Amber from " + Math.round(BUDGET_AMBER * 100) + " % in use (calls wait for Shopify to "
                + "restore points), red at 100 %; else green.";
        if (inUse == null || inUse < BUDGET_AMBER) {
            return new Reading(Signal.GREEN, rule);
        }
        return new Reading(inUse >= 1.0 ? Signal.RED : Signal.AMBER, rule);
    }

    /** A duration in the page's words: "90 s", "5 min", "2 h". */
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
}
