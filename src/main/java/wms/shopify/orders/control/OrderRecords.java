package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.adminapi.entity.GrantedScopes;
import wms.shopify.catalog.entity.StoreVariant;
import wms.shopify.orders.entity.FeedEntryAdded;
import wms.shopify.orders.entity.HoldReason;
import wms.shopify.orders.entity.ImportedOrder;
import wms.shopify.orders.entity.OrderDemand;
import wms.shopify.orders.entity.OrderPlan;
import wms.shopify.orders.entity.OrderState;
import wms.shopify.orders.entity.ShopifyOrderSnapshot;
import wms.shopify.platform.database.FeedPositions;
import wms.shopify.stores.entity.Store;
import wms.shopify.stores.entity.StoreLocation;

/**
 * Records what a read of an order from Shopify means for its one WMS order, in one short transaction that calls
 * nobody (the read is taken before it, see {@link OrderImport}): the row is inserted if absent (the unique constraint
 * on store and Shopify order turns a concurrent duplicate into "already there"), locked, decided by the order's own
 * rules, given a feed position when the WMS must see it, and the order's unallocated lines are announced as
 * {@link OrderDemand} whenever they change.
 */
@ApplicationScoped
public class OrderRecords {

    /** The orders' feed: its positions and the lock that makes them gap-safe for a reader ({@link FeedPositions}). */
    public static final FeedPositions.Feed FEED = new FeedPositions.Feed("shop_order_feed_seq", 7_007_007L);

    static final String CATEGORY = "orders";
    /** The first key of the per-order advisory locks. */
    private static final int ORDER_LOCK_CLASS = 7;

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    Event<OrderDemand> demand;

    @Inject
    Event<FeedEntryAdded> feedEntries;

    @Inject
    ActivityLog activity;

    @Inject
    IntakePolicies intakePolicies;

    @Inject
    SeenOrderValues seenValues;

    @Inject
    Clock clock;

    @Inject
    FeedPositions positions;

    /** What became of one read. */
    public record Outcome(ImportedOrder.Change change, OrderState state, String note) {}

    /**
     * Which read of an order was applied last, taken before the order is read from Shopify: the row's version (every
     * applied read changes it), or null when the order is not recorded yet.
     */
    public record Applied(Long version) {}

    /** The order as recorded now, read without a lock (outside any transaction of the import). */
    public Applied applied(long storeId, String orderId) {
        List<?> versions = this.entityManager
                .createNativeQuery("select version from shop_order where store_id = ? " + "and shopify_order_id = ?")
                .setParameter(1, storeId)
                .setParameter(2, orderId)
                .getResultList();
        return new Applied(versions.isEmpty() ? null : ((Number) versions.get(0)).longValue());
    }

    /**
     * Applies a read of the order taken outside any transaction, in a short transaction of its own that locks the
     * order, provided no other read was applied since {@code before} was taken: an order imported meanwhile by
     * another path may have been read later than this read, so this one is not applied (the caller reads again).
     *
     * @return empty when another read was applied since {@code before}
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Outcome> applyRead(long storeId, ShopifyOrderSnapshot order, Applied before, String source) {
        Instant now = this.clock.instant();
        lockOrder(storeId, order.id());
        boolean inserted = insertIfAbsent(storeId, order, now);
        ImportedOrder row = lockedRow(storeId, order.id());
        boolean unchanged = inserted
                ? before.version() == null
                : Long.valueOf(row.version()).equals(before.version());
        return unchanged ? Optional.of(record(row, order, source, now)) : Optional.empty();
    }

    /**
     * Reads the order while holding its lock, and applies the read, in a transaction of its own: for an order other
     * imports keep changing while it is read (the exception to "no call to Shopify under a lock"), so that this read
     * is certain to be the latest applied.
     *
     * @return empty when Shopify has no such order
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Outcome> readUnderLock(
            long storeId, String orderId, Supplier<Optional<ShopifyOrderSnapshot>> read, String source) {
        lockOrder(storeId, orderId);
        Optional<ShopifyOrderSnapshot> order = read.get();
        if (order.isEmpty()) {
            return Optional.empty();
        }
        Instant now = this.clock.instant();
        insertIfAbsent(storeId, order.get(), now);
        return Optional.of(record(lockedRow(storeId, order.get().id()), order.get(), source, now));
    }

    /**
     * Inserts the order's row if absent: the unique constraint on store and Shopify order turns a concurrent duplicate
     * into "already there".
     *
     * @return whether this call inserted it
     */
    private boolean insertIfAbsent(long storeId, ShopifyOrderSnapshot order, Instant now) {
        return this.entityManager
                        .createNativeQuery("insert into shop_order (store_id, shopify_order_id, name, state, "
                                + "first_seen_at, updated_at) values (?, ?, ?, 'NEW', ?, ?) "
                                + "on conflict (store_id, shopify_order_id) do nothing")
                        .setParameter(1, storeId)
                        .setParameter(2, order.id())
                        .setParameter(3, order.name())
                        .setParameter(4, Timestamp.from(now))
                        .setParameter(5, Timestamp.from(now))
                        .executeUpdate()
                == 1;
    }

