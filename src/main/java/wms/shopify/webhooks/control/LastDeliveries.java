package wms.shopify.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import wms.shopify.platform.Published;
import wms.shopify.webhooks.entity.WebhookDelivery;

/**
 * When each store last received a webhook: the read the Stores page makes of the deliveries, published so that it
 * needs nothing else of this component. "Last webhook" is read from the deliveries, not kept on the store row, so
 * concurrent deliveries of one store never contend for that row.
 */
@Published
@ApplicationScoped
public class LastDeliveries {

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    /** When each store last received a webhook, by store id. */
    public Map<Long, Instant> perStore() {
        List<Object[]> rows = this.entityManager
                .createNamedQuery(WebhookDelivery.LAST_PER_STORE, Object[].class)
                .getResultList();
        return rows.stream()
                .collect(Collectors.toMap(
                        r -> (Long) r[0],
                        r -> (Instant) r[1],
                        (first, same) -> first)); // two deliveries received in the same instant
    }
}
