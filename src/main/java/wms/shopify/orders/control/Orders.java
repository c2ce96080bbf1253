package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.orders.entity.HoldReason;
import wms.shopify.orders.entity.ImportedOrder;
import wms.shopify.orders.entity.OrderState;
import wms.shopify.platform.database.Like;
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

    @Inject
    OrderRecords records;

    /** The columns the Orders page sorts by; any other order is the newest first. */
    public enum Sort {
        NEWEST_FIRST("o.id desc"),
        OLDEST_FIRST("o.id asc"),
        UPDATED("o.updatedAt asc, o.id asc"),
        UPDATED_DESCENDING("o.updatedAt desc, o.id desc");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    /**
     * A page of the orders the filter matches, in the given order: one query with a limit and an offset, served by
     * the indexes on store and state, on the last update and the trigram index on the name (V98).
     */
    public List<ImportedOrder> page(OrderFilter filter, Sort sort, int offset, int size) {
        TypedQuery<ImportedOrder> query = this.entityManager.createQuery(
                "select o from ImportedOrder o join fetch o.store where " + conditions(filter) + " order by "
                        + sort.orderBy,
                ImportedOrder.class);
        bind(query, filter);
        return query.setFirstResult(offset).setMaxResults(size).getResultList();
    }

    /**
     * How many orders the filter matches, counted up to {@code limit}: the ids are read with that limit, so the
     * count never reads more than {@code limit} index entries however many orders there are.
     */
    public int countUpTo(OrderFilter filter, int limit) {
        TypedQuery<Long> query = this.entityManager.createQuery(
                "select o.id from ImportedOrder o where " + conditions(filter), Long.class);
        bind(query, filter);
        return query.setMaxResults(limit).getResultList().size();
    }

    private static String conditions(OrderFilter filter) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (filter.storeId() != null) {
            where.append(" and o.store.id = :store");
        }
        if (filter.state() != null) {
            where.append(" and o.state = :state");
        }
        if (filter.reason() != null) {
            where.append(" and o.holdReason = :reason");
        }
        if (filter.name() != null && !filter.name().isBlank()) {
            where.append(" and lower(o.name) like :name escape '\\'");
        }
        if (filter.from() != null) {
            where.append(" and o.updatedAt >= :from");
        }
        if (filter.until() != null) {
            where.append(" and o.updatedAt < :until");
        }
        return where.toString();
    }

    private static void bind(TypedQuery<?> query, OrderFilter filter) {
        if (filter.storeId() != null) {
            query.setParameter("store", filter.storeId());
        }
        if (filter.state() != null) {
            query.setParameter("state", filter.state());
        }
        if (filter.reason() != null) {
            query.setParameter("reason", filter.reason());
        }
        if (filter.name() != null && !filter.name().isBlank()) {
            query.setParameter("name", Like.anywhere(filter.name()));
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from());
        }
        if (filter.until() != null) {
            query.setParameter("until", filter.until());
        }
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

    /**
     * The orders whose cancellation request (fulfillment-service mode) has waited for the WMS's answer longer than
     * their store allows ({@code intake_policy.cancellation_answer_minutes}), oldest first, of one store or all; at
     * most {@code limit}. Served by the partial index on open requests (V104).
     */
    public List<ImportedOrder> cancellationsWaiting(Long storeId, int limit) {
        @SuppressWarnings("unchecked")
        List<Number> ids = this.entityManager
                .createNativeQuery("select o.id from shop_order o join intake_policy p on p.store_id = o.store_id "
                        + "where o.cancellation_requested_at is not null "
                        + "and o.cancellation_requested_at < now() - make_interval(mins => p.cancellation_answer_minutes) "
                        + (storeId == null ? "" : "and o.store_id = ?1 ")
                        + "order by o.cancellation_requested_at limit " + limit)
                .setParameter(1, storeId == null ? 0L : storeId)
                .getResultList();
        return ids.stream().map(id -> find(id.longValue()).orElseThrow()).toList();
    }

    public Optional<ImportedOrder> find(long id) {
        return Optional.ofNullable(this.entityManager.find(ImportedOrder.class, id));
    }

    /**
     * Releases a held (or filtered) order: it is read again from Shopify and decided with today's mappings and
     * filters. An order whose cause was fixed goes to the feed; one still blocked stays held with its reason. One
     * held for risk is released from that hold for good (the merchant decided): it is not held for risk again.
     */
    public OrderRecords.Outcome release(long orderId, String by) {
        ImportedOrder order = find(orderId).orElseThrow(() -> new IllegalArgumentException("No order " + orderId));
        Store store = order.store();
        if (order.holdReason() == HoldReason.HIGH_RISK && this.records.releaseRisk(orderId, by)) {
            this.activity.record(
                    OrderRecords.CATEGORY,
                    "Order " + order.name() + " of " + store.domain() + " released from its risk hold (Shopify "
                            + "recommends " + order.riskText() + "): it is not held for risk again.",
                    by);
        }
        OrderRecords.Outcome outcome = this.importer.importOrder(store, order.shopifyOrderId(), "released");
        this.activity.record(
                OrderRecords.CATEGORY,
                "Order " + order.name() + " of " + store.domain() + " released: " + outcome.note(),
                by);
        return outcome;
    }

    /**
     * Releases every held order of a store (after a mapping was fixed), except those held for risk: releasing one of
     * them is the merchant's decision about that order, taken one at a time (or by selecting it).
     */
    public int releaseHeld(long storeId, String by) {
        List<Long> held = this.entityManager
                .createQuery(
                        "select o.id from ImportedOrder o where o.store.id = :store and o.state = :state "
                                + "and o.holdReason <> :risk",
                        Long.class)
                .setParameter("store", storeId)
                .setParameter("state", OrderState.HELD)
                .setParameter("risk", HoldReason.HIGH_RISK)
                .getResultList();
        return releaseEach(held, by);
    }

    /**
     * Releases the given orders that are held now (the selection of the Orders page); others are left alone.
     *
     * @return how many left the hold (the rest are still held, with their reason)
     */
    public int releaseHeld(Collection<Long> orderIds, String by) {
        List<Long> held = orderIds.stream()
                .filter(id -> find(id).map(o -> o.state() == OrderState.HELD).orElse(false))
                .toList();
        return releaseEach(held, by);
    }

    private int releaseEach(List<Long> held, String by) {
        int released = 0;
        for (long id : held) {
            if (release(id, by).state() != OrderState.HELD) {
                released++;
            }
        }
        return released;
    }
}
