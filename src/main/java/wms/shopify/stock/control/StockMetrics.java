package wms.shopify.stock.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Stock sync's MicroProfile Metrics, on /metrics: push latency (from the oldest movement a push carries to Shopify's
 * answer), quantities per mutation, the time spent waiting for a store's cost budget, and counts of stale
 * compare-and-sets, failed attempts and parked pushes.
 */
@ApplicationScoped
public class StockMetrics {

    @Inject
    MetricRegistry registry;

    void pushed(String mode, int quantities, Duration latency) {
        Tag tag = new Tag("mode", mode);
        this.registry.histogram("stock_push_quantities", tag).update(quantities);
        if (latency != null) {
            this.registry.timer("stock_push_latency", tag).update(latency);
        }
        this.registry.counter("stock_pushes", tag).inc();
    }

    void budgetWait(Duration wait) {
        this.registry.timer("stock_push_budget_wait").update(wait);
        if (!wait.isZero()) {
            this.registry.counter("stock_push_paced").inc();
        }
    }

    void stale() {
        this.registry.counter("stock_push_stale").inc();
    }

    void attemptFailed(boolean throttled) {
        this.registry.counter("stock_push_attempts_failed").inc();
        if (throttled) {
            this.registry.counter("stock_push_throttled").inc();
        }
    }

    void rejected() {
        this.registry.counter("stock_push_rejected").inc();
    }
}
