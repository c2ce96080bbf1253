package wms.shopify.returns.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The stored row of a store's {@link ReturnPolicy} ({@code return_policy}, one per store, made with the store with the
 * columns' defaults). Only the component's published policy interface loads and changes it.
 */
@Entity
@Table(name = "return_policy")
public class StoredReturnPolicy {

    @Id
    @Column(name = "store_id")
    private long storeId;

    @Column(name = "sync_enabled", nullable = false)
    private boolean syncEnabled;

    @Column(name = "auto_close", nullable = false)
    private boolean autoClose;

    @Column(name = "refund_on_process", nullable = false)
    private boolean refundOnProcess;

    protected StoredReturnPolicy() {
        // for JPA
    }

    /** The policy this row holds. */
    public ReturnPolicy policy() {
        return new ReturnPolicy(this.syncEnabled, this.autoClose, this.refundOnProcess);
    }

    /** Takes the values of a policy (validated when it was made). */
    public void take(ReturnPolicy policy) {
        this.syncEnabled = policy.syncEnabled();
        this.autoClose = policy.autoClose();
        this.refundOnProcess = policy.refundOnProcess();
    }
}
