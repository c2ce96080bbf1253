package wms.shopify.console.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The dashboard's red/amber/green limits (docs/operations.md, "Dashboard"), read once and checked at start-up. A
 * setting that is not a whole number, or an amber limit not beyond its green one, is refused with one SEVERE line
 * naming the setting; the dashboard then judges by its defaults and says so at its top, so that a typo in a display
 * setting never stops stock or orders.
 */
@ApplicationScoped
public class DashboardSettings {

    private static final Logger LOG = Logger.getLogger(DashboardSettings.class.getName());

    @Inject
    @ConfigProperty(name = "wms.dashboard.lag-green-seconds")
    String lagGreenSeconds;

    @Inject
    @ConfigProperty(name = "wms.dashboard.lag-amber-seconds")
    String lagAmberSeconds;

    @Inject
    @ConfigProperty(name = "wms.dashboard.overdue-green-seconds")
    String overdueGreenSeconds;

    @Inject
    @ConfigProperty(name = "wms.dashboard.overdue-amber-seconds")
    String overdueAmberSeconds;

    @Inject
    @ConfigProperty(name = "wms.dashboard.feed-green-minutes")
    String feedGreenMinutes;

    @Inject
    @ConfigProperty(name = "wms.dashboard.feed-amber-minutes")
    String feedAmberMinutes;

    @Inject
    @ConfigProperty(name = "wms.dashboard.answer-green-ms")
    String answerGreenMillis;

    @Inject
    @ConfigProperty(name = "wms.dashboard.answer-amber-ms")
    String answerAmberMillis;

    @Inject
    @ConfigProperty(name = "wms.dashboard.budget-amber-percent")
    String budgetAmberPercent;

    private Signals signals = Signals.DEFAULTS;
    private String refusal;

    @PostConstruct
    void read() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("DASHBOARD_LAG_GREEN_SECONDS", this.lagGreenSeconds);
        values.put("DASHBOARD_LAG_AMBER_SECONDS", this.lagAmberSeconds);
        values.put("DASHBOARD_OVERDUE_GREEN_SECONDS", this.overdueGreenSeconds);
        values.put("DASHBOARD_OVERDUE_AMBER_SECONDS", this.overdueAmberSeconds);
        values.put("DASHBOARD_FEED_GREEN_MINUTES", this.feedGreenMinutes);
        values.put("DASHBOARD_FEED_AMBER_MINUTES", this.feedAmberMinutes);
        values.put("DASHBOARD_ANSWER_GREEN_MS", this.answerGreenMillis);
        values.put("DASHBOARD_ANSWER_AMBER_MS", this.answerAmberMillis);
        values.put("DASHBOARD_BUDGET_AMBER_PERCENT", this.budgetAmberPercent);
        try {
            this.signals = parse(values);
        } catch (IllegalArgumentException e) {
            this.refusal = e.getMessage();
            LOG.severe(() -> "Dashboard settings refused: " + this.refusal + ". The dashboard judges by its defaults "
                    + "until the setting is corrected and the connector restarted.");
        }
    }

    /** Checks the settings when the connector starts, not at the first look at the dashboard. */
    void onStart(@Observes Startup startup) {
        signals();
    }

    /** The limits in force: the settings', or the defaults when they were refused. */
    public Signals signals() {
        return this.signals;
    }

    /** Why the settings were refused, if they were. */
    public Optional<String> refusal() {
        return Optional.ofNullable(this.refusal);
    }

    /**
     * The limits the settings (by their environment variable's name) say.
     *
     * @throws IllegalArgumentException naming the setting that is not a whole number in range, or the limits that
     *     contradict each other
     */
    static Signals parse(Map<String, String> values) {
        long lagGreen = whole(values, "DASHBOARD_LAG_GREEN_SECONDS", 1, 86_400);
        long lagAmber = beyond(values, "DASHBOARD_LAG_AMBER_SECONDS", 86_400, "DASHBOARD_LAG_GREEN_SECONDS", lagGreen);
        long overdueGreen = whole(values, "DASHBOARD_OVERDUE_GREEN_SECONDS", 1, 86_400);
        long overdueAmber = beyond(
                values, "DASHBOARD_OVERDUE_AMBER_SECONDS", 86_400, "DASHBOARD_OVERDUE_GREEN_SECONDS", overdueGreen);
        long feedGreen = whole(values, "DASHBOARD_FEED_GREEN_MINUTES", 1, 10_080);
        long feedAmber =
                beyond(values, "DASHBOARD_FEED_AMBER_MINUTES", 10_080, "DASHBOARD_FEED_GREEN_MINUTES", feedGreen);
        long answerGreen = whole(values, "DASHBOARD_ANSWER_GREEN_MS", 1, 60_000);
        long answerAmber =
                beyond(values, "DASHBOARD_ANSWER_AMBER_MS", 60_000, "DASHBOARD_ANSWER_GREEN_MS", answerGreen);
        return new Signals(
                Duration.ofSeconds(lagGreen),
                Duration.ofSeconds(lagAmber),
                Duration.ofSeconds(overdueGreen),
                Duration.ofSeconds(overdueAmber),
                Duration.ofMinutes(feedGreen),
                Duration.ofMinutes(feedAmber),
                Duration.ofMillis(answerGreen),
                Duration.ofMillis(answerAmber),
                whole(values, "DASHBOARD_BUDGET_AMBER_PERCENT", 1, 99) / 100.0);
    }

    /** An amber limit: a whole number beyond its green limit. */
    private static long beyond(Map<String, String> values, String name, long most, String greenName, long green) {
        long amber = whole(values, name, 1, most);
        if (amber <= green) {
            throw new IllegalArgumentException(
                    name + " (" + amber + ") must be more than " + greenName + " (" + green + ")");
        }
        return amber;
    }

    private static long whole(Map<String, String> values, String name, long least, long most) {
        String value = values.get(name);
        long parsed;
        try {
            parsed = Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    name + " must be a whole number from " + least + " to " + most + ", not \"" + value + "\"");
        }
        if (parsed < least || parsed > most) {
            throw new IllegalArgumentException(name + " must be from " + least + " to " + most + ", not " + parsed);
        }
        return parsed;
    }
}
