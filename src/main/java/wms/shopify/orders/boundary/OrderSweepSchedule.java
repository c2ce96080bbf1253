package wms.shopify.orders.boundary;

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
import wms.shopify.orders.control.OrderSweeps;
import wms.shopify.platform.database.DatabaseReady;

/** Runs the order reconciliation sweep of every store on the managed scheduler (ORDER_SWEEP_INTERVAL_SECONDS). */
@ApplicationScoped
public class OrderSweepSchedule {

    private static final Logger LOG = Logger.getLogger(OrderSweepSchedule.class.getName());

    @Resource(lookup = "concurrent/wmsScheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    OrderSweeps sweeps;

    @Inject
    @ConfigProperty(name = "wms.orders.sweep-interval-seconds", defaultValue = "600")
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
            this.sweeps.round();
        } catch (RuntimeException e) {
            // A failed round must not cancel the schedule: the next one covers the window again.
            LOG.log(Level.WARNING, "Order sweep round failed: " + e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (this.rounds != null) {
            this.rounds.cancel(false);
        }
    }
}
