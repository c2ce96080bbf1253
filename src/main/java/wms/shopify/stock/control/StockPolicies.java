package wms.shopify.stock.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import wms.shopify.platform.Published;
import wms.shopify.stock.entity.StockPolicy;
import wms.shopify.stock.entity.StockSyncMode;

/**
 * The stock component's published read and save interface for its per-store policy ({@code stock_policy}, one row
 * per store, made with the store). Other components and the Store Settings page use this, never the table.
 */
@Published
@ApplicationScoped
public class StockPolicies {

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    /** The store's stock policy. */
    public StockPolicy of(long storeId) {
        Object[] row = (Object[]) this.entityManager
                .createNativeQuery("select sync_enabled, sync_mode, "
                        + "coalescing_window_seconds from stock_policy where store_id = ?1")
                .setParameter(1, storeId)
                .getSingleResult();
        return new StockPolicy((Boolean) row[0], StockSyncMode.valueOf((String) row[1]), ((Number) row[2]).intValue());
    }

    /** Replaces the store's stock policy (validated when it was made). */
    @Transactional
    public void save(long storeId, StockPolicy policy) {
        int rows = this.entityManager
                .createNativeQuery("update stock_policy set sync_enabled = ?1, sync_mode = ?2, "
                        + "coalescing_window_seconds = ?3 where store_id = ?4")
                .setParameter(1, policy.syncEnabled())
                .setParameter(2, policy.mode().name())
                .setParameter(3, policy.coalescingWindowSeconds())
                .setParameter(4, storeId)
                .executeUpdate();
        if (rows != 1) {
            throw new IllegalArgumentException("This store does not exist (any more).");
        }
    }
}
