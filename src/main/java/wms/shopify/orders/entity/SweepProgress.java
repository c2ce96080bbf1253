package wms.shopify.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Up to when the scheduled sweeps have covered a store's orders (written by an upsert that only moves it forward;
 * read here for the record).
 */
@Entity
@Table(name = "order_sweep_state")
public class SweepProgress {

    @Id
    @Column(name = "store_id")
    private Long storeId;

    @Column(name = "swept_until", nullable = false)
    private Instant sweptUntil;

    protected SweepProgress() {
        // for JPA
    }

    public Long storeId() {
        return this.storeId;
    }

    public Instant sweptUntil() {
        return this.sweptUntil;
    }
}
