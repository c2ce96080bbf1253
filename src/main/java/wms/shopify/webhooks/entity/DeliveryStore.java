package wms.shopify.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import wms.shopify.adminapi.entity.ShopDomain;

/**
 * The store a webhook delivery is for, as the webhooks component sees it: its id and domain, read only. The stores
 * component owns the {@code store} table and observes this component's events, so webhooks reads the two columns it
 * needs here rather than depending on the stores component (that would be a cycle); it never writes them (no
 * setter, columns neither inserted nor updated).
 */
@Entity(name = "DeliveryStore")
@Table(name = "store")
public class DeliveryStore {

    @Id
    @Column(name = "id")
    private Long id;

    @Column(name = "domain", nullable = false, insertable = false, updatable = false)
    private String domain;

    protected DeliveryStore() {
        // for JPA
    }

    public Long id() {
        return this.id;
    }

    public ShopDomain domain() {
        return new ShopDomain(this.domain);
    }
}
