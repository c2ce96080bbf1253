package wms.shopify.orders.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import wms.shopify.stores.entity.Store;

/**
 * A Shopify order as the connector imported it (table {@code shop_order}): the one WMS order of a Shopify order (the
 * database allows one per store and Shopify order id), its state, hold, feed position and customer data, and the
 * rules of its life: every {@link ShopifyOrderSnapshot} read from Shopify is {@link #apply applied} here, whatever
 * topic or sweep brought it and in whatever order. An order the filters refuse, or that a mapping holds back, is decided
 * again on the next read; once the WMS has it (in the feed), only a cancellation, a hold on Shopify or (once accepted)
 * an edit of its lines changes it, each as a feed entry of its own kind.
 */
@Entity
@Table(name = "shop_order")
@NamedQuery(
        name = ImportedOrder.BY_SHOPIFY_ID,
        query = "select o from ImportedOrder o where o.store.id = :store " + "and o.shopifyOrderId = :order")
@NamedQuery(
        name = ImportedOrder.FEED,
        query = "select o from ImportedOrder o join fetch o.store where "
                + "o.feedPending = true and o.feedSeq > :after and o.feedSeq <= :upTo order by o.feedSeq")
@NamedQuery(
        name = ImportedOrder.FEED_OF_STORES,
        query = "select o from ImportedOrder o join fetch o.store where "
                + "o.feedPending = true and o.feedSeq > :after and o.feedSeq <= :upTo and o.store.domain in :stores "
                + "order by o.feedSeq")
@NamedQuery(
        name = ImportedOrder.FEED_OF_WAREHOUSES,
        query = "select o from ImportedOrder o join fetch o.store where "
                + "o.feedPending = true and o.feedSeq > :after and o.feedSeq <= :upTo "
                + "and (:everyStore = true or o.store.domain in :stores) "
                + "and exists (select x.id from ImportedOrder x join x.lines l where x = o "
                + "and l.warehouseCode in :warehouses and not exists (select y.id from ImportedOrder y "
                + "join y.partAcknowledgements a where y = o and a.revision = o.feedSeq "
                + "and a.warehouseCode = l.warehouseCode)) "
                + "order by o.feedSeq")
public class ImportedOrder {

    /**
     * The feed of some warehouses only (and some stores, unless {@code everyStore}), for a WMS API credential limited
     * to them: the entries with a part of one of those warehouses not acknowledged yet.
     */
    public static final String FEED_OF_WAREHOUSES = "ImportedOrder.feedOfWarehouses";

    public static final String BY_SHOPIFY_ID = "ImportedOrder.byShopifyId";
    public static final String FEED = "ImportedOrder.feed";
    /** The feed of some stores only, for a WMS API credential limited to them. */
    public static final String FEED_OF_STORES = "ImportedOrder.feedOfStores";

