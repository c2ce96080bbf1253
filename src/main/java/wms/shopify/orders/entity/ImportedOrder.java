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
 * again on the next read; once the WMS has it (in the feed), only a cancellation changes it.
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
public class ImportedOrder {

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

    /** What the WMS has shipped of it (shipping component): null, PARTIALLY_SHIPPED or SHIPPED. */
    @Column(name = "shipping_state")
    private String shippingState;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "shop_order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<OrderLine> lines = new ArrayList<>();

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
        /** Put into the feed, or changed there before the WMS acknowledged it: needs a new feed position. */
        TO_FEED(true),
        /** Cancelled before the WMS had it: no feed entry. */
        CANCELLED(false),
        /** Cancelled while the WMS has it and before it shipped: a cancellation entry in the feed. */
        CANCELLATION_TO_FEED(true),
        /** Cancelled on Shopify after shipping began: reported, not applied. */
        CANCELLATION_REPORTED(false),
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
        if (order.cancelledAt() != null) {
            return cancel(order);
        }
        if (this.state == OrderState.ACCEPTED || this.state == OrderState.CANCELLED) {
            return Change.NONE; // the WMS has it: only a cancellation changes it
        }
        Optional<String> refusal = filters.refusal(order);
        if (refusal.isEmpty() && plan.lines().isEmpty()) {
            refusal = Optional.of("nothing left to ship");
        }
        if (this.state == OrderState.READY) {
            // Handed over: a later filter change does not take it back, but lines changed before the WMS
            // acknowledged it are sent again (unless they can no longer be mapped: the WMS keeps what it had).
            if (refusal.isPresent() || plan.hold() != null || sameAsFeed(plan)) {
                return Change.NONE;
            }
            takePlan(plan);
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
        this.state = OrderState.READY;
        this.holdReason = null;
        this.stateNote = null;
        return Change.TO_FEED;
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
        this.locationId = plan.destination() == null ? null : plan.destination().locationId();
        this.warehouseCode =
                plan.destination() == null ? null : plan.destination().warehouseCode();
        this.shippingProcessCode =
                plan.destination() == null ? null : plan.destination().shippingProcessCode();
    }

    private boolean sameAsFeed(OrderPlan plan) {
        return this.lines.equals(plan.lines())
                && plan.destination() != null
                && Objects.equals(this.warehouseCode, plan.destination().warehouseCode())
                && Objects.equals(this.shippingProcessCode, plan.destination().shippingProcessCode());
    }

    /** Gives the order its new place in the feed: the WMS sees it (again) from this position on. */
    public void enterFeed(long seq) {
        this.feedSeq = seq;
        this.feedKind = this.state == OrderState.CANCELLED ? FeedKind.CANCELLATION : FeedKind.ORDER;
        this.feedPending = true;
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

    /** The WMS acknowledges a revision (feed position) of this order. */
    public Ack acknowledge(long revision, Instant at) {
        if (this.feedSeq == null || revision != this.feedSeq) {
            return Ack.OUTDATED;
        }
        if (!this.feedPending) {
            return Ack.ALREADY;
        }
        this.feedPending = false;
        this.acknowledgedAt = at;
        if (this.feedKind == FeedKind.ORDER) {
            this.state = OrderState.ACCEPTED;
            this.stateNote = null;
        } else if (this.feedKind == FeedKind.CANCELLATION_REQUEST) {
            this.stateNote = "The WMS saw Shopify's cancellation request; its answer is awaited.";
        } else {
            this.stateNote = "Cancelled on Shopify; the WMS acknowledged the cancellation.";
        }
        return Ack.DONE;
    }

    /**
     * The units Shopify took off sale for this order that the WMS has not allocated yet, per inventory item and
     * location: the lines of an order held or in the feed unacknowledged; nothing once the WMS accepted it, or when
     * it is filtered out or cancelled.
     */
    public List<OrderDemand.Line> demand() {
        if (this.state != OrderState.FILTERED && this.state != OrderState.HELD && this.state != OrderState.READY) {
            return List.of();
        }
        Map<List<String>, Long> quantities = new LinkedHashMap<>();
        for (OrderLine line : this.lines) {
            if (line.inventoryItemId() != null && line.locationId() != null && line.quantity() > 0) {
                quantities.merge(List.of(line.inventoryItemId(), line.locationId()), (long) line.quantity(), Long::sum);
            }
        }
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
