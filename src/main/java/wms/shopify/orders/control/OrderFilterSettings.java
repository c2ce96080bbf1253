package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.orders.entity.IntakePolicy;
import wms.shopify.orders.entity.OrderFilters;
import wms.shopify.stores.entity.Store;

/**
 * A store's order filters through the API: the same intake policy Store Settings edits ({@link IntakePolicies}),
 * changed alone. A change has the store's orders filtered out so far decided again with the new filters right after it
 * commits ({@link FilterRecheck}).
 */
@ApplicationScoped
public class OrderFilterSettings {

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    ActivityLog activity;

    @Inject
    IntakePolicies policies;

    /**
     * Changes the filters.
     *
     * @throws IllegalArgumentException naming the values Shopify does not have; nothing is changed then
     */
    @Transactional(rollbackOn = IllegalArgumentException.class)
    public OrderFilters change(long storeId, OrderFilters filters, String by) {
        Store store = this.entityManager.find(Store.class, storeId);
        OrderFilters saved =
                this.policies.save(storeId, IntakePolicy.of(filters), by).filters();
        this.activity.record(
                OrderRecords.CATEGORY,
                "Order filters of " + store.domain() + " changed: order status "
                        + saved.orderStatuses() + ", financial status " + saved.financialStatuses()
                        + ", fulfillment status "
                        + saved.fulfillmentStatuses() + ", test orders " + (saved.includeTestOrders() ? "in" : "out")
                        + ", risk hold " + saved.riskHold().word() + choices(saved.choices()) + ".",
                by);
        return saved;
    }

    /** The choices made, for the activity entry; nothing when none is. */
    private static String choices(wms.shopify.orders.entity.OrderChoices chosen) {
        StringBuilder text = new StringBuilder();
        part(text, "tagged", chosen.tagsIncluded());
        part(text, "not tagged", chosen.tagsExcluded());
        part(text, "sales channels", chosen.salesChannels());
        part(text, "shipping methods", chosen.shippingMethods());
        part(text, "countries", chosen.countries());
        return text.toString();
    }

    private static void part(StringBuilder text, String what, java.util.Set<String> values) {
        if (!values.isEmpty()) {
            text.append(", ").append(what).append(' ').append(new java.util.TreeSet<>(values));
        }
    }
}
