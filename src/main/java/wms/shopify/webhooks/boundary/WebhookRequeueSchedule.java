package wms.shopify.webhooks.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.platform.database.DatabaseReady;
import wms.shopify.webhooks.control.WebhookRequeue;

/** Runs the webhook re-queue round on the managed scheduler (WEBHOOK_REQUEUE_INTERVAL_SECONDS; 0 turns it off). */
@ApplicationScoped
public class WebhookRequeueSchedule {

    private static final Logger LOG = Logger.getLogger(WebhookRequeueSchedule.class.getName());

    @Resource(lookup = "concurrent/wmsScheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    WebhookRequeue requeue;

    @Inject
    @ConfigProperty(name = "wms.webhooks.requeue-interval-seconds", defaultValue = "30")
    long intervalSeconds;

    private ScheduledFuture<?> rounds;

    void onDatabaseReady(@Observes DatabaseReady ready) {
        if (this.rounds == null && this.intervalSeconds > 0) {
            this.rounds = this.scheduler.scheduleWithFixedDelay(this::round, this.intervalSeconds,
                    this.intervalSeconds, TimeUnit.SECONDS);
        }
    }

    private void round() {
        try {
            this.requeue.round();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook re-queue round failed (tried again next round): " + e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (this.rounds != null) {
            this.rounds.cancel(false);
        }
    }
}
