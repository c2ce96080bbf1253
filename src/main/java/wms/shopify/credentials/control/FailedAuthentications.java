package wms.shopify.credentials.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.platform.security.FailureThrottle;

/**
 * Throttles WMS API calls with a wrong credential, per client address: after too many in a row the address is
 * refused (429) for a growing period, whatever it sends, so secrets cannot be guessed at the speed of the network.
 * Each lock is logged and recorded in the Activity log.
 */
@ApplicationScoped
public class FailedAuthentications {

    private static final Logger LOG = Logger.getLogger(FailedAuthentications.class.getName());

    @Inject
    Clock clock;

    @Inject
    ActivityLog activity;

    @Inject
    @ConfigProperty(name = "wms.api.auth-failures")
    int failuresBeforeLock;

    @Inject
    @ConfigProperty(name = "wms.api.auth-lock-seconds")
    long lockSeconds;

    @Inject
    @ConfigProperty(name = "wms.api.auth-longest-lock-seconds")
    long longestLockSeconds;

    private FailureThrottle clients;

    @PostConstruct
    void init() {
        this.clients = FailureThrottle.of(this.failuresBeforeLock, this.lockSeconds, this.longestLockSeconds);
    }

    /** How long calls from this address are still refused, if they are. */
    public Optional<Duration> lockedFor(String client) {
        return this.clients.lockedFor(client, this.clock.instant());
    }

    /** Counts a call with a wrong credential; a lock it starts is logged and recorded. */
    public void failed(String client) {
        this.clients.failed(client, this.clock.instant()).ifPresent(lock -> {
            String message = "WMS API calls from " + client + " refused for "
                    + lock.length().toSeconds() + " s after " + lock.failures()
                    + " calls with a wrong credential in a row";
            LOG.warning(message + ".");
            this.activity.record("wms-api", message, null);
        });
    }
}
