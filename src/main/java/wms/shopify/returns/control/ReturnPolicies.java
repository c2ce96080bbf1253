package wms.shopify.returns.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import wms.shopify.platform.Published;
import wms.shopify.returns.entity.ReturnPolicy;

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
        Object[] row = (Object[]) this.entityManager
                .createNativeQuery("select sync_enabled, auto_close " + "from return_policy where store_id = ?1")
                .setParameter(1, storeId)
                .getSingleResult();
        return new ReturnPolicy((Boolean) row[0], (Boolean) row[1]);
    }

    /** Replaces the store's return policy. */
    @Transactional
    public void save(long storeId, ReturnPolicy policy) {
        int rows = this.entityManager
                .createNativeQuery(
                        "update return_policy set sync_enabled = ?1, auto_close = ?2 " + "where store_id = ?3")
                .setParameter(1, policy.syncEnabled())
                .setParameter(2, policy.autoClose())
                .setParameter(3, storeId)
                .executeUpdate();
        if (rows != 1) {
            throw new IllegalArgumentException("This store does not exist (any more).");
        }
    }
}
