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
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.orders.entity.CancellationAnswer;
import wms.shopify.orders.entity.ImportedOrder;
import wms.shopify.orders.entity.OrderDemand;
import wms.shopify.orders.entity.ShippedUnits;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;
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

    @Inject
    ActivityLog activity;

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

    /**
     * As {@link #after(long, int)}, of these warehouses only: the entries with a part of one of them not acknowledged
     * yet, of these stores (empty: every store).
     */
    public List<ImportedOrder> after(
            long cursor, int limit, java.util.Set<String> stores, java.util.Set<String> warehouses) {
        return this.entityManager
                .createNamedQuery(ImportedOrder.FEED_OF_WAREHOUSES, ImportedOrder.class)
                .setParameter("after", cursor)
                .setParameter("upTo", this.positions.committedUpTo(OrderRecords.FEED))
                .setParameter("everyStore", stores.isEmpty())
                .setParameter("stores", stores.isEmpty() ? List.of("") : List.copyOf(stores))
                .setParameter("warehouses", List.copyOf(warehouses))
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
        return acknowledge(orderId, revision, null);
    }

    /**
     * A warehouse acknowledges its part of a revision of an order that ships from several warehouses (one entry per
     * warehouse); the entry takes effect once every part is acknowledged. For an order of one warehouse the warehouse
     * may be left out (null), or be its own.
     *
     * @return empty when there is no such order
     * @throws InvalidRequestException (400 naming {@code warehouse}, nothing changed) when the order ships from
     *         several warehouses and none is named, or the one named is not among them
     */
    @Transactional
    public Optional<ImportedOrder.Ack> acknowledge(long orderId, long revision, String warehouse) {
        ImportedOrder order = this.entityManager.find(ImportedOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            return Optional.empty();
        }
        if (order.feedSeq() != null && order.feedSeq() == revision) {
            Optional<String> problem = order.partProblem(warehouse);
            if (problem.isPresent()) {
                throw new InvalidRequestException(List.of(new FieldError("warehouse", problem.get())));
            }
        }
        List<OrderDemand.Line> before = order.demand();
        ImportedOrder.Ack ack = order.acknowledge(revision, warehouse, this.clock.instant());
        this.records.announce(order, before);
        return Optional.of(ack);
    }

    /**
     * The WMS answers the cancellation entry of an order: cancelled, or too late with what had shipped. Recorded
     * with the order (the Orders page shows it) and in the Activity log; the entry leaves the feed. A cancelled
     * order counts as no demand whatever the answer: Shopify no longer holds its units for it.
     *
     * @param by who answered (the API credential's name), for the Activity log
     * @return empty when there is no such order
     * @throws InvalidRequestException (400, nothing changed) when a line shipped is not of the order or more than
     *         it holds
     */
    @Transactional
    public Optional<ImportedOrder.Answer> answerCancellation(long orderId, CancellationAnswerInput answer, String by) {
        ImportedOrder order = this.entityManager.find(ImportedOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            return Optional.empty();
        }
        List<FieldError> errors = new java.util.ArrayList<>();
        for (int i = 0; i < answer.shipped().size(); i++) {
            ShippedUnits units = answer.shipped().get(i);
            int ordered = order.unitsOf(units.productCode());
            if (ordered == 0) {
                errors.add(new FieldError(
                        "shipped[" + i + "].product", units.productCode() + " is not a product of order " + orderId));
            } else if (units.quantity() > ordered) {
                errors.add(new FieldError(
                        "shipped[" + i + "].quantity",
                        "is more than the " + ordered + " unit(s) of " + units.productCode() + " in order " + orderId));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        List<OrderDemand.Line> before = order.demand();
        ImportedOrder.Answer outcome = order.answerCancellation(
                answer.revision(), answer.outcome(), answer.shipped(), answer.reason(), this.clock.instant());
        this.records.announce(order, before);
        if (outcome == ImportedOrder.Answer.DONE) {
            String name = order.name() == null ? order.shopifyOrderId() : order.name();
            this.activity.record(
                    OrderRecords.CATEGORY,
                    "Order " + name + " of " + order.store().domain() + ": the WMS answered the cancellation "
                            + (answer.outcome() == CancellationAnswer.CANCELLED
                                    ? "\"cancelled\"" + (answer.reason() == null ? "." : " (" + answer.reason() + ").")
                                    : "\"too late\": it had shipped " + order.shippedText() + " (" + answer.reason()
                                            + ")."),
                    by);
        }
        return Optional.of(outcome);
    }

    /**
     * The WMS rejects the change entry of an order (it had shipped already, say): kept with the order, shown on the
     * Orders page and in the Activity log; the entry leaves the feed and the WMS keeps the order as it had it.
     *
     * @return empty when there is no such order
     */
    @Transactional
    public Optional<ImportedOrder.Answer> rejectChange(long orderId, long revision, String reason, String by) {
        return rejectChange(orderId, revision, reason, List.of(), null, by);
    }

    /**
     * As {@link #rejectChange(long, long, String, String)}, for a change that carried fulfillment requests the WMS
     * rejected on Shopify first ({@link FulfillmentRequests#rejectBeforeChangeRejection}): their lines leave the
     * order, and the Orders page and the Activity log say what Shopify was told.
     *
     * @param rejected the requests rejected on Shopify (none: a change of lines only)
     * @param shopifyReason Shopify's reason with the merchant's message, as Shopify was told (null when none)
     */
    @Transactional
    public Optional<ImportedOrder.Answer> rejectChange(
            long orderId,
            long revision,
            String reason,
            List<wms.shopify.orders.entity.RejectedFulfillmentOrder> rejected,
            String shopifyReason,
            String by) {
        ImportedOrder order = this.entityManager.find(ImportedOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            return Optional.empty();
        }
        List<OrderDemand.Line> before = order.demand();
        ImportedOrder.Answer outcome = order.rejectChange(revision, reason, this.clock.instant());
        if (outcome == ImportedOrder.Answer.DONE) {
            order.requestsRejected(rejected, shopifyReason);
        }
        this.records.announce(order, before);
        if (outcome == ImportedOrder.Answer.DONE) {
            String changes = order.changesText();
            this.activity.record(
                    OrderRecords.CATEGORY,
                    "Order " + (order.name() == null ? order.shopifyOrderId() : order.name()) + " of "
                            + order.store().domain() + ": the WMS rejected the change on Shopify"
                            + (changes.isEmpty() ? "" : " (" + changes + ")") + ": " + reason + "."
                            + (rejected.isEmpty()
                                    ? ""
                                    : " The fulfillment request was rejected on Shopify (" + shopifyReason + "): "
                                            + String.join(
                                                    ", ",
                                                    rejected.stream()
                                                            .map(
                                                                    wms.shopify.orders.entity.RejectedFulfillmentOrder
                                                                            ::fulfillmentOrderId)
                                                            .toList())
                                            + "."),
                    by);
        }
        return Optional.of(outcome);
    }
}