    @Id
    @Column(name = "id")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "store_id")
    private Store store;

    @Column(name = "shopify_order_id", nullable = false)
    private String shopifyOrderId;

    @Column(name = "name")
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private OrderState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "hold_reason")
    private HoldReason holdReason;

    @Column(name = "state_note")
    private String stateNote;

    @Column(name = "cancel_note")
    private String cancelNote;

    @Column(name = "shopify_created_at")
    private Instant shopifyCreatedAt;

    @Column(name = "shopify_updated_at")
    private Instant shopifyUpdatedAt;

    @Column(name = "financial_status")
    private String financialStatus;

    @Column(name = "fulfillment_status")
    private String fulfillmentStatus;

    @Column(name = "test", nullable = false)
    private boolean test;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    /** Whether Shopify had the order closed at the last read; null when read before V127. */
    @Column(name = "shopify_closed")
    private Boolean shopifyClosed;

    /** The order's tags at the last read ({@link OrderFilterFacts#storedTags}); null when not known. */
    @Column(name = "tags")
    private String tags;

    /** Where the order was placed ({@code sourceName}) at the last read, or null. */
    @Column(name = "sales_channel")
    private String salesChannel;

    @Column(name = "location_id")
    private String locationId;

    @Column(name = "warehouse_code")
    private String warehouseCode;

    @Column(name = "shipping_process_code")
    private String shippingProcessCode;

    @Column(name = "ship_name")
    private String shipName;

    @Column(name = "ship_company")
    private String shipCompany;

    @Column(name = "ship_address1")
    private String shipAddress1;

    @Column(name = "ship_address2")
    private String shipAddress2;

    @Column(name = "ship_city")
    private String shipCity;

    @Column(name = "ship_province")
    private String shipProvince;

    @Column(name = "ship_province_code")
    private String shipProvinceCode;

    @Column(name = "ship_zip")
    private String shipZip;

    @Column(name = "ship_country_code")
    private String shipCountryCode;

    @Column(name = "ship_phone")
    private String shipPhone;

    @Column(name = "contact_email")
    private String contactEmail;

    @Column(name = "contact_phone")
    private String contactPhone;

    @Column(name = "shipping_method")
    private String shippingMethod;

    @Column(name = "shipping_code")
    private String shippingCode;

    @Column(name = "note")
    private String note;

    /** The protected customer fields Shopify withheld at the last read (e.g. "NAME,ADDRESS"), or null. */
    @Column(name = "customer_data_withheld")
    private String customerDataWithheld;

    @Column(name = "redacted_at")
    private Instant redactedAt;

    @Column(name = "feed_seq")
    private Long feedSeq;

    @Enumerated(EnumType.STRING)
    @Column(name = "feed_kind")
    private FeedKind feedKind;

    @Column(name = "feed_pending", nullable = false)
    private boolean feedPending;

    /** When Shopify asked the WMS, as fulfillment service, to cancel the order; null when no request is open. */
    @Column(name = "cancellation_requested_at")
    private Instant cancellationRequestedAt;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "first_seen_at", nullable = false)
    private Instant firstSeenAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_source")
    private String lastSource;

    /** Fulfillment orders moved to another location on Shopify after the WMS took the order: reported, not applied. */
    @Column(name = "move_note")
    private String moveNote;

    /** What the WMS has shipped of it (shipping component): null, PARTIALLY_SHIPPED or SHIPPED. */
    @Column(name = "shipping_state")
    private String shippingState;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "shop_order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<OrderLine> lines = new ArrayList<>();

    /** The hold on Shopify as the order last had it (FulfillmentHoldReason), or null when it is on none. */
    @Column(name = "shopify_hold_reason")
    private String shopifyHoldReason;

    @Column(name = "shopify_hold_notes")
    private String shopifyHoldNotes;

    /** Shopify's fraud recommendation as the order was last read (CANCEL, INVESTIGATE, ACCEPT, NONE), or null. */
    @Column(name = "risk_recommendation")
    private String riskRecommendation;

    /** When the merchant released the order from its risk hold: it is not held for risk again. */
    @Column(name = "risk_released_at")
    private Instant riskReleasedAt;

    @Column(name = "risk_released_by")
    private String riskReleasedBy;

    /** The WMS's answer to the cancellation entry, once given; null before (or when it had none to answer). */
    @Enumerated(EnumType.STRING)
    @Column(name = "cancellation_answer")
    private CancellationAnswer cancellationAnswer;

    @Column(name = "cancellation_reason")
    private String cancellationReason;

    @Column(name = "cancellation_answered_at")
    private Instant cancellationAnsweredAt;

    /** What had shipped when the WMS answered the cancellation "too late". */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "shop_order_shipped_before_cancel", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<ShippedUnits> shippedBeforeCancel = new ArrayList<>();

    /** The units ordered per line item as the order's latest entry gave them to the WMS. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "shop_order_ordered_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<OrderedUnits> ordered = new ArrayList<>();

    /** The units ordered per line item as the WMS acknowledged them (its ORDER, then each CHANGE it accepted). */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "shop_order_given_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<OrderedUnits> given = new ArrayList<>();

    /** Why the WMS rejected the latest change (already shipped...), or null. */
    @Column(name = "change_rejection")
    private String changeRejection;

    @Column(name = "change_rejected_at")
    private Instant changeRejectedAt;

    /** The kind of the entry an applied read asks for, when not the state's own (HOLD, RELEASE, CHANGE). */
    @jakarta.persistence.Transient
    private FeedKind nextKind;

    /** Units Shopify assigned to another app's fulfillment service location: listed, never the WMS's to ship. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "shop_order_another_app_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<AnotherAppLine> anotherAppLines = new ArrayList<>();

    /**
     * The units at the WMS's own service locations not requested of the service (fulfillment-service mode): demand,
     * not lines; replaced on every read of the order.
     */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "shop_order_awaiting_request", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<AwaitingUnits> awaitingRequest = new ArrayList<>();

    /** The parts of the current entry acknowledged so far, when the order ships from several warehouses. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "shop_order_part_ack", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<PartAcknowledgement> partAcknowledgements = new ArrayList<>();

    @Version
    @Column(name = "version")
    private long version;

    /** Changed by every applied read: which read of the order was applied last. */
    public long version() {
        return this.version;
    }

    protected ImportedOrder() {
        // for JPA; rows are inserted by the import's insert-if-absent, which the unique constraint makes safe
    }

    /** What applying a read of the order changed, so that the caller knows what to do next. */
    public enum Change {
        /** Nothing the WMS or the merchant sees. */
        NONE(false),
        /** The filters refuse it (now). */
        FILTERED(false),
        /** Held back with a reason. */
        HELD(false),
        /** Every unit is at another app's fulfillment service location: not handed to the WMS. */
        ANOTHER_APP(false),
        /** Put into the feed, or changed there before the WMS acknowledged it: needs a new feed position. */
        TO_FEED(true),
        /** Cancelled before the WMS had it: no feed entry. */
        CANCELLED(false),
        /** Cancelled while the WMS has it and before it shipped: a cancellation entry in the feed. */
        CANCELLATION_TO_FEED(true),
        /** Cancelled on Shopify after shipping began: reported, not applied. */
        CANCELLATION_REPORTED(false),
        /** Put on hold on Shopify after the WMS accepted it: a hold entry in the feed. */
        HOLD_TO_FEED(true),
        /** Its hold on Shopify released after the WMS accepted it: a release entry in the feed. */
        RELEASE_TO_FEED(true),
        /** Put on hold on Shopify before the WMS acknowledged it: taken out of the feed, held. */
        LEFT_FEED(false),
        /** Its lines changed on Shopify (an edit) after the WMS accepted it: a change entry in the feed. */
        CHANGE_TO_FEED(true),
        /** The read was older than what is known: ignored. */
        STALE(false);

        private final boolean needsFeedPosition;

        Change(boolean needsFeedPosition) {
            this.needsFeedPosition = needsFeedPosition;
        }

        public boolean needsFeedPosition() {
            return this.needsFeedPosition;
        }
    }

    /**
     * Applies the order's current state as read from Shopify.
     *
     * @param plan the lines and warehouse the WMS would get, or why it is held
     * @return what changed; when it {@linkplain Change#needsFeedPosition needs a feed position} the caller gives one
     *         with {@link #enterFeed}
     */
    public Change apply(ShopifyOrderSnapshot order, OrderFilters filters, OrderPlan plan, Instant now, String source) {
        if (!this.shopifyOrderId.equals(order.id())) {
            throw new IllegalArgumentException(order.id() + " is not " + this.shopifyOrderId);
        }
        if (this.shopifyUpdatedAt != null
                && order.updatedAt() != null
                && order.updatedAt().isBefore(this.shopifyUpdatedAt)) {
            return Change.STALE;
        }
        takeFacts(order, now, source);
        if (!this.awaitingRequest.equals(plan.awaitingRequest())) {
            this.awaitingRequest.clear();
            this.awaitingRequest.addAll(plan.awaitingRequest());
        }
        if (order.cancelledAt() != null) {
            return cancel(order);
        }
        Optional<ShopifyOrderSnapshot.Hold> hold = order.hold();
        if (this.state == OrderState.ACCEPTED) {
            // The WMS has it: only a hold, an edit of its lines or a cancellation changes it, one entry at a time
            // (a hold and an edit read together: the edit is the entry of the next read).
            Change held = holdOfAccepted(hold.orElse(null));
            return held != Change.NONE ? held : changeOfAccepted(order, plan);
        }
        if (this.state == OrderState.CANCELLED) {
            return Change.NONE;
        }
        Optional<String> refusal = filters.refusal(order);
        if (refusal.isEmpty() && plan.hold() == null && plan.allAnotherApps() && this.state != OrderState.READY) {
            // A decision, not a fault: that app ships it. Decided again on every read (a move brings it back).
            takePlan(plan);
            boolean changed = this.state != OrderState.ANOTHER_APP;
            this.state = OrderState.ANOTHER_APP;
            this.holdReason = null;
            this.stateNote =
                    OrderPlan.bounded("Not handed to the WMS: every unit is " + plan.anotherAppNote() + ".", 1000);
            return changed ? Change.ANOTHER_APP : Change.NONE;
        }
        if (refusal.isEmpty() && plan.lines().isEmpty()) {
            refusal = Optional.of("nothing left to ship");
        }
        boolean risky = refusal.isEmpty() && holdsForRisk(filters);
        if (this.state == OrderState.READY && risky && hold.isEmpty()) {
            // Shopify's assessment often comes after the order: not the WMS's yet, so it leaves the feed.
            takePlan(plan);
            holdForRisk();
            this.feedPending = false;
            this.feedSeq = null;
            this.feedKind = null;
            return Change.LEFT_FEED;
        }
        if (this.state == OrderState.READY && hold.isPresent()) {
            // Not the WMS's yet: a hold on Shopify takes it out of the feed until released there.
            takePlan(plan);
            holdAtShopify(hold.get());
            this.feedPending = false;
            this.feedSeq = null;
            this.feedKind = null;
            return Change.LEFT_FEED;
        }
        if (this.state == OrderState.READY) {
            // Handed over: a later filter change does not take it back, but lines changed before the WMS
            // acknowledged it are sent again (unless they can no longer be mapped: the WMS keeps what it had).
            if (refusal.isPresent() || plan.hold() != null || sameAsFeed(plan) || partlyAcknowledged()) {
                // Once a warehouse took its part, the order's lines stay as the warehouses were given them (as
                // for an accepted order): its shipments are measured against them.
                return Change.NONE;
            }
            takePlan(plan);
            this.ordered.clear();
            this.ordered.addAll(orderedNow(order, plan));
            return Change.TO_FEED;
        }
        if (refusal.isPresent()) {
            this.state = OrderState.FILTERED;
            this.holdReason = null;
            this.stateNote = OrderPlan.bounded("Not imported: " + refusal.get() + ".", 1000);
            // Shopify committed the units of an open order whether or not the WMS is to ship it: they stay demand.
            takePlan(plan);
            return Change.FILTERED;
        }
        takePlan(plan);
        if (plan.hold() != null) {
            this.state = OrderState.HELD;
            this.holdReason = plan.hold();
            this.stateNote = plan.holdNote();
            return Change.HELD;
        }
        if (risky) {
            holdForRisk();
            return Change.HELD;
        }
        if (hold.isPresent()) {
            holdAtShopify(hold.get());
            return Change.HELD;
        }
        this.shopifyHoldReason = null;
        this.shopifyHoldNotes = null;
        this.ordered.clear();
        this.ordered.addAll(orderedNow(order, plan));
        this.state = OrderState.READY;
        this.holdReason = null;
        this.stateNote = null;
        return Change.TO_FEED;
    }

    /** Whether the store's risk hold holds the order now: Shopify's recommendation, unless the merchant released it. */
    private boolean holdsForRisk(OrderFilters filters) {
        return this.riskReleasedAt == null && filters.riskHold().holds(this.riskRecommendation);
    }

    private void holdForRisk() {
        this.state = OrderState.HELD;
        this.holdReason = HoldReason.HIGH_RISK;
        this.stateNote = OrderPlan.bounded(
                "Held for risk: Shopify recommends " + riskText() + ". It goes to the WMS once Shopify's "
                        + "recommendation changes or you release it.",
                1000);
    }

    /** Shopify's recommendation in the merchant's words, e.g. "cancelling it (CANCEL)"; null before it was read. */
    public String riskText() {
        if (this.riskRecommendation == null) {
            return null;
        }
        String words = switch (this.riskRecommendation) {
            case "CANCEL" -> "cancelling it";
            case "INVESTIGATE" -> "investigating it";
            case "ACCEPT" -> "fulfilling it";
            default -> "no action";
        };
        return words + " (" + this.riskRecommendation + ")";
    }

    public String riskRecommendation() {
        return this.riskRecommendation;
    }

    public Instant riskReleasedAt() {
        return this.riskReleasedAt;
    }

    public String riskReleasedBy() {
        return this.riskReleasedBy;
    }

    /**
     * The merchant releases the order from its risk hold: it is not held for risk again, whatever Shopify recommends
     * later. The caller reads the order again, which decides it.
     *
     * @return false when it is not held for risk (nothing changed)
     */
    public boolean releaseRisk(Instant at, String by) {
        if (this.state != OrderState.HELD || this.holdReason != HoldReason.HIGH_RISK) {
            return false;
        }
        this.riskReleasedAt = at;
        this.riskReleasedBy = OrderPlan.bounded(by, 128);
        return true;
    }

    private void holdAtShopify(ShopifyOrderSnapshot.Hold hold) {
        this.state = OrderState.HELD;
        this.holdReason = HoldReason.ON_HOLD_AT_SHOPIFY;
        this.shopifyHoldReason = OrderPlan.bounded(hold.reason(), 64);
        this.shopifyHoldNotes = OrderPlan.bounded(hold.reasonNotes(), 1000);
        this.stateNote =
                OrderPlan.bounded("On hold on Shopify: " + holdText() + ". It goes to the WMS once released.", 1000);
    }

    /**
     * A hold placed or released on Shopify after the WMS accepted the order: a feed entry when it differs from what
     * the WMS was last told, so a duplicate or late signal of the same state changes nothing.
     */
    private Change holdOfAccepted(ShopifyOrderSnapshot.Hold hold) {
        String reason = hold == null ? null : OrderPlan.bounded(hold.reason(), 64);
        String notes = hold == null ? null : OrderPlan.bounded(hold.reasonNotes(), 1000);
        if (Objects.equals(reason, this.shopifyHoldReason) && Objects.equals(notes, this.shopifyHoldNotes)) {
            return Change.NONE;
        }
        this.shopifyHoldReason = reason;
        this.shopifyHoldNotes = notes;
        if (hold != null) {
            this.stateNote =
                    OrderPlan.bounded("On hold on Shopify: " + holdText() + ". The WMS is told to stop (feed).", 1000);
            this.nextKind = FeedKind.HOLD;
            return Change.HOLD_TO_FEED;
        }
        this.stateNote = "Hold released on Shopify: the WMS is told to carry on (feed).";
        this.nextKind = FeedKind.RELEASE;
        return Change.RELEASE_TO_FEED;
    }

    /**
     * Lines edited on Shopify after the WMS accepted the order: a change entry when what is ordered now differs from
     * what the WMS was last given, so a duplicate or late signal of the same edit changes nothing, and a change the
     * WMS rejected is not sent again until the order changes once more. Fulfillments do not count: they change what
     * remains to ship, not what is ordered.
     */
    private Change changeOfAccepted(ShopifyOrderSnapshot order, OrderPlan plan) {
        List<OrderedUnits> now = orderedNow(order, plan);
        // Fulfillment-service mode: a fulfillment order requested of the WMS after it accepted the order (a line the
        // merchant added, a fulfillment order moved onto its location) reaches it as a change carrying those lines,
        // whose acknowledgement accepts the request; once sent, the same request read again is not news.
        boolean newRequest = plan.requestPending() && plan.hold() == null && !this.lines.equals(plan.lines());
        if (this.ordered.isEmpty() && this.given.isEmpty()) {
            // Accepted before edits were followed: what it has now is what the WMS has.
            this.ordered.addAll(now);
            this.given.addAll(now);
            if (!newRequest) {
                return Change.NONE;
            }
        }
        if (LineChange.between(this.ordered, now).isEmpty() && !newRequest) {
            return Change.NONE;
        }
        if (plan.hold() != null) {
            this.stateNote = OrderPlan.bounded(
                    "Changed on Shopify, not sent to the WMS: " + plan.holdNote() + " Fix it and it goes on the next"
                            + " update of the order.",
                    1000);
            return Change.NONE;
        }
        this.ordered.clear();
        this.ordered.addAll(now);
        takePlan(plan);
        this.changeRejection = null;
        this.changeRejectedAt = null;
        this.stateNote = OrderPlan.bounded(
                newRequest
                        ? "Fulfillment requested of the WMS again on Shopify after it accepted the order"
                                + (changes().isEmpty() ? "" : " (" + changesText() + ")")
                                + ": sent as a change; its acknowledgement accepts the request (feed)."
                        : "Changed on Shopify after the WMS accepted it: " + changesText() + " (feed).",
                1000);
        this.nextKind = FeedKind.CHANGE;
        return Change.CHANGE_TO_FEED;
    }

    /**
     * What is ordered now per line item that ships ({@code currentQuantity}), with its WMS product: from the plan's
     * line of that item, else as the WMS was given it (a line removed has no plan line left).
     */
    private List<OrderedUnits> orderedNow(ShopifyOrderSnapshot order, OrderPlan plan) {
        Map<String, String> products = new java.util.HashMap<>();
        this.given.forEach(g -> products.put(g.lineItemId(), g.productCode()));
        this.ordered.forEach(g -> products.put(g.lineItemId(), g.productCode()));
        plan.lines().stream()
                .filter(l -> l.productCode() != null)
                .forEach(l -> products.put(l.lineItemId(), l.productCode()));
        List<OrderedUnits> now = new ArrayList<>();
        for (ShopifyOrderSnapshot.Line line : order.lines()) {
            if (line.requiresShipping() && (line.currentQuantity() > 0 || products.containsKey(line.lineItemId()))) {
                now.add(new OrderedUnits(
                        line.lineItemId(), products.get(line.lineItemId()), Math.max(0, line.currentQuantity())));
            }
        }
        return now;
    }

    /** The lines changed since the WMS was given the order: what a CHANGE entry says. */
    public List<LineChange> changes() {
        return LineChange.between(this.given, this.ordered);
    }

    /** "W-SHIRT 2 → 3, W-MUG removed (1), W-HAT added (1)": the changes in a line. */
    public String changesText() {
        return changes().stream()
                .map(c -> switch (c.kind()) {
                    case ADDED -> c.productCode() + " added (" + c.newQuantity() + ")";
                    case REMOVED -> c.productCode() + " removed (" + c.oldQuantity() + ")";
                    case CHANGED -> c.productCode() + " " + c.oldQuantity() + " → " + c.newQuantity();
                })
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public String changeRejection() {
        return this.changeRejection;
    }

    public Instant changeRejectedAt() {
        return this.changeRejectedAt;
    }

    /**
     * The WMS rejects the change entry at {@code revision} (already shipped, say): the entry leaves the feed, the WMS
     * keeps the order as it was given, and the rejection is kept to be shown. The first answer stands.
     */
    public Answer rejectChange(long revision, String reason, Instant at) {
        if (this.feedSeq == null || revision != this.feedSeq) {
            return Answer.OUTDATED;
        }
        if (this.feedKind != FeedKind.CHANGE) {
            return Answer.WRONG_KIND;
        }
        if (!this.feedPending) {
            return Objects.equals(reason, this.changeRejection) ? Answer.ALREADY : Answer.ANSWERED_OTHERWISE;
        }
        this.feedPending = false;
        this.acknowledgedAt = at;
        this.changeRejection = OrderPlan.bounded(reason, 1000);
        this.changeRejectedAt = at;
        this.updatedAt = at;
        this.stateNote = OrderPlan.bounded(
                "Changed on Shopify (" + changesText() + "); the WMS rejected the change: " + reason + ".", 1000);
        return Answer.DONE;
    }

    /**
     * The change the WMS rejected carried fulfillment requests it rejected on Shopify too (fulfillment-service mode):
     * their lines leave the order's (the WMS keeps the order as it was given; a request made again on Shopify comes
     * as a new change), and the note says so with Shopify's reason. Called right after {@link #rejectChange} answered
     * DONE.
     *
     * @param rejection Shopify's reason, with the merchant's message when there is one
     */
    public void requestsRejected(List<RejectedFulfillmentOrder> rejected, String rejection) {
        if (rejected.isEmpty()) {
            return;
        }
        for (RejectedFulfillmentOrder request : rejected) {
            request.unitsByLineItem().forEach((lineItemId, units) -> {
                for (java.util.Iterator<OrderLine> it = this.lines.iterator(); it.hasNext(); ) {
                    OrderLine line = it.next();
                    if (line.lineItemId().equals(lineItemId)
                            && Objects.equals(line.locationId(), request.locationId())
                            && line.quantity() == units) {
                        it.remove();
                        break;
                    }
                }
            });
        }
        this.stateNote = OrderPlan.bounded(
                "Fulfillment requested of the WMS again on Shopify"
                        + (changes().isEmpty() ? "" : " (" + changesText() + ")") + "; the WMS rejected it ("
                        + this.changeRejection + "), and the request was rejected on Shopify: " + rejection + ".",
                1000);
    }

    /** "HIGH_RISK_OF_FRAUD (the card was declined twice)": the hold on Shopify in a line, or null when none. */
    public String holdText() {
        if (this.shopifyHoldReason == null) {
            return null;
        }
        return this.shopifyHoldReason
                + (this.shopifyHoldNotes == null || this.shopifyHoldNotes.isBlank()
                        ? ""
                        : " (" + this.shopifyHoldNotes + ")");
    }

    public String shopifyHoldReason() {
        return this.shopifyHoldReason;
    }

    public String shopifyHoldNotes() {
        return this.shopifyHoldNotes;
    }

    private Change cancel(ShopifyOrderSnapshot order) {
        switch (this.state) {
            case CANCELLED -> {
                return Change.NONE;
            }
            case READY, ACCEPTED -> {
                if (order.shipped()) {
                    if (this.cancelNote != null) {
                        return Change.NONE;
                    }
                    this.cancelNote = "Cancelled on Shopify after shipping had begun (" + order.fulfillmentStatus()
                            + "): reported, not applied to the WMS order.";
                    return Change.CANCELLATION_REPORTED;
                }
                this.state = OrderState.CANCELLED;
                this.holdReason = null;
                this.stateNote = "Cancelled on Shopify; the WMS is told through the feed.";
                return Change.CANCELLATION_TO_FEED;
            }
            default -> {
                this.state = OrderState.CANCELLED;
                this.holdReason = null;
                this.stateNote = "Cancelled on Shopify before it reached the WMS.";
                this.lines.clear();
                return Change.CANCELLED;
            }
        }
    }

    private void takeFacts(ShopifyOrderSnapshot order, Instant now, String source) {
        this.name = OrderPlan.bounded(order.name(), 64);
        this.shopifyCreatedAt = order.createdAt();
        this.shopifyUpdatedAt = order.updatedAt();
        this.financialStatus = OrderPlan.bounded(order.financialStatus(), 32);
        this.fulfillmentStatus = OrderPlan.bounded(order.fulfillmentStatus(), 32);
        this.test = order.test();
        this.cancelledAt = order.cancelledAt();
        // What else the filters look at, kept for their preview (FilterPreviews); tags not after an erasure.
        this.shopifyClosed = order.closed();
        this.salesChannel = b(order.salesChannel());
        if (this.redactedAt == null) {
            this.tags = OrderFilterFacts.storedTags(order.tags());
        }
        if (order.riskRecommendation() != null) {
            this.riskRecommendation = OrderPlan.bounded(order.riskRecommendation(), 16);
        }
        this.updatedAt = now;
        this.lastSource = OrderPlan.bounded(source, 64);
        if (this.redactedAt == null) {
            takeContact(order);
        }
    }

    private void takeContact(ShopifyOrderSnapshot order) {
        ShopifyOrderSnapshot.ShipTo to = order.shipTo();
        this.shipName = to == null ? null : b(to.name());
        this.shipCompany = to == null ? null : b(to.company());
        this.shipAddress1 = to == null ? null : b(to.address1());
        this.shipAddress2 = to == null ? null : b(to.address2());
        this.shipCity = to == null ? null : b(to.city());
        this.shipProvince = to == null ? null : b(to.province());
        this.shipProvinceCode = to == null ? null : OrderPlan.bounded(to.provinceCode(), 16);
        this.shipZip = to == null ? null : OrderPlan.bounded(to.zip(), 32);
        this.shipCountryCode = to == null ? null : OrderPlan.bounded(to.countryCode(), 8);
        this.shipPhone = to == null ? null : OrderPlan.bounded(to.phone(), 64);
        this.contactEmail = b(order.email());
        this.contactPhone = OrderPlan.bounded(order.phone(), 64);
        this.shippingMethod = b(order.shippingMethod());
        this.shippingCode = b(order.shippingCode());
        this.note = OrderPlan.bounded(order.note(), 5000);
        this.customerDataWithheld = order.withheld().isEmpty()
                ? null
                : order.withheld().stream().map(Enum::name).collect(java.util.stream.Collectors.joining(","));
    }

    /** The protected customer fields Shopify withheld from the connector when it last read the order. */
    public java.util.Set<ShopifyOrderSnapshot.CustomerField> customerDataWithheld() {
        if (this.customerDataWithheld == null || this.customerDataWithheld.isBlank()) {
            return java.util.Set.of();
        }
        java.util.Set<ShopifyOrderSnapshot.CustomerField> fields =
                java.util.EnumSet.noneOf(ShopifyOrderSnapshot.CustomerField.class);
        for (String name : this.customerDataWithheld.split(",")) {
            fields.add(ShopifyOrderSnapshot.CustomerField.valueOf(name.trim()));
        }
        return fields;
    }

    /** "address withheld by Shopify: request protected customer data access" and the like, or null. */
    public String customerDataNote() {
        return ShopifyOrderSnapshot.CustomerField.note(customerDataWithheld());
    }

    private static String b(String text) {
        return OrderPlan.bounded(text, 255);
    }

    private void takePlan(OrderPlan plan) {
        this.lines.clear();
        this.lines.addAll(plan.lines());
        this.anotherAppLines.clear();
        this.anotherAppLines.addAll(plan.anotherApps());
        this.locationId = plan.destination() == null ? null : plan.destination().locationId();
        this.warehouseCode =
                plan.destination() == null ? null : plan.destination().warehouseCode();
        this.shippingProcessCode =
                plan.destination() == null ? null : plan.destination().shippingProcessCode();
    }

    private boolean sameAsFeed(OrderPlan plan) {
        return this.lines.equals(plan.lines())
                && this.anotherAppLines.equals(plan.anotherApps())
                && plan.destination() != null
                && Objects.equals(this.warehouseCode, plan.destination().warehouseCode())
                && Objects.equals(this.shippingProcessCode, plan.destination().shippingProcessCode());
    }

    /** Gives the order its new place in the feed: the WMS sees it (again) from this position on. */
    public void enterFeed(long seq) {
        this.feedSeq = seq;
        this.feedKind = this.nextKind != null
                ? this.nextKind
                : this.state == OrderState.CANCELLED ? FeedKind.CANCELLATION : FeedKind.ORDER;
        this.nextKind = null;
        this.feedPending = true;
        this.partAcknowledgements.clear(); // a new entry: every part acknowledges it anew
    }

    /**
     * A fulfillment order of the order was moved to another location on Shopify. Before the WMS took the order, the
     * order's next read re-routes it; once the WMS has it, the move is only reported here (the warehouse may have
     * started; its shipment is taken from wherever Shopify has the units then).
     *
     * @return whether this is news to report (the WMS has the order and this move was not noted yet)
     */
    public boolean movedAfterHandover(String locationName, Instant at) {
        if (this.state != OrderState.ACCEPTED) {
            return false;
        }
        String note = OrderPlan.bounded("Moved to " + locationName + " on Shopify after the WMS took it.", 1000);
        if (note.equals(this.moveNote)) {
            return false;
        }
        this.moveNote = note;
        this.updatedAt = at;
        return true;
    }

    /** The last move on Shopify after the WMS took the order, for the Orders page, or null. */
    public String moveNote() {
        return this.moveNote;
    }

    /**
     * The warehouses the order's lines ship from, in the order of its lines: its parts. One for most orders; more
     * makes each feed entry one per warehouse.
     */
    public List<String> warehouses() {
        List<String> codes = OrderPlan.warehousesOf(this.lines);
        return codes.isEmpty() && this.warehouseCode != null ? List.of(this.warehouseCode) : codes;
    }

    /** Whether the order ships from several warehouses: each entry is one per warehouse, acknowledged on its own. */
    public boolean parted() {
        return warehouses().size() > 1;
    }

    /** The order's lines that ship from this warehouse (its part). */
    public List<OrderLine> linesOf(String warehouse) {
        return this.lines.stream()
                .filter(l -> Objects.equals(warehouse, l.warehouseCode()))
                .toList();
    }

    /** Whether the warehouse acknowledged its part of the current entry. */
    public boolean partAcknowledged(String warehouse) {
        return this.feedSeq != null && this.partAcknowledgements.stream().anyMatch(a -> a.of(warehouse, this.feedSeq));
    }

    private boolean partlyAcknowledged() {
        return this.feedPending
                && this.feedKind == FeedKind.ORDER
                && this.feedSeq != null
                && this.partAcknowledgements.stream().anyMatch(a -> a.revision() == this.feedSeq);
    }

    /** The parts of the current entry still waiting for their warehouse's acknowledgement (none once it left). */
    public List<String> pendingParts() {
        if (!this.feedPending) {
            return List.of();
        }
        return warehouses().stream().filter(w -> !partAcknowledged(w)).toList();
    }

    /**
     * Whether a warehouse may ship its part: the order is accepted, or that part of its entry to ship was
     * acknowledged while another warehouse's is still waiting.
     */
    public boolean shippableFrom(String warehouse) {
        return this.state == OrderState.ACCEPTED
                || (this.state == OrderState.READY
                        && this.feedKind == FeedKind.ORDER
                        && warehouse != null
                        && partAcknowledged(warehouse));
    }

    /**
     * What is wrong with naming this warehouse (or none) in an acknowledgement of the order, in the WMS's words;
     * empty when it is right: an order of several warehouses needs one of them named, an order of one warehouse takes
     * its own or none.
     */
    public Optional<String> partProblem(String warehouse) {
        List<String> parts = warehouses();
        String name = this.name == null ? String.valueOf(this.id) : this.name;
        if (warehouse == null) {
            return parts.size() > 1
                    ? Optional.of("is required: order " + name + " ships from " + String.join(" and ", parts)
                            + ", one entry per warehouse; name the warehouse whose entry this is")
                    : Optional.empty();
        }
        if (!parts.contains(warehouse)) {
            return Optional.of("'" + warehouse + "' is not a warehouse of order " + name + " (it ships from "
                    + (parts.isEmpty() ? "none yet" : String.join(", ", parts)) + ")");
        }
        return Optional.empty();
    }

    /** The outcome of an acknowledgement. */
    public enum Ack {
        /** Acknowledged now. */
        DONE,
        /** That revision was acknowledged before: nothing to do. */
        ALREADY,
        /** The order changed since that revision: the feed has the newer one. */
        OUTDATED
    }

    /** The WMS acknowledges a revision (feed position) of this order, which ships from one warehouse. */
    public Ack acknowledge(long revision, Instant at) {
        return acknowledge(revision, null, at);
    }

    /**
     * A warehouse acknowledges its part of the entry at a revision (feed position). The entry leaves the feed, and
     * its kind takes effect (an order accepted, a change taken...), once every part is acknowledged; for an order of
     * one warehouse that is at once. Check the warehouse with {@link #partProblem} first.
     *
     * @param warehouse the part's warehouse; null for an order of one warehouse
     */
    public Ack acknowledge(long revision, String warehouse, Instant at) {
        if (this.feedSeq == null || revision != this.feedSeq) {
            return Ack.OUTDATED;
        }
        if (!this.feedPending) {
            return Ack.ALREADY;
        }
        if (warehouse != null && parted()) {
            if (partAcknowledged(warehouse)) {
                return Ack.ALREADY;
            }
            this.partAcknowledgements.add(new PartAcknowledgement(warehouse, revision, at));
            this.updatedAt = at;
            if (!pendingParts().isEmpty()) {
                return Ack.DONE; // the other warehouses' parts are still in the feed
            }
        }
        this.feedPending = false;
        this.acknowledgedAt = at;
        if (this.feedKind == FeedKind.ORDER || this.feedKind == FeedKind.CHANGE) {
            this.stateNote = this.feedKind == FeedKind.CHANGE
                    ? OrderPlan.bounded("Changed on Shopify; the WMS accepted the change: " + changesText() + ".", 1000)
                    : null;
            this.state = OrderState.ACCEPTED;
            this.given.clear();
            this.given.addAll(this.ordered);
        } else if (this.feedKind == FeedKind.HOLD || this.feedKind == FeedKind.RELEASE) {
            this.stateNote = this.feedKind == FeedKind.HOLD
                    ? OrderPlan.bounded("On hold on Shopify: " + holdText() + ". The WMS acknowledged the hold.", 1000)
                    : "Hold released on Shopify; the WMS acknowledged the release.";
        } else if (this.feedKind == FeedKind.CANCELLATION_REQUEST) {
            this.stateNote = "The WMS saw Shopify's cancellation request; its answer is awaited.";
        } else {
            this.stateNote = "Cancelled on Shopify; the WMS acknowledged the cancellation.";
            takeCancellationAnswer(CancellationAnswer.CANCELLED, List.of(), null, at);
        }
        return Ack.DONE;
    }

    /** The outcome of the WMS's answer to a cancellation. */
    public enum Answer {
        /** Recorded now. */
        DONE,
        /** The same answer was given before: nothing to do. */
        ALREADY,
        /** The order moved past that revision. */
        OUTDATED,
        /** The entry at that revision is not of the kind answered: acknowledge it instead. */
        WRONG_KIND,
        /** Another answer was given before (or the entry was acknowledged, which means cancelled): it stands. */
        ANSWERED_OTHERWISE
    }

    /**
     * The WMS answers the cancellation entry at {@code revision}: cancelled, or too late with what had shipped. The
     * answer also acknowledges the entry; the first answer stands, and the same answer again is harmless.
     *
     * @param shipped what had shipped (only with {@link CancellationAnswer#TOO_LATE}), checked before against
     *        {@link #unitsOf}
     */
    public Answer answerCancellation(
            long revision, CancellationAnswer answer, List<ShippedUnits> shipped, String reason, Instant at) {
        if (this.feedSeq == null || revision != this.feedSeq) {
            return Answer.OUTDATED;
        }
        if (this.feedKind != FeedKind.CANCELLATION) {
            return Answer.WRONG_KIND;
        }
        if (!this.feedPending) {
            // Answered before; an entry acknowledged before answers were recorded counts as cancelled.
            CancellationAnswer earlier =
                    this.cancellationAnswer == null ? CancellationAnswer.CANCELLED : this.cancellationAnswer;
            boolean same = earlier == answer
                    && this.shippedBeforeCancel.equals(shipped)
                    && Objects.equals(this.cancellationReason, reason);
            return same ? Answer.ALREADY : Answer.ANSWERED_OTHERWISE;
        }
        this.feedPending = false;
        this.acknowledgedAt = at;
        takeCancellationAnswer(answer, shipped, reason, at);
        this.stateNote = OrderPlan.bounded(
                answer == CancellationAnswer.CANCELLED
                        ? "Cancelled on Shopify; the WMS cancelled its order."
                                + (reason == null ? "" : " (" + reason + ")")
                        : "Cancelled on Shopify too late: the WMS had shipped " + shippedText() + " (" + reason + ").",
                1000);
        return Answer.DONE;
    }

    private void takeCancellationAnswer(
            CancellationAnswer answer, List<ShippedUnits> shipped, String reason, Instant at) {
        this.cancellationAnswer = answer;
        this.cancellationReason = OrderPlan.bounded(reason, 1000);
        this.cancellationAnsweredAt = at;
        this.shippedBeforeCancel.clear();
        this.shippedBeforeCancel.addAll(shipped);
        this.updatedAt = at;
    }

    /** How many units of a WMS product the order's lines hold (as the WMS had them); 0 when none. */
    public int unitsOf(String productCode) {
        return this.lines.stream()
                .filter(l -> productCode.equals(l.productCode()))
                .mapToInt(OrderLine::quantity)
                .sum();
    }

    /** "2 × W-MUG, 1 × W-SHIRT": what had shipped when the WMS answered "too late". */
    public String shippedText() {
        return this.shippedBeforeCancel.stream()
                .map(ShippedUnits::toString)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public CancellationAnswer cancellationAnswer() {
        return this.cancellationAnswer;
    }

    public String cancellationReason() {
        return this.cancellationReason;
    }

    public Instant cancellationAnsweredAt() {
        return this.cancellationAnsweredAt;
    }

    public List<ShippedUnits> shippedBeforeCancel() {
        return List.copyOf(this.shippedBeforeCancel);
    }

    /**
     * The units Shopify took off sale for this order that the WMS has not allocated yet, per inventory item and
     * location: the lines of an order held or in the feed unacknowledged; once the WMS accepted it, only the units an
     * edit added that it has not taken (a change not acknowledged, or rejected); nothing when it is cancelled. In
     * fulfillment-service mode, whatever its state, the units at the WMS's service locations not requested of it too.
     */
    public List<OrderDemand.Line> demand() {
        Map<List<String>, Long> quantities = new LinkedHashMap<>();
        if (this.state != OrderState.CANCELLED) {
            for (AwaitingUnits units : this.awaitingRequest) {
                quantities.merge(
                        List.of(units.inventoryItemId(), units.locationId()), (long) units.quantity(), Long::sum);
            }
        }
        if (this.state == OrderState.ACCEPTED) {
            // The WMS allocated what it was given; units an edit added since are Shopify's until it takes the change.
            for (LineChange change : changes()) {
                int added = change.newQuantity() - change.oldQuantity();
                this.lines.stream()
                        .filter(l -> l.lineItemId().equals(change.lineItemId()))
                        .filter(l -> l.inventoryItemId() != null && l.locationId() != null)
                        .findFirst()
                        .filter(l -> added > 0)
                        .ifPresent(l -> quantities.merge(
                                List.of(l.inventoryItemId(), l.locationId()), (long) added, Long::sum));
            }
        } else if (this.state != OrderState.FILTERED
                && this.state != OrderState.HELD
                && this.state != OrderState.READY) {
            return asLines(quantities);
        }
        for (OrderLine line : this.state == OrderState.ACCEPTED ? List.<OrderLine>of() : this.lines) {
            if (this.state == OrderState.READY
                    && this.feedKind == FeedKind.ORDER
                    && line.warehouseCode() != null
                    && partAcknowledged(line.warehouseCode())) {
                continue; // that warehouse took its part: allocating it is the WMS's
            }
            if (line.inventoryItemId() != null && line.locationId() != null && line.quantity() > 0) {
                quantities.merge(List.of(line.inventoryItemId(), line.locationId()), (long) line.quantity(), Long::sum);
            }
        }
        return asLines(quantities);
    }

    private static List<OrderDemand.Line> asLines(Map<List<String>, Long> quantities) {
        List<OrderDemand.Line> demand = new ArrayList<>();
        quantities.forEach((key, quantity) -> demand.add(new OrderDemand.Line(key.get(0), key.get(1), quantity)));
        return demand;
    }

    /**
     * What the order keeps of the customer, in the merchant's words, for a privacy data request: the shipping
     * name, shipping address, e-mail, phone and note when present; nothing once redacted.
     */
    public List<String> personalData() {
        List<String> held = new ArrayList<>();
        if (present(this.shipName)) {
            held.add("name");
        }
        if (present(
                this.shipCompany,
                this.shipAddress1,
                this.shipAddress2,
                this.shipCity,
                this.shipProvince,
                this.shipProvinceCode,
                this.shipZip,
                this.shipCountryCode)) {
            held.add("shipping address");
        }
        if (present(this.contactEmail)) {
            held.add("e-mail");
        }
        if (present(this.contactPhone, this.shipPhone)) {
            held.add("phone");
        }
        if (present(this.note)) {
            held.add("note");
        }
        return held;
    }

    private static boolean present(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** Forgets the customer's data (compliance redaction); what the WMS needs to know about the goods stays. */
    public boolean redact(Instant at) {
        if (this.redactedAt != null) {
            return false;
        }
        this.shipName = null;
        this.shipCompany = null;
        this.shipAddress1 = null;
        this.shipAddress2 = null;
        this.shipCity = null;
        this.shipProvince = null;
        this.shipProvinceCode = null;
        this.shipZip = null;
        this.shipCountryCode = null;
        this.shipPhone = null;
        this.contactEmail = null;
        this.contactPhone = null;
        this.note = null;
        this.tags = null;
        this.redactedAt = at;
        return true;
    }

    public Long id() {
        return this.id;
    }

    public Store store() {
        return this.store;
    }

    public String shopifyOrderId() {
        return this.shopifyOrderId;
    }

    public String name() {
        return this.name;
    }

    public OrderState state() {
        return this.state;
    }

    public HoldReason holdReason() {
        return this.holdReason;
    }

    public String stateNote() {
        return this.stateNote;
    }

    public String cancelNote() {
        return this.cancelNote;
    }

    public Instant shopifyCreatedAt() {
        return this.shopifyCreatedAt;
    }

    public Instant shopifyUpdatedAt() {
        return this.shopifyUpdatedAt;
    }

    public String financialStatus() {
        return this.financialStatus;
    }

    public String fulfillmentStatus() {
        return this.fulfillmentStatus;
    }

    public boolean test() {
        return this.test;
    }

    public Instant cancelledAt() {
        return this.cancelledAt;
    }

    public String locationId() {
        return this.locationId;
    }

    public String warehouseCode() {
        return this.warehouseCode;
    }

    public String shippingProcessCode() {
        return this.shippingProcessCode;
    }

    public String shipName() {
        return this.shipName;
    }

    public String shipCompany() {
        return this.shipCompany;
    }

    public String shipAddress1() {
        return this.shipAddress1;
    }

    public String shipAddress2() {
        return this.shipAddress2;
    }

    public String shipCity() {
        return this.shipCity;
    }

    public String shipProvince() {
        return this.shipProvince;
    }

    public String shipProvinceCode() {
        return this.shipProvinceCode;
    }

    public String shipZip() {
        return this.shipZip;
    }

    public String shipCountryCode() {
        return this.shipCountryCode;
    }

    public String shipPhone() {
        return this.shipPhone;
    }

    public String contactEmail() {
        return this.contactEmail;
    }

    public String contactPhone() {
        return this.contactPhone;
    }

    public String shippingMethod() {
        return this.shippingMethod;
    }

    public String shippingCode() {
        return this.shippingCode;
    }

    public String note() {
        return this.note;
    }

    public Instant redactedAt() {
        return this.redactedAt;
    }

    public Long feedSeq() {
        return this.feedSeq;
    }

    public FeedKind feedKind() {
        return this.feedKind;
    }

    public boolean feedPending() {
        return this.feedPending;
    }

    public Instant acknowledgedAt() {
        return this.acknowledgedAt;
    }

    public Instant firstSeenAt() {
        return this.firstSeenAt;
    }

    public Instant updatedAt() {
        return this.updatedAt;
    }

    public String lastSource() {
        return this.lastSource;
    }

    public List<OrderLine> lines() {
        return List.copyOf(this.lines);
    }

    /** The units another app's fulfillment service fulfils (never the WMS's), as of the last read. */
    public List<AnotherAppLine> anotherAppLines() {
        return List.copyOf(this.anotherAppLines);
    }

    /** "fulfilled by ShipFast (another app)" when some units are another app's, else null. */
    public String anotherAppNote() {
        return OrderPlan.anotherAppNote(this.anotherAppLines);
    }

    /** What the WMS has shipped of the order: null (nothing yet), PARTIALLY_SHIPPED or SHIPPED. */
    public String shippingState() {
        return this.shippingState;
    }

    /** Set by the shipping component when a shipment of the order is recorded. */
    public void shippingState(String state, Instant at) {
        this.shippingState = state;
        this.updatedAt = at;
    }

    /**
     * The WMS rejected the merchant's fulfillment request for this order (fulfillment-service mode), and Shopify has
     * it: the entry leaves the feed and the order is no longer the WMS's to ship (its lines stop counting as demand).
     * A new request from the merchant brings it back through the import.
     *
     * @return false when the order is not in the feed as an order to ship (nothing changed)
     */
    public boolean fulfillmentRejected(String note, Instant at) {
        if (this.state != OrderState.READY || !this.feedPending || this.feedKind != FeedKind.ORDER) {
            return false;
        }
        this.feedPending = false;
        this.state = OrderState.FILTERED;
        this.holdReason = null;
        this.stateNote = OrderPlan.bounded(note, 1000);
        // Rejected, the units stay off sale at the service's location until the merchant moves or cancels them:
        // demand still, as the next read of the order will find them (request status REJECTED).
        Map<List<String>, Integer> awaiting = new LinkedHashMap<>();
        for (AwaitingUnits units : this.awaitingRequest) {
            awaiting.merge(List.of(units.inventoryItemId(), units.locationId()), units.quantity(), Integer::sum);
        }
        for (OrderLine line : this.lines) {
            if (line.inventoryItemId() != null && line.locationId() != null && line.quantity() > 0) {
                awaiting.merge(List.of(line.inventoryItemId(), line.locationId()), line.quantity(), Integer::sum);
            }
        }
        this.awaitingRequest.clear();
        awaiting.forEach(
                (key, quantity) -> this.awaitingRequest.add(new AwaitingUnits(key.get(0), key.get(1), quantity)));
        this.lines.clear();
        this.updatedAt = at;
        return true;
    }

    /**
     * Shopify asks the WMS, as fulfillment service, to cancel the order (the merchant's cancellation request of a
     * fulfillment order the WMS accepted). Only an order the WMS accepted can be asked; a request already open is not
     * news.
     *
     * @return whether it is news: the caller then gives it a feed position ({@link #enterFeedAsCancellationRequest})
     */
    public boolean cancellationRequested(Instant at) {
        if (this.cancellationRequestedAt != null || this.state != OrderState.ACCEPTED) {
            return false;
        }
        this.cancellationRequestedAt = at;
        this.updatedAt = at;
        return true;
    }

    /** Puts the cancellation request into the feed at this position, for the WMS to answer. */
    public void enterFeedAsCancellationRequest(long seq) {
        this.feedSeq = seq;
        this.feedKind = FeedKind.CANCELLATION_REQUEST;
        this.feedPending = true;
        this.partAcknowledgements.clear();
    }

    /**
     * The WMS's answer to the open cancellation request, once Shopify has it: agreed, the order is cancelled for the
     * WMS (nothing of it is to ship); refused, the WMS carries on and the note says why.
     *
     * @return false when no cancellation request was open (nothing changed)
     */
    public boolean cancellationAnswered(boolean agreed, String note, Instant at) {
        if (this.cancellationRequestedAt == null) {
            return false;
        }
        this.cancellationRequestedAt = null;
        if (this.feedKind == FeedKind.CANCELLATION_REQUEST) {
            this.feedPending = false;
        }
        if (agreed) {
            this.state = OrderState.CANCELLED;
            this.holdReason = null;
            this.stateNote = OrderPlan.bounded(note, 1000);
            this.lines.clear();
        } else {
            this.stateNote = OrderPlan.bounded(note, 1000);
        }
        this.updatedAt = at;
        return true;
    }

    /** When Shopify asked the WMS to cancel the order, or null when no request is open. */
    public Instant cancellationRequestedAt() {
        return this.cancellationRequestedAt;
    }

    /** A new order for unit tests of the rules; the application inserts rows through the import. */
    public static ImportedOrder forTest(String shopifyOrderId, Instant at) {
        ImportedOrder order = new ImportedOrder();
        order.shopifyOrderId = shopifyOrderId;
        order.state = OrderState.NEW;
        order.firstSeenAt = at;
        order.updatedAt = at;
        return order;
    }
}
