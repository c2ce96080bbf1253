package wms.shopify.stores.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import wms.shopify.stores.entity.StoreStatus;
import wms.shopify.webhooks.control.StatusesTakingWebhooks;

/** The store statuses whose webhooks the intake takes, from {@link StoreStatus#acceptsWebhooks()}. */
@ApplicationScoped
public class WebhookTakingStatuses implements StatusesTakingWebhooks {

    private static final Set<String> NAMES = Arrays.stream(StoreStatus.values())
            .filter(StoreStatus::acceptsWebhooks)
            .map(StoreStatus::name)
            .collect(Collectors.toUnmodifiableSet());

    @Override
    public Set<String> names() {
        return NAMES;
    }
}
