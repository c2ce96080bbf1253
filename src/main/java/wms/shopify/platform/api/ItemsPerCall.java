package wms.shopify.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The most items one bulk call of the WMS API may carry (WMS_API_MAX_ITEMS_PER_CALL; the catalog has its own,
 * larger limit): one setting, read here, for every registration and the stock movements.
 */
@ApplicationScoped
public class ItemsPerCall {

    @Inject
    @ConfigProperty(name = "wms.api.max-items-per-call")
    int max;

    public int max() {
        return this.max;
    }
}
