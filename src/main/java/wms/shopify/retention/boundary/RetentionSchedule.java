package wms.shopify.retention.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
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
    @ConfigProperty(name = "wms.retention.round-seconds")
    long intervalSeconds;

    private boolean started;

    void onDatabaseReady(@Observes DatabaseReady ready) {
        if (!this.started && this.intervalSeconds > 0) {
            this.started = true;
            this.rounds.every(
                    "Retention round",
                    Math.min(FIRST_ROUND_AFTER_SECONDS, this.intervalSeconds),
                    this.intervalSeconds,
                    () -> this.pruning.round(null));
        }
    }

    /**
     * Starts a round now on behalf of an admin: the lease is taken at once, the pruning runs in the background.
     *
     * @return false when a round is running already (on this or another instance): nothing was started
     */
    public boolean roundNow(String by) {
        Optional<String> holder = this.pruning.claim();
        holder.ifPresent(claimed -> this.rounds.once("Retention round", () -> this.pruning.run(claimed, by)));
        return holder.isPresent();
    }
}
