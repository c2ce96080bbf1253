package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import wms.shopify.orders.entity.ImportedOrder;
import wms.shopify.orders.entity.OrderDemand;
import wms.shopify.platform.database.FeedPositions;

/**
 * The WMS feed: the orders to ship (and cancellations of orders the WMS has) that it has not acknowledged, in feed
 * position order. Positions only grow, and a page holds only positions below every one still being committed
 * ({@link FeedPositions#committedUpTo}), so a cursor (the last position read) never skips an entry;
 * an entry stays in the feed until the WMS acknowledges that very revision, and a read from the start (cursor 0)
 * brings every unacknowledged entry again.
 */
@ApplicationScoped
public class OrderFeed {

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    OrderRecords records;

    @Inject
    Clock clock;

    @Inject
    FeedPositions positions;

    /** Up to {@code limit} unacknowledged entries after the cursor, in position order. */
    public List<ImportedOrder> after(long cursor, int limit) {
        return this.entityManager
                .createNamedQuery(ImportedOrder.FEED, ImportedOrder.class)
                .setParameter("after", cursor)
                .setParameter("upTo", this.positions.committedUpTo(OrderRecords.FEED))
                .setMaxResults(limit)
                .getResultList();
    }

    /** As {@link #after(long, int)}, of these stores (shop domains) only. */
    public List<ImportedOrder> after(long cursor, int limit, java.util.Set<String> stores) {
        return this.entityManager
                .createNamedQuery(ImportedOrder.FEED_OF_STORES, ImportedOrder.class)
                .setParameter("after", cursor)
                .setParameter("upTo", this.positions.committedUpTo(OrderRecords.FEED))
                .setParameter("stores", List.copyOf(stores))
                .setMaxResults(limit)
                .getResultList();
    }

    public Optional<ImportedOrder> find(long orderId) {
        return Optional.ofNullable(this.entityManager.find(ImportedOrder.class, orderId));
    }

    /**
     * The WMS acknowledges one revision of an order (its feed position): an order becomes accepted, and its lines
     * stop counting as unallocated demand.
     *
     * @return empty when there is no such order
     */
    @Transactional
    public Optional<ImportedOrder.Ack> acknowledge(long orderId, long revision) {
        ImportedOrder order = this.entityManager.find(ImportedOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            return Optional.empty();
        }
        List<OrderDemand.Line> before = order.demand();
        ImportedOrder.Ack ack = order.acknowledge(revision, this.clock.instant());
        this.records.announce(order, before);
        return Optional.of(ack);
    }
}
