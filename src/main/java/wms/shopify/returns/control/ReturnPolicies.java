package wms.shopify.returns.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import wms.shopify.platform.Published;
import wms.shopify.platform.database.PerStoreRows;
import wms.shopify.returns.entity.ReturnPolicy;
import wms.shopify.returns.entity.StoredReturnPolicy;

/**
 * The returns component's published read and save interface for its per-store policy ({@code return_policy}, one
 * row per store, made with the store). Other components and the Store Settings page use this, never the table.
 */
@Published
@ApplicationScoped
public class ReturnPolicies {

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    /** The store's return policy. */
    public ReturnPolicy of(long storeId) {
        return stored(storeId).policy();
    }

    /** Replaces the store's return policy (validated when it was made). */
    @Transactional
    public void save(long storeId, ReturnPolicy policy) {
        stored(storeId).take(policy);
    }

    private StoredReturnPolicy stored(long storeId) {
        return PerStoreRows.of(this.entityManager, StoredReturnPolicy.class, storeId);
    }
}
