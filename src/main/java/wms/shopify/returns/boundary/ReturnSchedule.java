package wms.shopify.returns.boundary;

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
import wms.shopify.returns.control.ReceiptPush;
import wms.shopify.returns.control.ReturnQueue;
import wms.shopify.returns.control.ReturnRecords;

/** The returns sweep (every SHIPPING_SWEEP_SECONDS): queues every receipt whose disposal attempt is due. */
@ApplicationScoped
public class ReturnSchedule {

    private static final Logger LOG = Logger.getLogger(ReturnSchedule.class.getName());

    @Resource(lookup = "concurrent/wmsScheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    ReturnRecords records;

    @Inject
    ReturnQueue queue;

    @Inject
    ReceiptPush push;

    @Inject
    @ConfigProperty(name = "wms.shipping.sweep-seconds", defaultValue = "30")
    long sweepSeconds;

    private ScheduledFuture<?> rounds;

    void onDatabaseReady(@Observes DatabaseReady ready) {
        if (this.rounds == null && this.sweepSeconds > 0) {
            this.rounds = this.scheduler.scheduleWithFixedDelay(this::round, this.sweepSeconds, this.sweepSeconds,
                    TimeUnit.SECONDS);
        }
    }

    private void round() {
        try {
            for (long id : this.records.due(this.push.attemptTakesAtMost())) {
                this.queue.send(id);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Returns sweep failed: " + e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (this.rounds != null) {
            this.rounds.cancel(false);
        }
    }
}
