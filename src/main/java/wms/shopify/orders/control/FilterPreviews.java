package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import wms.shopify.orders.entity.FilterPreview;
import wms.shopify.orders.entity.OrderFilterFacts;
import wms.shopify.orders.entity.OrderFilters;
import wms.shopify.orders.entity.ShopifyOrderSnapshot;
import wms.shopify.platform.Published;

/**
 * How many of a store's recent orders a change of its order filters would filter out (Store Settings' preview, {@code
 * POST .../order-filters/preview}): its last {@value #RECENT} orders at most, as {@code shop_order} kept them from
 * their last read ({@link OrderFilterFacts}), decided with the proposed and with the current filters by the one rule
 * that decides every order ({@link OrderFilters#refusal}). Reads one bounded range of an index (store, id), never the
 * store's other orders; changes nothing and reads nothing from Shopify.
 */
@Published
@ApplicationScoped
public class FilterPreviews {

    /** The most recent orders a preview decides. */
    public static final int RECENT = 500;

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    IntakePolicies policies;

    /** What the proposed filters would do to the store's recent orders, against its current filters. */
    public FilterPreview preview(long storeId, OrderFilters proposed) {
        List<Object[]> rows = this.entityManager
                .createQuery(
                        "select o.shopifyOrderId, o.test, o.shopifyClosed, o.cancelledAt, o.financialStatus, "
                                + "o.fulfillmentStatus, o.tags, o.salesChannel, o.shippingMethod, o.shipCountryCode "
                                + "from ImportedOrder o where o.store.id = :store order by o.id desc",
                        Object[].class)
                .setParameter("store", storeId)
                .setMaxResults(RECENT)
                .getResultList();
        List<ShopifyOrderSnapshot> known = new ArrayList<>();
        int notCounted = 0;
        for (Object[] row : rows) {
            Optional<OrderFilterFacts> facts = OrderFilterFacts.of(row);
            if (facts.isPresent()) {
                known.add(facts.get().snapshot());
            } else {
                notCounted++;
            }
        }
        return FilterPreview.of(known, notCounted, this.policies.of(storeId).filters(), proposed);
    }
}
