package wms.shopify.shipping.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import wms.shopify.platform.Published;
import wms.shopify.platform.database.PerStoreRows;
import wms.shopify.shipping.entity.ShippingPolicy;
import wms.shopify.shipping.entity.StoredShippingPolicy;

/**
 * The shipping component's published read and save interface for its per-store policy ({@code shipping_policy}, one
 * row per store, made with the store). Other components and the Store Settings page use this, never the table.
 */
@Published
@ApplicationScoped
public class ShippingPolicies {

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    /** The store's shipping policy. */
    public ShippingPolicy of(long storeId) {
        return stored(storeId).policy();
    }

    /** Replaces the store's shipping policy (validated when it was made). */
    @Transactional
    public void save(long storeId, ShippingPolicy policy) {
        stored(storeId).take(policy);
    }

    private StoredShippingPolicy stored(long storeId) {
        return PerStoreRows.of(this.entityManager, StoredShippingPolicy.class, storeId);
    }
}
