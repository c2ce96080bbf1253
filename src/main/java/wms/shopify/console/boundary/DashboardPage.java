package wms.shopify.console.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import wms.shopify.console.control.Dashboard;
import wms.shopify.console.control.DashboardFormat;
import wms.shopify.console.control.DashboardSettings;
import wms.shopify.console.control.LagChart;
import wms.shopify.console.control.Signals;
import wms.shopify.console.control.StoreHealthView;
import wms.shopify.platform.web.AdminFormat;
import wms.shopify.webhooks.control.WebhookMetrics;

/**
 * Backing bean of the Dashboard, the page after sign-in: per store how stock sync, webhooks, orders, shipments and
 * the cost budget are doing, each figure with red/amber/green and its rule, and a chart of the sync lag. Read once
 * per request; the page polls for a fresh one every {@link #REFRESH_SECONDS} seconds without reloading.
 */
@Named
@RequestScoped
public class DashboardPage {

    /** How often the page asks for fresh figures. */
    public static final int REFRESH_SECONDS = 15;

    @Inject
    Dashboard dashboard;

    @Inject
    DashboardSettings settings;

    private List<StoreHealthView> stores;
    private Optional<WebhookMetrics.AnswerTimes> answers;
    private final Instant readAt = Instant.now();

    public List<StoreHealthView> getStores() {
        if (this.stores == null) {
            this.stores = this.dashboard.stores();
        }
        return this.stores;
    }

    public int getRefreshSeconds() {
        return REFRESH_SECONDS;
    }

    /** When these figures were read. */
    public String getReadAt() {
        return AdminFormat.dateTime(this.readAt);
    }

    /** The recent webhook answer times on this instance, in words. */
    public String getAnswerTimes() {
        return answers()
                .map(a -> "median " + DashboardFormat.millis(Math.round(a.p50Millis())) + ", 95 % within "
                        + DashboardFormat.millis(Math.round(a.p95Millis())))
                .orElse("no webhook answered yet on this instance");
    }

    public Signals.Reading getAnswerReading() {
        return this.settings
                .signals()
                .webhooks(answers().map(WebhookMetrics.AnswerTimes::p95Millis).orElse(null));
    }

    /** Why the dashboard's settings were refused (it then judges by its defaults), or null. */
    public String getSettingsRefusal() {
        return this.settings.refusal().orElse(null);
    }

    private Optional<WebhookMetrics.AnswerTimes> answers() {
        if (this.answers == null) {
            this.answers = this.dashboard.answerTimes();
        }
        return this.answers;
    }

    public LagChart chart(StoreHealthView store) {
        return LagChart.of(store.lag().hours());
    }

    public String millis(Long millis) {
        return DashboardFormat.millis(millis);
    }

    public String duration(Duration duration) {
        return DashboardFormat.duration(duration);
    }

    public String count(long count) {
        return DashboardFormat.count(count);
    }

    /** Deliveries per minute, one decimal. */
    public String perMinute(StoreHealthView store) {
        return String.format(java.util.Locale.ROOT, "%.1f", store.webhooksPerMinute());
    }

    /** The budget in use as a percentage, or what is known instead. */
    public String budget(StoreHealthView store) {
        return store.budgetInUse() == null
                ? "not known yet (no call to the store since this instance started)"
                : Math.round(store.budgetInUse() * 100) + " % in use";
    }
}
