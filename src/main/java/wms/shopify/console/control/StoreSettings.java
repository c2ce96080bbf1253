package wms.shopify.console.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import wms.shopify.orders.control.IntakePolicies;
import wms.shopify.orders.entity.IntakePolicy;
import wms.shopify.returns.control.ReturnPolicies;
import wms.shopify.returns.entity.ReturnPolicy;
import wms.shopify.shipping.control.ShippingPolicies;
import wms.shopify.shipping.entity.ShippingPolicy;
import wms.shopify.stock.control.StockPolicies;
import wms.shopify.stock.entity.StockPolicy;
import wms.shopify.stores.control.LocationMapping;
import wms.shopify.stores.control.Stores;

/**
 * Everything the merchant sets for one store on Store Settings, saved at once: each component's policy through its
 * published interface, and the location mapping. Either all of it is valid and taken, or nothing changes (one
 * transaction; a component's save refuses what it does not accept).
 */
@ApplicationScoped
public class StoreSettings {

    @Inject
    Stores stores;

    @Inject
    LocationMapping mapping;

    @Inject
    StockPolicies stockPolicies;

    @Inject
    IntakePolicies intakePolicies;

    @Inject
    ShippingPolicies shippingPolicies;

    @Inject
    ReturnPolicies returnPolicies;

    /** The components' policies of one store, as Store Settings shows and saves them. */
    public record Policies(StockPolicy stock, IntakePolicy intake, ShippingPolicy shipping, ReturnPolicy returns) {}

    /** The store's policies as they are now. */
    public Policies of(long storeId) {
        return new Policies(
                this.stockPolicies.of(storeId),
                this.intakePolicies.of(storeId),
                this.shippingPolicies.of(storeId),
                this.returnPolicies.of(storeId));
    }

    /**
     * Saves a store's settings.
     *
     * @param targets by location id
     * @param defaultLocationId the location that receives new orders; exactly one when the store has locations
     * @param actor who saved them (for the activity log)
     * @throws IllegalArgumentException with a message for the merchant; nothing is changed then
     */
    @Transactional(rollbackOn = IllegalArgumentException.class)
    public void save(
            long storeId,
            Policies policies,
            Map<Long, LocationMapping.Target> targets,
            Long defaultLocationId,
            String actor) {
        if (this.stores.find(storeId).isEmpty()) {
            throw new IllegalArgumentException("This store does not exist (any more).");
        }
        this.stockPolicies.save(storeId, policies.stock());
        this.intakePolicies.save(storeId, policies.intake(), actor);
        this.shippingPolicies.save(storeId, policies.shipping());
        this.returnPolicies.save(storeId, policies.returns());
        this.mapping.save(storeId, targets, defaultLocationId);
        this.stores.settingsSaved(storeId, actor);
    }
}
