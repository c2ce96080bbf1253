package wms.shopify.shipping.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One {@link StoreGuard} per store (in this server; each instance guards its own calls). */
@ApplicationScoped
public class StoreGuards {

    @Inject
    @ConfigProperty(name = "wms.shipping.breaker-failures", defaultValue = "5")
    int breakerFailures;

    @Inject
    @ConfigProperty(name = "wms.shipping.breaker-open-seconds", defaultValue = "60")
    long breakerOpenSeconds;

    @Inject
    @ConfigProperty(name = "wms.shipping.store-concurrency", defaultValue = "2")
    int storeConcurrency;

    private final Map<Long, StoreGuard> guards = new ConcurrentHashMap<>();

    public StoreGuard of(long storeId) {
        return this.guards.computeIfAbsent(storeId, id -> new StoreGuard(this.breakerFailures,
                Duration.ofSeconds(this.breakerOpenSeconds), this.storeConcurrency));
    }
}
