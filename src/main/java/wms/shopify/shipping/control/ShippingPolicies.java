package wms.shopify.shipping.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import wms.shopify.platform.Published;
import wms.shopify.shipping.entity.ShippingPolicy;

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
        return new ShippingPolicy((Boolean) this.entityManager
                .createNativeQuery("select notify_customer_on_shipment " + "from shipping_policy where store_id = ?1")
                .setParameter(1, storeId)
                .getSingleResult());
    }

    /** Replaces the store's shipping policy. */
    @Transactional
    public void save(long storeId, ShippingPolicy policy) {
        int rows = this.entityManager
                .createNativeQuery(
                        "update shipping_policy set notify_customer_on_shipment = ?1 " + "where store_id = ?2")
                .setParameter(1, policy.notifyCustomer())
                .setParameter(2, storeId)
                .executeUpdate();
        if (rows != 1) {
            throw new IllegalArgumentException("This store does not exist (any more).");
        }
    }
}
