package wms.shopify.stores.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;
import wms.shopify.adminapi.control.ShopifyApp;
import wms.shopify.stores.entity.Store;

/**
 * What keeps connected stores working without the merchant: access tokens refreshed before they lapse, and
 * webhook subscriptions verified at the configured interval. One store's failure is logged and does not stop the
 * round for the others.
 */
@ApplicationScoped
public class StoreUpkeep {

    private static final Logger LOG = Logger.getLogger(StoreUpkeep.class.getName());

    @Inject
    Stores stores;

    @Inject
    StoreAccess access;

    @Inject
    Installation installation;

    @Inject
    ShopifyApp app;

    @Inject
    Clock clock;

    /** One round over every connected store. */
    public void run() {
        for (Store store : this.stores.connected()) {
            try {
                if (store.tokenDueForRefresh(this.clock.instant(), this.app.tokenRefreshMargin())) {
                    this.access.refresh(store);
                }
                if (store.subscriptionsDue(this.clock.instant(), this.app.subscriptionCheckInterval())) {
                    this.installation.afterInstall(store);
                }
            } catch (RuntimeException e) {
                LOG.warning(() -> "Upkeep of store " + store.domain() + " failed: " + e.getMessage());
            }
        }
    }
}
