package wms.shopify.shipping.boundary;

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
import wms.shopify.shipping.control.ShipmentPush;
import wms.shopify.shipping.control.ShipmentQueue;
import wms.shopify.shipping.control.ShipmentRecords;

/**
 * The shipping sweep (SHIPPING_SWEEP_SECONDS): queues every shipment whose attempt is due, so that a retry whose
 * scheduled message was lost with a server, or an attempt a stopped server left unfinished, still happens.
 */
@ApplicationScoped
public class ShipmentSchedule {

    private static final Logger LOG = Logger.getLogger(ShipmentSchedule.class.getName());

    @Resource(lookup = "concurrent/wmsScheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    ShipmentRecords records;

    @Inject
    ShipmentQueue queue;

    @Inject
    ShipmentPush push;

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
            for (long id : this.records.trackingDue()) {
                this.queue.sendTracking(id);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Shipping sweep failed: " + e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (this.rounds != null) {
            this.rounds.cancel(false);
        }
    }
}
