package wms.shopify.console.control;

import java.time.Duration;

/**
 * The dashboard's rules: each turns one figure of a store into red, amber or green and says its rule in words, with
 * the limits in force, shown next to the figure. The limits are settings (docs/operations.md, "Dashboard"; read and
 * checked by {@link DashboardSettings}); their defaults, {@link #DEFAULTS}, follow what Shopify and the connector
 * promise: a movement reaches Shopify within the store's coalescing window and a minute more; Shopify gives a
 * webhook 5 s to be answered.
 *
 * @param lagGreen beyond the coalescing window, the time a movement may take to reach Shopify and still be green
 * @param lagAmber beyond the coalescing window, the time after which the lag is red
 * @param overdueGreen how long a change may be overdue (due, not yet sent) and still be green
 * @param overdueAmber how long a change may be overdue before it is red
 * @param feedGreen how long an order may wait in the feed for the WMS and still be green
 * @param feedAmber how long an order may wait in the feed before it is red
 * @param answerGreen a webhook answered slower than this is amber (Shopify gives 5 s)
 * @param answerAmber a webhook answered slower than this is red
 * @param budgetAmber the share of the store's cost budget in use from which the budget is amber (0 to 1, not 1)
 */
public record Signals(
        Duration lagGreen,
        Duration lagAmber,
        Duration overdueGreen,
        Duration overdueAmber,
        Duration feedGreen,
        Duration feedAmber,
        Duration answerGreen,
        Duration answerAmber,
        double budgetAmber) {

    /** The limits when no setting says otherwise (liberty/server.xml has the same defaults). */
    public static final Signals DEFAULTS = new Signals(
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(1),
            Duration.ofMinutes(10),
            Duration.ofMinutes(15),
            Duration.ofHours(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(4),
            0.8);

    /** A figure's signal and the rule that gave it. */
    public record Reading(Signal signal, String rule) {}

    /** Each amber limit lies beyond its green one, and every limit is positive. */
    public Signals {
        positiveBelow("lag", lagGreen, lagAmber);
        positiveBelow("overdue", overdueGreen, overdueAmber);
        positiveBelow("feed", feedGreen, feedAmber);
        positiveBelow("answer", answerGreen, answerAmber);
        if (!(budgetAmber > 0 && budgetAmber < 1)) {
            throw new IllegalArgumentException("The budget's amber share must lie between 0 and 1, not " + budgetAmber);
        }
    }

    private static void positiveBelow(String figure, Duration green, Duration amber) {
        if (green == null || amber == null || green.isNegative() || green.isZero()) {
            throw new IllegalArgumentException("The " + figure + "'s green limit must be more than 0");
        }
        if (amber.compareTo(green) <= 0) {
            throw new IllegalArgumentException("The " + figure + "'s amber limit (" + words(amber)
                    + ") must be more than its green limit (" + words(green) + ")");
        }
    }

    /** The 95th percentile of the last hour's lag, against the store's coalescing window. */
    public Reading lag(Long p95Millis, int windowSeconds) {
        Duration green = Duration.ofSeconds(windowSeconds).plus(this.lagGreen);
        Duration amber = Duration.ofSeconds(windowSeconds).plus(this.lagAmber);
        String rule = "Green when 95 % of the last hour's movements reached Shopify within " + words(green)
                + " (the " + windowSeconds + " s window + " + words(this.lagGreen) + "), amber within " + words(amber)
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
    public Reading backlog(long parked, Duration oldestOverdue) {
        String rule = "Red when anything is parked or a change is overdue by " + words(this.overdueAmber)
                + " or more; amber when one is overdue by more than " + words(this.overdueGreen) + "; else green.";
        if (parked > 0) {
            return new Reading(Signal.RED, rule);
        }
        if (oldestOverdue == null || oldestOverdue.compareTo(this.overdueGreen) <= 0) {
            return new Reading(Signal.GREEN, rule);
        }
        return new Reading(oldestOverdue.compareTo(this.overdueAmber) < 0 ? Signal.AMBER : Signal.RED, rule);
    }

    /** Orders: the oldest waiting in the feed against the WMS's reading, and held orders. */
    public Reading orders(Duration oldestWaiting, long held) {
        String rule = "Green when the WMS took every order within " + words(this.feedGreen)
                + " and none is held; amber when one waits longer or is held; red when one waits "
                + words(this.feedAmber) + " or more.";
        Signal signal = Signal.GREEN;
        if (oldestWaiting != null && oldestWaiting.compareTo(this.feedGreen) > 0) {
            signal = oldestWaiting.compareTo(this.feedAmber) < 0 ? Signal.AMBER : Signal.RED;
        }
        if (held > 0) {
            signal = signal.worst(Signal.AMBER);
        }
        return new Reading(signal, rule);
    }

    /** Shipments Shopify refused or that failed after every retry are red: the customer waits for tracking. */
    public Reading shipments(long failed) {
        return new Reading(
                failed > 0 ? Signal.RED : Signal.GREEN,
                "Red when a shipment is parked (not on Shopify after its retries); else green.");
    }

    /** Webhooks: the 95th percentile of the answer time against Shopify's 5 s. */
    public Reading webhooks(Double p95Millis) {
        String rule = "Green when 95 % of webhooks were answered within " + exactWords(this.answerGreen)
                + ", amber within " + exactWords(this.answerAmber) + ", red beyond (Shopify waits 5 s).";
        if (p95Millis == null || p95Millis <= this.answerGreen.toMillis()) {
            return new Reading(Signal.GREEN, rule);
        }
        return new Reading(p95Millis <= this.answerAmber.toMillis() ? Signal.AMBER : Signal.RED, rule);
    }

    /** The store's GraphQL cost budget: calls wait when most of it is in use. */
    public Reading budget(Double inUse) {
        String rule = "Amber from " + Math.round(this.budgetAmber * 100) + " % in use (calls wait for Shopify to "
                + "restore points), red at 100 %; else green.";
        if (inUse == null || inUse < this.budgetAmber) {
            return new Reading(Signal.GREEN, rule);
        }
        return new Reading(inUse >= 1.0 ? Signal.RED : Signal.AMBER, rule);
    }

    /** A duration in words, to the millisecond when it is not whole seconds: "1 s", "1500 ms". */
    private static String exactWords(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? words(duration) : duration.toMillis() + " ms";
    }

    /** A duration in the page's words: "90 s", "5 min", "2 h". */
    public static String words(Duration duration) {
        return wms.shopify.platform.web.AdminFormat.words(duration);
    }
}
