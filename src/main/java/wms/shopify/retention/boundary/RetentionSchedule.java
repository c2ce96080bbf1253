package wms.shopify.retention.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.platform.database.DatabaseReady;
import wms.shopify.platform.time.Rounds;
import wms.shopify.retention.control.Pruning;

/**
 * Runs the retention round on the managed scheduler, never on a webhook or API call (RETENTION_ROUND_SECONDS; 0
 * turns it off), and a round an admin asks for on the Activity page.
 */
@ApplicationScoped
public class RetentionSchedule {

    /** The first round waits a little after start-up, which is busy enough already. */
    static final long FIRST_ROUND_AFTER_SECONDS = 300;

    @Inject
    Rounds rounds;

    @Inject
    Pruning pruning;

    @Inject
    @ConfigProperty(name = "wms.retention.round-seconds", defaultValue = "3600")
    long intervalSeconds;

    private boolean started;

    void onDatabaseReady(@Observes DatabaseReady ready) {
        if (!this.started && this.intervalSeconds > 0) {
            this.started = true;
            this.rounds.every("Retention round", Math.min(FIRST_ROUND_AFTER_SECONDS, this.intervalSeconds),
                    this.intervalSeconds, () -> this.pruning.round(null));
        }
    }

    /** Starts a round now in the background, on behalf of an admin; it does nothing when one is running. */
    public void roundNow(String by) {
        this.rounds.once("Retention round", () -> this.pruning.round(by));
    }
}
