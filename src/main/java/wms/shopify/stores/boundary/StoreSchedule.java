package wms.shopify.stores.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.platform.database.DatabaseReady;
import wms.shopify.platform.time.Rounds;
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
    @ConfigProperty(name = "wms.stores.upkeep-round-seconds")
    long roundSeconds;

    @Inject
    Rounds rounds;

    @Inject
    StoreUpkeep upkeep;

    private boolean started;

    void onDatabaseReady(@Observes DatabaseReady ready) {
        if (!this.started) {
            long every = this.roundSeconds;
            if (every < 1) {
                LOG.warning(() -> "STORE_UPKEEP_ROUND_SECONDS is " + this.roundSeconds + "; it must be at least 1: "
                        + "store upkeep runs every " + DEFAULT_ROUND_SECONDS + " s instead");
                every = DEFAULT_ROUND_SECONDS;
            }
            this.started = true;
            this.rounds.every("Store upkeep round", Math.min(5, every), every, this.upkeep::run);
        }
    }
}
