package wms.shopify.catalog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import wms.shopify.platform.Published;

/**
 * What the catalog tells other components about WMS kits: the components of the kits among some product codes, so
 * that the order feed gives the warehouse the units to pick for a kit's line (as it does for a Shopify bundle).
 */
@Published
@ApplicationScoped
public class KitComponents {

    @Inject
    Catalog catalog;

    /**
     * The kits among these product codes, by kit code: each component's code and the units of it one kit takes, in
     * code order; a code that is no kit is absent.
     */
    public Map<String, Map<String, Long>> of(Collection<String> productCodes) {
        return this.catalog.componentsOf(productCodes);
    }
}
