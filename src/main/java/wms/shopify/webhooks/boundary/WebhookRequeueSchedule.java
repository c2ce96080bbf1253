package wms.shopify.webhooks.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.platform.database.DatabaseReady;
import wms.shopify.platform.time.Rounds;
import wms.shopify.webhooks.control.WebhookRequeue;

/** Runs the webhook re-queue round on the managed scheduler (WEBHOOK_REQUEUE_INTERVAL_SECONDS; 0 turns it off). */
@ApplicationScoped
public class WebhookRequeueSchedule {

    @Inject
    Rounds rounds;

    @Inject
    WebhookRequeue requeue;

    @Inject
    @ConfigProperty(name = "wms.webhooks.requeue-interval-seconds")
    long intervalSeconds;

    private boolean started;

    void onDatabaseReady(@Observes DatabaseReady ready) {
        if (!this.started && this.intervalSeconds > 0) {
            this.started = true;
            this.rounds.every(
                    "Webhook re-queue round", this.intervalSeconds, this.intervalSeconds, this.requeue::round);
        }
    }
}
