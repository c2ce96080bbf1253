package wms.shopify.stock.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The stored row of a store's {@link StockPolicy} ({@code stock_policy}, one per store, made with the store with the
 * columns' defaults). Only the component's published policy interface loads and changes it.
 */
@Entity
@Table(name = "stock_policy")
public class StoredStockPolicy {

    @Id
    @Column(name = "store_id")
    private long storeId;

    @Column(name = "sync_enabled", nullable = false)
    private boolean syncEnabled;

    @Column(name = "sync_mode", nullable = false)
    private String syncMode;

    @Column(name = "coalescing_window_seconds", nullable = false)
    private int coalescingWindowSeconds;

    protected StoredStockPolicy() {
        // for JPA
    }

    /** The policy this row holds. */
    public StockPolicy policy() {
        return new StockPolicy(this.syncEnabled, StockSyncMode.valueOf(this.syncMode), this.coalescingWindowSeconds);
    }

    /** Takes the values of a policy (validated when it was made). */
    public void take(StockPolicy policy) {
        this.syncEnabled = policy.syncEnabled();
        this.syncMode = policy.mode().name();
        this.coalescingWindowSeconds = policy.coalescingWindowSeconds();
    }
}
