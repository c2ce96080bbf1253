package wms.shopify.shipping.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.orders.entity.ImportedOrder;
import wms.shopify.orders.entity.OrderLine;
import wms.shopify.orders.entity.OrderState;
import wms.shopify.platform.api.FieldError;
import wms.shopify.shipping.entity.FulfillmentPlan;
import wms.shopify.shipping.entity.Shipment;
import wms.shopify.shipping.entity.ShipmentFulfillment;
import wms.shopify.shipping.entity.ShipmentLine;
import wms.shopify.shipping.entity.ShipmentState;
import wms.shopify.shipping.entity.ShippingPolicy;
import wms.shopify.shipping.entity.Tracking;

/**
 * The shipments' state in the database, each change in its own short transaction: intake under the order's row
 * lock (so concurrent reports of one order are checked against each other), claiming an attempt under the
 * shipment's row lock (so an attempt runs once at a time), and the outcomes.
 */
@ApplicationScoped
public class ShipmentRecords {

    static final String CATEGORY = "shipping";

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(ShipmentRecords.class.getName());

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    ShipmentQueue queue;

    @Inject
    ActivityLog activity;

    @Inject
    Clock clock;

    @Inject
    ShippingPolicies policies;

    /** What became of a reported shipment. */
    public enum Verdict {
        /** Stored and queued. */
        CREATED,
        /** Reported before with the same content: nothing changed. */
        REPEATED,
        /** Reported before with other content. */
        CONFLICT,
        /** No such order. */
        UNKNOWN_ORDER,
        /** The order cannot take a shipment now (its store is disconnected, it is cancelled, not handed over). */
        NOT_SHIPPABLE,
        /** Lines that do not fit the order (unknown product, more than remains). */
        INVALID
    }

    public record Intake(Verdict verdict, Shipment shipment, String detail, List<FieldError> errors) {}

