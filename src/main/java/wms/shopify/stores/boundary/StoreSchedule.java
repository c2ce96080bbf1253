package wms.shopify.stores.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import wms.shopify.platform.database.DatabaseReady;
import wms.shopify.stores.control.StoreUpkeep;

/** Starts the stores' upkeep (token refresh, subscription checks) once the database is ready, every minute. */
@ApplicationScoped
public class StoreSchedule {

    private static final Logger LOG = Logger.getLogger(StoreSchedule.class.getName());
    /** Often enough to refresh a one-hour token well within the default five-minute margin. */
    private static final long ROUND_SECONDS = 60;

    @Resource(lookup = "concurrent/wmsScheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    StoreUpkeep upkeep;

    private ScheduledFuture<?> rounds;

    void onDatabaseReady(@Observes DatabaseReady ready) {
        if (this.rounds == null) {
            this.rounds = this.scheduler.scheduleWithFixedDelay(this::round, 5, ROUND_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void round() {
        try {
            this.upkeep.run();
        } catch (RuntimeException e) {
            // A failed round (database away) must not cancel the schedule: the next one tries again.
            LOG.log(Level.WARNING, "Store upkeep round failed: " + e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (this.rounds != null) {
            this.rounds.cancel(false);
        }
    }
}
