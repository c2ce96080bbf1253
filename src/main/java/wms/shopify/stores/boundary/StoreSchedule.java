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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.platform.database.DatabaseReady;
import wms.shopify.stores.control.StoreUpkeep;

/**
 * Starts the stores' upkeep (token refresh, subscription checks) once the database is ready, a round every
 * {@code STORE_UPKEEP_ROUND_SECONDS} (default a minute: often enough to refresh a one-hour token well within the
 * default five-minute margin, and to check subscriptions within a minute of their being due).
 */
@ApplicationScoped
public class StoreSchedule {

    private static final Logger LOG = Logger.getLogger(StoreSchedule.class.getName());
    private static final long DEFAULT_ROUND_SECONDS = 60;

    /** Seconds between the end of one round and the start of the next. */
    @Inject
    @ConfigProperty(name = "wms.stores.upkeep-round-seconds", defaultValue = "60")
    long roundSeconds;

    @Resource(lookup = "concurrent/wmsScheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    StoreUpkeep upkeep;

    private ScheduledFuture<?> rounds;

    void onDatabaseReady(@Observes DatabaseReady ready) {
        if (this.rounds == null) {
            long every = this.roundSeconds;
            if (every < 1) {
                LOG.warning(() -> "STORE_UPKEEP_ROUND_SECONDS is " + this.roundSeconds + "; it must be at least 1: "
                        + "store upkeep runs every " + DEFAULT_ROUND_SECONDS + " s instead");
                every = DEFAULT_ROUND_SECONDS;
            }
            this.rounds = this.scheduler.scheduleWithFixedDelay(this::round, Math.min(5, every), every,
                    TimeUnit.SECONDS);
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