    /** Records a shipment the WMS reported, after checking it against the order; queued when created. */
    @Transactional
    public Intake record(ShipmentRequest request) {
        Instant now = this.clock.instant();
        Optional<Shipment> known = byKey(request.shipmentId());
        if (known.isPresent()) {
            return repeated(known.get(), request);
        }
        ImportedOrder order =
                this.entityManager.find(ImportedOrder.class, request.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            return new Intake(
                    Verdict.UNKNOWN_ORDER,
                    null,
                    "There is no order " + request.orderId() + ": use the orderId of the order feed.",
                    List.of(new FieldError("orderId", "unknown order")));
        }
        known = byKey(request.shipmentId()); // reported concurrently: the order lock made us wait for it
        if (known.isPresent()) {
            return repeated(known.get(), request);
        }
        String name = order.name() == null ? order.shopifyOrderId() : order.name();
        if (!order.store().isConnected()) {
            return new Intake(
                    Verdict.NOT_SHIPPABLE,
                    null,
                    "Order " + name + " belongs to store " + order.store().domain()
                            + ", which is not connected: reconnect it first.",
                    List.of());
        }
        // An order of several warehouses ships part by part: the shipment names its warehouse.
        String warehouse = order.parted() ? request.warehouse() : null;
        if (order.state() != OrderState.ANOTHER_APP && (order.parted() || request.warehouse() != null)) {
            Optional<String> problem = order.partProblem(request.warehouse());
            if (problem.isPresent()) {
                return new Intake(
                        Verdict.INVALID,
                        null,
                        "The shipment does not name a warehouse of order " + name + "; nothing was stored.",
                        List.of(new FieldError("warehouse", problem.get())));
            }
        }
        if (order.state() == OrderState.READY && !order.shippableFrom(warehouse)) {
            // Until the WMS acknowledges it, the order's lines may still change with Shopify's remaining quantities.
            return new Intake(
                    Verdict.NOT_SHIPPABLE,
                    null,
                    "Order " + name + " is in the feed but not acknowledged: "
                            + "acknowledge it before reporting its shipments.",
                    List.of());
        }
        if (order.state() == OrderState.ANOTHER_APP) {
            List<FieldError> theirs = new ArrayList<>();
            for (int i = 0; i < request.lines().size(); i++) {
                theirs.add(new FieldError(
                        "lines[" + i + "].product",
                        request.lines().get(i).productCode() + " of order " + name + ": not the WMS's to ship"));
            }
            return new Intake(
                    Verdict.INVALID,
                    null,
                    "Order " + name + " is " + order.anotherAppNote() + ": not the WMS's to ship; nothing was stored.",
                    theirs);
        }
        if (!order.shippableFrom(warehouse)) {
            return new Intake(
                    Verdict.NOT_SHIPPABLE,
                    null,
                    "Order " + name + " is " + order.state().name().toLowerCase() + ", not an order the WMS ships.",
                    List.of());
        }
        Map<String, Integer> remaining = remainingOf(order, warehouse);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            ShipmentLine line = request.lines().get(i);
            Integer left = remaining.get(line.productCode());
            String theirs = anotherApps(order, line.productCode());
            String elsewhere = warehouse == null ? null : otherPart(order, warehouse, line.productCode());
            if (left == null) {
                errors.add(new FieldError(
                        "lines[" + i + "].product",
                        theirs != null
                                ? line.productCode() + " of order " + name + " is " + theirs + ": not the WMS's to ship"
                                : elsewhere != null
                                        ? line.productCode() + " of order " + name + " ships from " + elsewhere
                                                + ", not " + warehouse + ": report it in " + elsewhere
                                                + "'s shipment"
                                        : "product " + line.productCode() + " is not in order " + name
                                                + (warehouse == null ? "" : "'s part at " + warehouse)));
            } else if (line.quantity() > left) {
                errors.add(new FieldError(
                        "lines[" + i + "].quantity",
                        line.quantity() + " of "
                                + line.productCode() + " is more than the " + left + " left to ship of order " + name
                                + (warehouse == null ? "" : " from " + warehouse)
                                + " (" + ordered(order).get(line.productCode()) + " ordered"
                                + (theirs == null ? "" : "; the rest is " + theirs + ": not the WMS's to ship")
                                + ")"));
            }
        }
        if (!errors.isEmpty()) {
            return new Intake(
                    Verdict.INVALID,
                    null,
                    errors.size() + " line(s) do not fit order " + name + "; nothing was stored.",
                    errors);
        }
        Shipment shipment = new Shipment(
                request.shipmentId(),
                order,
                request.carrier(),
                request.shippedAt(),
                request.lines(),
                request.parcels(),
                request.parcelLines(),
                request.notifyCustomer(),
                request.fingerprint(),
                now,
                warehouse);
        this.entityManager.persist(shipment);
        this.entityManager.flush();
        Map<String, Integer> after = remaining(order, List.of());
        boolean complete = after.values().stream().allMatch(q -> q <= 0);
        order.shippingState(complete ? "SHIPPED" : "PARTIALLY_SHIPPED", now);
        this.queue.send(shipment.id());
        return new Intake(
                Verdict.CREATED,
                shipment,
                "Shipment " + request.shipmentId() + " of order " + name + " stored and queued for Shopify.",
                List.of());
    }

    private Intake repeated(Shipment shipment, ShipmentRequest request) {
        if (shipment.fingerprint().equals(request.fingerprint())) {
            return new Intake(
                    Verdict.REPEATED,
                    shipment,
                    "Shipment " + request.shipmentId() + " was reported before with the same content: nothing changed.",
                    List.of());
        }
        return new Intake(
                Verdict.CONFLICT,
                shipment,
                "Shipment " + request.shipmentId()
                        + " was reported before with other content; a shipment id stands for one shipment.",
                List.of());
    }

    /** "fulfilled by ShipFast (another app)" when units of the product are another app's, else null. */
    private static String anotherApps(ImportedOrder order, String productCode) {
        return order.anotherAppLines().stream()
                .filter(l -> productCode != null && productCode.equals(l.productCode()))
                .map(l -> l.fulfilledBy())
                .findFirst()
                .orElse(null);
    }

    /** Units ordered per WMS product: the order's lines as handed to the WMS. */
    static Map<String, Integer> ordered(ImportedOrder order) {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            if (line.productCode() != null) {
                ordered.merge(line.productCode(), line.quantity(), Integer::sum);
            }
        }
        return ordered;
    }

    /**
     * Units per product still to ship from a warehouse's part of an order of several warehouses: its lines minus its
     * shipments; for an order of one warehouse (null), the whole order's.
     */
    private Map<String, Integer> remainingOf(ImportedOrder order, String warehouse) {
        if (warehouse == null) {
            return remaining(order, List.of());
        }
        Map<String, Integer> remaining = new LinkedHashMap<>();
        for (OrderLine line : order.linesOf(warehouse)) {
            if (line.productCode() != null) {
                remaining.merge(line.productCode(), line.quantity(), Integer::sum);
            }
        }
        for (Shipment shipment : ofOrder(order.id())) {
            if (warehouse.equals(shipment.warehouseCode())) {
                for (ShipmentLine line : shipment.lines()) {
                    remaining.computeIfPresent(line.productCode(), (k, v) -> v - line.quantity());
                }
            }
        }
        return remaining;
    }

    /** The other warehouse whose part of the order has the product, or null. */
    private static String otherPart(ImportedOrder order, String warehouse, String productCode) {
        return order.lines().stream()
                .filter(l -> productCode.equals(l.productCode()) && !warehouse.equals(l.warehouseCode()))
                .map(OrderLine::warehouseCode)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** Units per product still to ship: ordered minus every shipment recorded for the order. */
    Map<String, Integer> remaining(ImportedOrder order, List<Shipment> ignored) {
        Map<String, Integer> remaining = ordered(order);
        for (Shipment shipment : ofOrder(order.id())) {
            for (ShipmentLine line : shipment.lines()) {
                remaining.computeIfPresent(line.productCode(), (k, v) -> v - line.quantity());
            }
        }
        return remaining;
    }

    public List<Shipment> ofOrder(long orderId) {
        return this.entityManager
                .createNamedQuery(Shipment.OF_ORDER, Shipment.class)
                .setParameter("order", orderId)
                .getResultList();
    }

    public Optional<Shipment> byKey(String key) {
        return this.entityManager
                .createNamedQuery(Shipment.BY_KEY, Shipment.class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }

    /**
     * What an attempt needs, read under the shipment's lock when it was claimed.
     *
     * @param portions what is shipped together (the whole shipment, or each parcel's lines)
     * @param fulfillments what earlier attempts planned or made, by position
     * @param claimedFulfillments Shopify's fulfillments other shipments of the order own
     */
    public record Attempt(
            long shipmentId,
            String shipmentKey,
            long storeId,
            String orderId,
            String orderName,
            String locationId,
            List<FulfillmentPlan.Portion> portions,
            Map<String, List<String>> lineItemsByProduct,
            boolean outcomeUnclear,
            List<ShipmentFulfillment> fulfillments,
            Map<Integer, Tracking> trackingByParcel,
            String trackingCompany,
            boolean notifyCustomer,
            Set<String> claimedFulfillments,
            int attempt) {

        /** The tracking a planned fulfillment carries: its parcel's, or every parcel's. */
        public Tracking tracking(Integer parcel) {
            return this.trackingByParcel.getOrDefault(parcel, this.trackingByParcel.get(null));
        }

        /** The WMS product of each Shopify line item of the order. */
        public Map<String, String> productOfLineItem() {
            Map<String, String> products = new HashMap<>();
            this.lineItemsByProduct.forEach((product, items) -> items.forEach(i -> products.put(i, product)));
            return products;
        }
    }

    /**
     * Claims the next attempt of a shipment: it must be due (queued, or found "pushing" for longer than an attempt
     * can take: the connector stopped mid-attempt, so its outcome is unclear). Empty when there is nothing to do.
     */
    @Transactional
    public Optional<Attempt> claim(long shipmentId, Duration attemptTakesAtMost) {
        Instant now = this.clock.instant();
        Shipment shipment = this.entityManager.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        if (shipment == null) {
            return Optional.empty();
        }
        if (shipment.state() == ShipmentState.PUSHING) {
            if (shipment.updatedAt().plus(attemptTakesAtMost).isAfter(now)) {
                return Optional.empty(); // an attempt is under way
            }
            shipment.interrupted(now);
        }
        if (!shipment.due(now)) {
            return Optional.empty();
        }
        shipment.claim(now);
        ImportedOrder order = shipment.order();
        Map<String, List<String>> lineItems = new HashMap<>();
        // A warehouse's part ships from its own lines, its location first.
        List<OrderLine> shipped =
                shipment.warehouseCode() == null ? order.lines() : order.linesOf(shipment.warehouseCode());
        String location = shipped.stream()
                .map(OrderLine::locationId)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .filter(l -> shipment.warehouseCode() != null)
                .orElse(order.locationId());
        for (OrderLine line : shipped) {
            if (line.productCode() != null) {
                lineItems
                        .computeIfAbsent(line.productCode(), k -> new ArrayList<>())
                        .add(line.lineItemId());
            }
        }
        Set<String> claimed = new HashSet<>(this.entityManager
                .createQuery(
                        "select s.fulfillmentId from Shipment s "
                                + "where s.order.id = :order and s.fulfillmentId is not null and s.id <> :me",
                        String.class)
                .setParameter("order", order.id())
                .setParameter("me", shipment.id())
                .getResultList());
        claimed.addAll(this.entityManager
                .createQuery(
                        "select f.fulfillmentId from Shipment s join s.fulfillments f "
                                + "where s.order.id = :order and f.fulfillmentId is not null and s.id <> :me",
                        String.class)
                .setParameter("order", order.id())
                .setParameter("me", shipment.id())
                .getResultList());
        ShippingPolicy policy = this.policies.of(shipment.store().id());
        Map<Integer, Tracking> tracking = new HashMap<>();
        tracking.put(null, shipment.tracking(null));
        for (int i = 0; i < shipment.parcels().size(); i++) {
            tracking.put(i, shipment.tracking(i));
        }
        return Optional.of(new Attempt(
                shipment.id(),
                shipment.shipmentKey(),
                shipment.store().id(),
                order.shopifyOrderId(),
                order.name(),
                location,
                shipment.portions(policy.fulfillmentPerParcel()),
                lineItems,
                shipment.outcomeUnclear(),
                shipment.fulfillments(),
                tracking,
                shipment.trackingCompany(),
                shipment.notifyCustomer() != null ? shipment.notifyCustomer() : policy.notifyCustomer(),
                claimed,
                shipment.attempts()));
    }

    /**
     * The fulfillments about to be sent, kept before sending so that an unclear outcome can be recognised later.
     *
     * @return the positions they were kept at, in the same order
     */
    @Transactional
    public List<Integer> planned(long shipmentId, List<FulfillmentPlan.Group> groups) {
        Shipment shipment = this.entityManager.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        shipment.planned(
                groups.stream()
                        .map(g -> new ShipmentFulfillment(g.parcel(), g.locationId(), g.lineItemQuantities()))
                        .toList(),
                this.clock.instant());
        int first = shipment.fulfillments().size() - groups.size();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            positions.add(first + i);
        }
        return positions;
    }

    /** Shopify has one planned fulfillment of the shipment (created now, or found after an unclear attempt). */
    @Transactional
    public void made(long shipmentId, int position, String fulfillmentId, String fulfillmentName, boolean found) {
        Shipment shipment = this.entityManager.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        shipment.made(position, fulfillmentId, fulfillmentName, this.clock.instant());
        if (found) {
            LOG.info(() -> "Shipment " + shipment.shipmentKey() + ": an earlier attempt had reached Shopify ("
                    + fulfillmentId + "); not sent again.");
        }
    }

    /** Shopify has every fulfillment of the shipment. */
    @Transactional
    public void fulfilled(long shipmentId) {
        Shipment shipment = this.entityManager.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        shipment.fulfilled(this.clock.instant());
        if (shipment.trackingPending()) {
            this.queue.sendTracking(shipment.id());
        }
        String name = shipment.order().name();
        List<String> ids = shipment.fulfillmentIds();
        this.activity.record(
                CATEGORY,
                "Shipment " + shipment.shipmentKey() + " of order " + name + " of "
                        + shipment.store().domain() + " is on Shopify as "
                        + (ids.size() == 1 ? "fulfillment " : ids.size() + " fulfillments ") + String.join(", ", ids)
                        + ".",
                null);
    }

    /** @return whether another attempt follows */
    @Transactional
    public boolean failedForNow(long shipmentId, String why, boolean unclear, int maxAttempts, Instant nextAt) {
        Shipment shipment = this.entityManager.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        boolean again = shipment.failedForNow(why, unclear, maxAttempts, nextAt, this.clock.instant());
        if (!again) {
            parkedActivity(shipment);
        }
        return again;
    }

    @Transactional
    public void park(long shipmentId, String why) {
        Shipment shipment = this.entityManager.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        shipment.park(why, this.clock.instant());
        parkedActivity(shipment);
    }

    private void parkedActivity(Shipment shipment) {
        this.activity.record(
                CATEGORY,
                "Shipment " + shipment.shipmentKey() + " of order "
                        + shipment.order().name()
                        + " of " + shipment.store().domain() + " failed: " + shipment.reason()
                        + " Retry it on the Orders page.",
                null);
    }

    @Transactional
    public void deferred(long shipmentId, String why, Instant nextAt) {
        Shipment shipment = this.entityManager.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        shipment.deferred(why, nextAt, this.clock.instant());
    }

    /**
     * A failed shipment tried again (the admin's button or the WMS API): queued at once.
     *
     * @return empty when there is no such shipment; false when it is not failed
     */
    @Transactional
    public Optional<Boolean> retry(String shipmentKey, String by) {
        Optional<Shipment> found = byKey(shipmentKey);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Shipment shipment = this.entityManager.find(Shipment.class, found.get().id(), LockModeType.PESSIMISTIC_WRITE);
        if (!shipment.retry(this.clock.instant())) {
            return Optional.of(false);
        }
        this.queue.send(shipment.id());
        this.activity.record(
                CATEGORY,
                "Shipment " + shipmentKey + " of order " + shipment.order().name() + " retried.",
                by);
        return Optional.of(true);
    }

    /** Shipments due for an attempt (the sweep queues them): queued and due, or an attempt that never ended. */
    public List<Long> due(Duration attemptTakesAtMost) {
        Instant now = this.clock.instant();
        List<Long> due = new ArrayList<>(this.entityManager
                .createNamedQuery(Shipment.DUE, Long.class)
                .setParameter("now", now)
                .setParameter("stale", now.minus(attemptTakesAtMost))
                .getResultList());
        return due;
    }

    /** Fulfilled shipments whose later tracking has not reached Shopify yet. */
    public List<Long> trackingDue() {
        return this.entityManager
                .createNamedQuery(Shipment.TRACKING_DUE, Long.class)
                .getResultList();
    }

    /** The failed shipments, newest first, for the Orders page. */
    public List<Shipment> failed(int max) {
        return this.entityManager
                .createNamedQuery(Shipment.FAILED, Shipment.class)
                .setMaxResults(max)
                .getResultList();
    }

    public Optional<Shipment> find(long id) {
        return Optional.ofNullable(this.entityManager.find(Shipment.class, id));
    }

    /** What pushing a shipment's later tracking needs: each of its fulfillments with the tracking it carries. */
    public record TrackingSnapshot(
            String key, long storeId, String company, List<FulfillmentTracking> fulfillments, boolean notifyCustomer) {}

    /** The tracking of one fulfillment of a shipment: its parcel's, or every parcel's. */
    public record FulfillmentTracking(String fulfillmentId, List<String> numbers, List<String> urls) {}

    /** The pending tracking of a fulfilled shipment, or null when nothing is pending. */
    @Transactional
    public TrackingSnapshot trackingSnapshot(long shipmentId) {
        Shipment s = this.entityManager.find(Shipment.class, shipmentId);
        if (s == null || !s.trackingPending() || s.state() != ShipmentState.FULFILLED) {
            return null;
        }
        List<FulfillmentTracking> fulfillments = new ArrayList<>();
        for (ShipmentFulfillment f : s.fulfillments()) {
            if (f.done()) {
                Tracking tracking = s.tracking(f.parcel());
                fulfillments.add(new FulfillmentTracking(f.fulfillmentId(), tracking.numbers(), tracking.urls()));
            }
        }
        if (fulfillments.isEmpty()) {
            // Fulfilled before a shipment kept its fulfillments: its one fulfillment takes the whole tracking.
            fulfillments.add(new FulfillmentTracking(s.fulfillmentId(), s.trackingNumbers(), s.trackingUrls()));
        }
        return new TrackingSnapshot(
                s.shipmentKey(),
                s.store().id(),
                s.trackingCompany(),
                fulfillments,
                s.notifyCustomer() != null
                        ? s.notifyCustomer()
                        : this.policies.of(s.store().id()).notifyCustomer());
    }

    /** The later tracking reached Shopify, or Shopify refused it (recorded, not retried). */
    @Transactional
    public void trackingDone(long shipmentId, String refusal) {
        Shipment s = this.entityManager.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        s.trackingPushed(this.clock.instant());
        this.activity.record(
                CATEGORY,
                refusal == null
                        ? "Tracking of shipment " + s.shipmentKey() + " updated on Shopify ("
                                + String.join(
                                        ", ",
                                        s.fulfillmentIds().isEmpty() ? List.of(s.fulfillmentId()) : s.fulfillmentIds())
                                + ")."
                        : "Shopify refused the tracking of shipment " + s.shipmentKey() + ": " + refusal,
                null);
    }
}
