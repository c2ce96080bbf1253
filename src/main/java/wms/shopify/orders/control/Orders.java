package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.orders.entity.HoldReason;
import wms.shopify.orders.entity.ImportedOrder;
import wms.shopify.orders.entity.OrderState;
import wms.shopify.stores.entity.Store;

/** The orders as the admin sees them: listed by store, state and hold reason; held ones released. */
@ApplicationScoped
public class Orders {

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    OrderImport importer;

    @Inject
    ActivityLog activity;

    /** A page of orders, newest first, optionally of one store, state and hold reason. */
    public List<ImportedOrder> page(Long storeId, OrderState state, HoldReason reason, int offset, int size) {
        StringBuilder jpql = new StringBuilder("select o from ImportedOrder o join fetch o.store where 1 = 1");
        if (storeId != null) {
            jpql.append(" and o.store.id = :store");
        }
        if (state != null) {
            jpql.append(" and o.state = :state");
        }
        if (reason != null) {
            jpql.append(" and o.holdReason = :reason");
        }
        jpql.append(" order by o.id desc");
        TypedQuery<ImportedOrder> query = this.entityManager.createQuery(jpql.toString(), ImportedOrder.class);
        if (storeId != null) {
            query.setParameter("store", storeId);
        }
        if (state != null) {
            query.setParameter("state", state);
        }
        if (reason != null) {
            query.setParameter("reason", reason);
        }
        return query.setFirstResult(offset).setMaxResults(size).getResultList();
    }

    /** How many orders are in each state, of one store or all. */
    public Map<OrderState, Long> counts(Long storeId) {
        Map<OrderState, Long> counts = new EnumMap<>(OrderState.class);
        var query = this.entityManager.createQuery(
                "select o.state, count(o) from ImportedOrder o" + (storeId == null ? "" : " where o.store.id = :store")
                        + " group by o.state",
                Object[].class);
        if (storeId != null) {
            query.setParameter("store", storeId);
        }
        for (Object[] row : query.getResultList()) {
            counts.put((OrderState) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    public Optional<ImportedOrder> find(long id) {
        return Optional.ofNullable(this.entityManager.find(ImportedOrder.class, id));
    }

    /**
     * Releases a held (or filtered) order: it is read again from Shopify and decided with today's mappings and
     * filters. An order whose cause was fixed goes to the feed; one still blocked stays held with its reason.
     */
    public OrderRecords.Outcome release(long orderId, String by) {
        ImportedOrder order = find(orderId).orElseThrow(() -> new IllegalArgumentException("No order " + orderId));
        Store store = order.store();
        OrderRecords.Outcome outcome = this.importer.importOrder(store, order.shopifyOrderId(), "released");
        this.activity.record(
                OrderRecords.CATEGORY,
                "Order " + order.name() + " of " + store.domain() + " released: " + outcome.note(),
                by);
        return outcome;
    }

    /** Releases every held order of a store (after a mapping was fixed). */
    public int releaseHeld(long storeId, String by) {
        List<Long> held = this.entityManager
                .createQuery(
                        "select o.id from ImportedOrder o where o.store.id = :store " + "and o.state = :state",
                        Long.class)
                .setParameter("store", storeId)
                .setParameter("state", OrderState.HELD)
                .getResultList();
        int released = 0;
        for (long id : held) {
            if (release(id, by).state() != OrderState.HELD) {
                released++;
            }
        }
        return released;
    }
}
