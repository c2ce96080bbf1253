package wms.shopify.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Snapshot;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import wms.shopify.platform.Published;

/**
 * Webhook intake's MicroProfile Metrics, on /metrics: how long the connector took to answer each delivery (from the
 * request reaching the endpoint to the answer written), by status. Shopify gives a delivery 5 s; this is the
 * server's own share of what Shopify sees. Published for the console's dashboard, which shows the recent answer times.
 */
@Published
@ApplicationScoped
public class WebhookMetrics {

    @Inject
    MetricRegistry registry;

    public void answered(int status, Duration took) {
        this.registry
                .timer("webhook_answer_time", new Tag("status", Integer.toString(status)))
                .update(took);
    }

    /** The median and 95th percentile of the recent answer times, in milliseconds. */
    public record AnswerTimes(double p50Millis, double p95Millis) {}

    /**
     * The recent answer times of accepted deliveries (200) on this instance, as the timer's snapshot keeps them
     * (MicroProfile Metrics gives a timer's percentiles in nanoseconds); empty before the first delivery.
     */
    public Optional<AnswerTimes> recent() {
        Timer timer = this.registry.getTimer(new MetricID("webhook_answer_time", new Tag("status", "200")));
        if (timer == null || timer.getCount() == 0) {
            return Optional.empty();
        }
        Double p50 = null;
        Double p95 = null;
        for (Snapshot.PercentileValue value : timer.getSnapshot().percentileValues()) {
            if (value.getPercentile() == 0.5) {
                p50 = value.getValue() / 1_000_000;
            } else if (value.getPercentile() == 0.95) {
                p95 = value.getValue() / 1_000_000;
            }
        }
        return p50 == null || p95 == null ? Optional.empty() : Optional.of(new AnswerTimes(p50, p95));
    }
}
