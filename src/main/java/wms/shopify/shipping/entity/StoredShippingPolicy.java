package wms.shopify.shipping.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The stored row of a store's {@link ShippingPolicy} ({@code shipping_policy}, one per store, made with the store with the
 * columns' defaults). Only the component's published policy interface loads and changes it.
 */
@Entity
@Table(name = "shipping_policy")
public class StoredShippingPolicy {

    @Id
    @Column(name = "store_id")
    private long storeId;

    @Column(name = "notify_customer_on_shipment", nullable = false)
    private boolean notifyCustomer;

    @Column(name = "fulfillment_per_parcel", nullable = false)
    private boolean fulfillmentPerParcel;

    protected StoredShippingPolicy() {
        // for JPA
    }

    /** The policy this row holds. */
    public ShippingPolicy policy() {
        return new ShippingPolicy(this.notifyCustomer, this.fulfillmentPerParcel);
    }

    /** Takes the values of a policy (validated when it was made). */
    public void take(ShippingPolicy policy) {
        this.notifyCustomer = policy.notifyCustomer();
        this.fulfillmentPerParcel = policy.fulfillmentPerParcel();
    }
}
