package wms.shopify.platform.retry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.platform.time.Rounds;

/**
 * The sweeps of records pushed in attempts (every SHIPPING_SWEEP_SECONDS, 0: none): each round queues every record
 * whose attempt is due, so that a retry whose scheduled message was lost with a server, or an attempt a stopped
 * server left unfinished (under way for longer than an attempt can take), still happens.
 */
@ApplicationScoped
public class RetrySweeps {

    @Inject
    Rounds rounds;

    @Inject
    RetryPolicy policy;

    @Inject
    @ConfigProperty(name = "wms.shipping.sweep-seconds")
    long sweepSeconds;

    private final Set<String> started = ConcurrentHashMap.newKeySet();

    /**
     * Starts a sweep once (a second start of the same sweep does nothing).
     *
     * @param what names the sweep in the log ("Shipping sweep")
     * @param due the ids of the records due, given how long an attempt can take at most
     * @param queue where a due record is queued
     * @param more what else each round does (may be a no-op)
     */
    public void start(String what, Function<Duration, List<Long>> due, RecordQueue queue, Runnable more) {
        if (this.sweepSeconds > 0 && this.started.add(what)) {
            this.rounds.every(what, this.sweepSeconds, this.sweepSeconds, () -> {
                for (long id : due.apply(this.policy.attemptTakesAtMost())) {
                    queue.send(id);
                }
                more.run();
            });
        }
    }
}
