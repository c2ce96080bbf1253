package wms.shopify.platform.time;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Recurring background rounds on the managed scheduler ({@code concurrent/wmsScheduler}), each starting a fixed
 * delay after the previous one ended. A failed round is logged and never cancels the schedule: the next round tries
 * again. Every schedule stops with the application.
 */
@ApplicationScoped
public class Rounds {

    private static final Logger LOG = Logger.getLogger(Rounds.class.getName());

    @Resource(lookup = "concurrent/wmsScheduler")
    ManagedScheduledExecutorService scheduler;

    private final List<ScheduledFuture<?>> scheduled = new CopyOnWriteArrayList<>();

    /**
     * @param what names the round in the log ("Order sweep round")
     * @param firstDelaySeconds seconds before the first round
     * @param intervalSeconds seconds between the end of one round and the start of the next, at least 1
     */
    public void every(String what, long firstDelaySeconds, long intervalSeconds, Runnable round) {
        this.scheduled.add(this.scheduler.scheduleWithFixedDelay(
                logged(what + " failed (the next round tries again)", round),
                firstDelaySeconds,
                intervalSeconds,
                TimeUnit.SECONDS));
    }

    /** Runs one round now on the managed scheduler (one asked for by an admin), a failure logged as well. */
    public void once(String what, Runnable round) {
        this.scheduler.execute(logged(what + " failed", round));
    }

    private static Runnable logged(String failed, Runnable round) {
        return () -> {
            try {
                round.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, failed + ": " + e.getMessage());
            }
        };
    }

    @PreDestroy
    void stop() {
        this.scheduled.forEach(round -> round.cancel(false));
    }
}
