package wms.shopify.webhooks.control;

import java.util.Set;
import wms.shopify.platform.Published;

/**
 * The statuses of a store whose webhooks the intake takes (compliance topics are taken whatever the status). The
 * stores component owns the statuses and provides this bean, so that the intake does not depend on it (stores
 * observes webhooks' events: the dependency goes that way only).
 */
@Published
public interface StatusesTakingWebhooks {

    /** The names of the statuses, as the {@code store} table holds them. */
    Set<String> names();
}
