package wms.shopify.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless threads of the server are deadlocked: a deadlocked connector never recovers by itself and must be
 * restarted, which is what a liveness probe is for.
 */
@Liveness
@ApplicationScoped
public class ThreadLiveness implements HealthCheck {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /** What an anonymous probe sees: UP or DOWN only ({@link #details()} for a signed-in admin). */
    @Override
    public HealthCheckResponse call() {
        return HealthDetails.bare(details());
    }

    /** The check with its details (for the admin only: they name the database and say why it is down). */
    public HealthCheckResponse details() {
        long[] deadlocked = this.threads.findDeadlockedThreads();
        if (deadlocked != null && deadlocked.length > 0) {
            return HealthCheckResponse.named("threads")
                    .down()
                    .withData("deadlockedThreads", deadlocked.length)
                    .build();
        }
        return HealthCheckResponse.named("threads")
                .up()
                .withData("liveThreads", this.threads.getThreadCount())
                .build();
    }
}
