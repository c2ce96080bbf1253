package wms.shopify.shipping.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured limits on shipping's calls to Shopify: one {@link StoreBreaker} per store (in this server; each
 * instance guards its own calls).
 */
@ApplicationScoped
public class ShipmentCallLimits {

    @Inject
    @ConfigProperty(name = "wms.shipping.breaker-failures")
    int breakerFailures;

    @Inject
    @ConfigProperty(name = "wms.shipping.breaker-open-seconds")
    long breakerOpenSeconds;

    @Inject
    @ConfigProperty(name = "wms.shipping.store-concurrency")
    int storeConcurrency;

    private final Map<Long, StoreBreaker> guards = new ConcurrentHashMap<>();

    public StoreBreaker of(long storeId) {
        return this.guards.computeIfAbsent(
                storeId,
                id -> new StoreBreaker(
                        this.breakerFailures, Duration.ofSeconds(this.breakerOpenSeconds), this.storeConcurrency));
    }
}
