package wms.shopify.stock.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import wms.shopify.platform.Published;
import wms.shopify.platform.database.PerStoreRows;
import wms.shopify.stock.entity.StockPolicy;
import wms.shopify.stock.entity.StoredStockPolicy;

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
        return stored(storeId).policy();
    }

    /** Replaces the store's stock policy (validated when it was made). */
    @Transactional
    public void save(long storeId, StockPolicy policy) {
        stored(storeId).take(policy);
    }

    private StoredStockPolicy stored(long storeId) {
        return PerStoreRows.of(this.entityManager, StoredStockPolicy.class, storeId);
    }
}