    /**
     * Reports a fulfillment order of the order moved on Shopify to {@code locationName} once the WMS has the order
     * (noted on the order, one Activity entry per move); nothing when it does not have it.
     *
     * @return whether the move was reported now
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean movedAfterHandover(long storeId, String orderId, String locationName) {
        lockOrder(storeId, orderId);
        List<ImportedOrder> rows = this.entityManager
                .createNamedQuery(ImportedOrder.BY_SHOPIFY_ID, ImportedOrder.class)
                .setParameter("store", storeId)
                .setParameter("order", orderId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (rows.isEmpty() || !rows.get(0).movedAfterHandover(locationName, this.clock.instant())) {
            return false;
        }
        ImportedOrder row = rows.get(0);
        this.activity.record(
                CATEGORY,
                "Order " + (row.name() == null ? orderId : row.name()) + " of "
                        + row.store().domain()
                        + " was moved to " + locationName + " on Shopify after the WMS took it (warehouse "
                        + row.warehouseCode() + "): reported, not re-routed; its shipment is taken from wherever "
                        + "Shopify has the units.",
                null);
        return true;
    }

    /**
     * Notes that the merchant releases an order held for risk (the Orders page or the API), so that it is not held
     * for risk again; the caller then reads it again, which decides it.
     *
     * @return false when the order is not held for risk now (nothing changed)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean releaseRisk(long orderId, String by) {
        ImportedOrder found = this.entityManager.find(ImportedOrder.class, orderId);
        if (found == null) {
            return false;
        }
        long storeId = found.store().id();
        lockOrder(storeId, found.shopifyOrderId());
        ImportedOrder row = lockedRow(storeId, found.shopifyOrderId());
        this.entityManager.refresh(row);
        return row.releaseRisk(this.clock.instant(), by);
    }

    /** The order's row, locked until the transaction ends. */
    private ImportedOrder lockedRow(long storeId, String orderId) {
        return this.entityManager
                .createNamedQuery(ImportedOrder.BY_SHOPIFY_ID, ImportedOrder.class)
                .setParameter("store", storeId)
                .setParameter("order", orderId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResult();
    }

    /** Applies the order's current state (read from Shopify just before) to its locked WMS order. */
    private Outcome record(ImportedOrder row, ShopifyOrderSnapshot order, String source, Instant now) {
        long storeId = row.store().id();
        Store store = this.entityManager.find(Store.class, storeId);
        OrderState before = row.state();
        var holdBefore = row.holdReason();
        List<OrderDemand.Line> demandBefore = row.demand();
        OrderPlan plan = plan(storeId, order);
        ImportedOrder.Change change =
                row.apply(order, this.intakePolicies.of(storeId).filters(), plan, now, source);
        if (change != ImportedOrder.Change.STALE) {
            this.seenValues.note(storeId, order);
        }
        announce(row, demandBefore);
        String name = row.name() == null ? order.id() : row.name();
        if (holdBefore == HoldReason.HIGH_RISK
                && row.holdReason() != HoldReason.HIGH_RISK
                && row.riskReleasedAt() == null) {
            this.activity.record(
                    CATEGORY,
                    "Order " + name + " of " + store.domain() + " is no longer held for risk: Shopify now recommends "
                            + row.riskText() + ". " + note(name, change, row),
                    null);
        }
        switch (change) {
            case HELD -> {
                if (before != OrderState.HELD || holdBefore != row.holdReason()) {
                    this.activity.record(
                            CATEGORY, "Order " + name + " of " + store.domain() + " is held: " + row.stateNote(), null);
                }
            }
            case ANOTHER_APP ->
                this.activity.record(
                        CATEGORY,
                        "Order " + name + " of " + store.domain() + " is not handed to the WMS: every unit is "
                                + row.anotherAppNote() + ".",
                        null);
            case CANCELLATION_TO_FEED ->
                this.activity.record(
                        CATEGORY,
                        "Order " + name + " of " + store.domain()
                                + " was cancelled on Shopify before shipping: the WMS order is cancelled (feed).",
                        null);
            case CANCELLATION_REPORTED ->
                this.activity.record(
                        CATEGORY,
                        "Order " + name + " of " + store.domain()
                                + " was cancelled on Shopify after shipping had begun: not applied to the WMS order.",
                        null);
            case LEFT_FEED ->
                this.activity.record(
                        CATEGORY,
                        row.holdReason() == HoldReason.HIGH_RISK
                                ? "Order " + name + " of " + store.domain() + " was taken out of the feed before the "
                                        + "WMS acknowledged it: " + row.stateNote()
                                : "Order " + name + " of " + store.domain() + " was put on hold on Shopify ("
                                        + row.holdText() + ") before the WMS acknowledged it: out of the feed until "
                                        + "released.",
                        null);
            case HOLD_TO_FEED ->
                this.activity.record(
                        CATEGORY,
                        "Order " + name + " of " + store.domain() + " was put on hold on Shopify (" + row.holdText()
                                + "): the WMS is told to stop (feed).",
                        null);
            case CHANGE_TO_FEED ->
                this.activity.record(
                        CATEGORY,
                        "Order " + name + " of " + store.domain()
                                + " was changed on Shopify after the WMS accepted it (" + row.changesText()
                                + "): the change is in the feed.",
                        null);
            case RELEASE_TO_FEED ->
                this.activity.record(
                        CATEGORY,
                        "Order " + name + " of " + store.domain()
                                + ": its hold on Shopify was released; the WMS is told to carry on (feed).",
                        null);
            default -> {
                // the Orders page shows the rest
            }
        }
        if (change.needsFeedPosition()) {
            // Last, after everything else is written, so that the feed's shared lock is held only for the commit.
            this.entityManager.flush();
            row.enterFeed(this.positions.next(FEED));
            this.feedEntries.fire(new FeedEntryAdded(
                    row.id(),
                    row.feedSeq(),
                    row.feedKind().name(),
                    store.domain().value(),
                    row.shopifyOrderId()));
        }
        return new Outcome(change, row.state(), note(name, change, row));
    }

    /** Announces the order's unallocated lines when they differ from what they were. */
    void announce(ImportedOrder row, List<OrderDemand.Line> before) {
        List<OrderDemand.Line> after = row.demand();
        if (!Objects.equals(before, after)) {
            this.demand.fire(new OrderDemand(row.store().id(), row.shopifyOrderId(), after));
        }
    }

    private static String note(String name, ImportedOrder.Change change, ImportedOrder row) {
        return switch (change) {
            case NONE ->
                "Order " + name + " unchanged for the WMS ("
                        + row.state().name().toLowerCase() + ").";
            case STALE -> "Order " + name + ": an older state than the one already applied; ignored.";
            case FILTERED -> "Order " + name + " filtered out: " + row.stateNote();
            case HELD -> "Order " + name + " held: " + row.stateNote();
            case ANOTHER_APP -> "Order " + name + ": " + row.stateNote();
            case TO_FEED -> "Order " + name + " in the WMS feed (position " + row.feedSeq() + ").";
            case CANCELLED -> "Order " + name + " cancelled before it reached the WMS.";
            case CANCELLATION_TO_FEED -> "Order " + name + " cancelled: the cancellation is in the WMS feed.";
            case CANCELLATION_REPORTED -> "Order " + name + ": " + row.cancelNote();
            case LEFT_FEED ->
                row.holdReason() == HoldReason.HIGH_RISK
                        ? "Order " + name + " held for risk: out of the WMS feed until released."
                        : "Order " + name + " on hold on Shopify: out of the WMS feed until released.";
            case HOLD_TO_FEED -> "Order " + name + " on hold on Shopify: the hold is in the WMS feed.";
            case RELEASE_TO_FEED -> "Order " + name + " released on Shopify: the release is in the WMS feed.";
            case CHANGE_TO_FEED -> "Order " + name + " changed on Shopify: the change is in the WMS feed.";
        };
    }

    /** The lines and warehouse of the order through the store's product and location mappings. */
    OrderPlan plan(long storeId, ShopifyOrderSnapshot order) {
        List<String> variantIds = order.lines().stream()
                .map(ShopifyOrderSnapshot.Line::variantId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<String, OrderPlan.MappedVariant> variants = new HashMap<>();
        if (!variantIds.isEmpty()) {
            for (StoreVariant v : this.entityManager
                    .createNamedQuery(StoreVariant.BY_VARIANT_IDS, StoreVariant.class)
                    .setParameter("store", storeId)
                    .setParameter("ids", variantIds)
                    .getResultList()) {
                if (v.product() != null) {
                    variants.put(
                            v.variantId(),
                            new OrderPlan.MappedVariant(
                                    v.product().code(), v.product().active(), v.inventoryItemId()));
                }
            }
        }
        Map<String, OrderPlan.Destination> locations = new HashMap<>();
        OrderPlan.Destination fallback = null;
        for (StoreLocation location : this.entityManager
                .createNamedQuery(StoreLocation.OF_STORE, StoreLocation.class)
                .setParameter("store", storeId)
                .getResultList()) {
            if (location.warehouse() == null) {
                continue;
            }
            OrderPlan.Destination destination = new OrderPlan.Destination(
                    location.shopifyLocationId(),
                    location.warehouse().code(),
                    location.shippingProcess() == null
                            ? null
                            : location.shippingProcess().code());
            locations.put(location.shopifyLocationId(), destination);
            if (location.isDefaultForOrders()) {
                fallback = destination;
            }
        }
        Store store = this.entityManager.find(Store.class, storeId);
        // A grant without it hides other apps' fulfillment orders: what they cover must not reach the WMS (OrderPlan).
        boolean seesOtherApps = store == null
                || store.scopes() == null
                || GrantedScopes.parse(store.scopes()).covers("read_third_party_fulfillment_orders");
        return OrderPlan.of(
                order, variants, locations, fallback, this.intakePolicies.ownServiceLocations(storeId), seesOtherApps);
    }

    /**
     * Locks one order of a store until the transaction ends (two-key advisory lock, a key space apart from the feed
     * lock's), even one not recorded yet: every read of the order is applied under it.
     */
    void lockOrder(long storeId, String orderId) {
        this.entityManager
                .createNativeQuery("select 1 from (select pg_advisory_xact_lock(?, hashtext(?))) as l")
                .setParameter(1, ORDER_LOCK_CLASS)
                .setParameter(2, storeId + "/" + orderId)
                .getSingleResult();
    }

    /**
     * Records that the WMS's rejection of the order's fulfillment request was answered on Shopify: the order leaves
     * the feed ({@link ImportedOrder#fulfillmentRejected}), in a short transaction of its own under the order's lock.
     *
     * @return whether it left the feed now (false: it was not in the feed as an order to ship)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean fulfillmentRejected(long orderId, String note) {
        ImportedOrder row = this.entityManager.find(ImportedOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            return false;
        }
        List<OrderDemand.Line> before = row.demand();
        boolean left = row.fulfillmentRejected(note, this.clock.instant());
        announce(row, before);
        return left;
    }

    /**
     * Shopify asks the WMS to cancel the order (fulfillment-service mode): an order the WMS accepted gets a
     * {@code CANCELLATION_REQUEST} entry in the feed, once per request, in a short transaction under the order's lock.
     *
     * @return whether it entered the feed now (false: not known, not accepted, or already asked)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean cancellationRequested(long storeId, String shopifyOrderId) {
        lockOrder(storeId, shopifyOrderId);
        List<ImportedOrder> rows = this.entityManager
                .createNamedQuery(ImportedOrder.BY_SHOPIFY_ID, ImportedOrder.class)
                .setParameter("store", storeId)
                .setParameter("order", shopifyOrderId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (rows.isEmpty() || !rows.get(0).cancellationRequested(this.clock.instant())) {
            return false;
        }
        ImportedOrder row = rows.get(0);
        Store store = row.store();
        this.activity.record(
                CATEGORY,
                "Order " + row.name() + " of " + store.domain()
                        + ": Shopify asks the WMS to cancel it (cancellation request in the feed).",
                null);
        this.entityManager.flush();
        row.enterFeedAsCancellationRequest(this.positions.next(FEED));
        this.feedEntries.fire(new FeedEntryAdded(
                row.id(), row.feedSeq(), row.feedKind().name(), store.domain().value(), row.shopifyOrderId()));
        return true;
    }

    /**
     * Records the WMS's answer to the order's cancellation request once Shopify has it, in a short transaction under
     * the order's lock.
     *
     * @return false when no request was open
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean cancellationAnswered(long orderId, boolean agreed, String note) {
        ImportedOrder row = this.entityManager.find(ImportedOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            return false;
        }
        List<OrderDemand.Line> before = row.demand();
        boolean answered = row.cancellationAnswered(agreed, note, this.clock.instant());
        announce(row, before);
        return answered;
    }

    /** When Shopify last changed the order as far as the connector knows, or null when it does not know it. */
    public Instant knownUpdatedAt(long storeId, String orderId) {
        return this.entityManager
                .createNamedQuery(ImportedOrder.BY_SHOPIFY_ID, ImportedOrder.class)
                .setParameter("store", storeId)
                .setParameter("order", orderId)
                .getResultStream()
                .map(ImportedOrder::shopifyUpdatedAt)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /**
     * The store's orders that are the customer's: those named (global ids), and guest orders, which carry no customer
     * account, with the customer's e-mail (compared without case). Orders of other customers are never matched.
     */
    public List<ImportedOrder> customerOrders(long storeId, Set<String> orderIds, String email) {
        boolean byEmail = email != null && !email.isBlank();
        var query = this.entityManager
                .createQuery(
                        "select o from ImportedOrder o where o.store.id = :store and "
                                + "(o.shopifyOrderId in :ids" + (byEmail ? " or lower(o.contactEmail) = :email" : "")
                                + ") "
                                + "order by o.id",
                        ImportedOrder.class)
                .setParameter("store", storeId)
                .setParameter("ids", orderIds.isEmpty() ? List.of("-") : List.copyOf(orderIds));
        if (byEmail) {
            query.setParameter("email", email.trim().toLowerCase(java.util.Locale.ROOT));
        }
        return query.getResultList();
    }

    /**
     * Erases the customer data of the customer's orders ({@link #customerOrders}) in a transaction of its own, so
     * that no order stays locked while the request goes on to erase webhook bodies.
     *
     * @return the orders erased now (those erased before are left as they are)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ImportedOrder> redact(long storeId, Set<String> orderIds, String email) {
        Instant now = this.clock.instant();
        return customerOrders(storeId, orderIds, email).stream()
                .filter(o -> o.redact(now))
                .toList();
    }

    /**
     * Erases the customer data of the next {@code batch} orders of the store not yet erased (shop/redact), in a
     * transaction of its own: a store with a million orders is erased a batch at a time.
     *
     * @return how many orders were erased; 0 when none is left
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int redactBatch(long storeId, int batch) {
        Instant now = this.clock.instant();
        return (int) this.entityManager
                .createQuery(
                        "select o from ImportedOrder o where o.store.id = :store and "
                                + "o.redactedAt is null order by o.id",
                        ImportedOrder.class)
                .setParameter("store", storeId)
                .setMaxResults(batch)
                .getResultList()
                .stream()
                .filter(o -> o.redact(now))
                .count();
    }
}
