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
import wms.shopify.orders.entity.ShopOrder;
import wms.shopify.orders.entity.OrderDemand;

/**
 * The WMS feed: the orders to ship (and cancellations of orders the WMS has) that it has not acknowledged, in feed
 * position order. Positions only grow and are committed in order, so a cursor (the last position read) is stable;
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

    /** Up to {@code limit} unacknowledged entries after the cursor, in position order. */
    public List<ShopOrder> after(long cursor, int limit) {
        return this.entityManager.createNamedQuery(ShopOrder.FEED, ShopOrder.class).setParameter("after", cursor)
                .setMaxResults(limit).getResultList();
    }

    /** As {@link #after(long, int)}, of these stores (shop domains) only. */
    public List<ShopOrder> after(long cursor, int limit, java.util.Set<String> stores) {
        return this.entityManager.createNamedQuery(ShopOrder.FEED_OF_STORES, ShopOrder.class)
                .setParameter("after", cursor).setParameter("stores", List.copyOf(stores))
                .setMaxResults(limit).getResultList();
    }

    public Optional<ShopOrder> find(long orderId) {
        return Optional.ofNullable(this.entityManager.find(ShopOrder.class, orderId));
    }

    /**
     * The WMS acknowledges one revision of an order (its feed position): an order becomes accepted, and its lines
     * stop counting as unallocated demand.
     *
     * @return empty when there is no such order
     */
    @Transactional
    public Optional<ShopOrder.Ack> acknowledge(long orderId, long revision) {
        ShopOrder order = this.entityManager.find(ShopOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            return Optional.empty();
        }
        List<OrderDemand.Line> before = order.demand();
        ShopOrder.Ack ack = order.acknowledge(revision, this.clock.instant());
        this.records.announce(order, before);
        return Optional.of(ack);
    }
}
