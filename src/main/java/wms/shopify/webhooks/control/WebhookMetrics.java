package wms.shopify.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Webhook intake's MicroProfile Metrics, on /metrics: how long the connector took to answer each delivery (from the
 * request reaching the endpoint to the answer written), by status. Shopify gives a delivery 5 s; this is the
 * server's own share of what Shopify sees.
 */
@ApplicationScoped
public class WebhookMetrics {

    @Inject
    MetricRegistry registry;

    public void answered(int status, Duration took) {
        this.registry
                .timer("webhook_answer_time", new Tag("status", Integer.toString(status)))
                .update(took);
    }
}
