package wms.shopify.shipping.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
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
import java.util.TreeMap;
import wms.shopify.orders.entity.ImportedOrder;
import wms.shopify.platform.retry.Attempts;
import wms.shopify.stores.entity.Store;

/**
 * A shipment the WMS reported, and its way to Shopify as fulfillments (one per location its units sit at, and per
 * parcel when the store ships one fulfillment per parcel): queued, an attempt under way, fulfilled,
 * or parked as failed with the reason. An attempt whose outcome is unclear (Shopify did not answer, or answered
 * 5xx) leaves the shipment needing a check of what Shopify already has before anything is sent again.
 */
@Entity
@Table(name = "shipment")
@NamedQuery(name = Shipment.BY_KEY, query = "select s from Shipment s where s.shipmentKey = :key")
@NamedQuery(name = Shipment.OF_ORDER, query = "select s from Shipment s where s.order.id = :order order by s.id")
@NamedQuery(
        name = Shipment.DUE,
        query =
                "select s.id from Shipment s where (s.state = "
                        + "wms.shopify.shipping.entity.ShipmentState.QUEUED "
                        + "and (s.attempt.nextAttemptAt is null or s.attempt.nextAttemptAt <= :now)) "
                        + "or (s.state = wms.shopify.shipping.entity.ShipmentState.PUSHING and s.updatedAt < :stale) order by s.id")
@NamedQuery(
        name = Shipment.TRACKING_DUE,
        query = "select s.id from Shipment s where s.trackingPending = true "
                + "and s.state = wms.shopify.shipping.entity.ShipmentState.FULFILLED order by s.id")
@NamedQuery(
        name = Shipment.FAILED,
        query = "select s from Shipment s join fetch s.order join fetch s.store "
                + "where s.state = wms.shopify.shipping.entity.ShipmentState.FAILED order by s.id desc")
public class Shipment {

    public static final String BY_KEY = "Shipment.byKey";
    public static final String OF_ORDER = "Shipment.ofOrder";
    public static final String DUE = "Shipment.due";
    public static final String FAILED = "Shipment.failed";
    public static final String TRACKING_DUE = "Shipment.trackingDue";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "shipment_key", nullable = false)
    private String shipmentKey;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id")
    private ImportedOrder order;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "store_id")
    private Store store;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private ShipmentState state;

    @Column(name = "carrier")
    private String carrier;

    @Column(name = "tracking_company")
    private String trackingCompany;

    @Column(name = "shipped_at", nullable = false)
    private Instant shippedAt;

    @Column(name = "fingerprint", nullable = false)
    private String fingerprint;

    @Embedded
    private Attempts attempt = new Attempts();

    /** The first of its fulfillments on Shopify (all of them: {@link #fulfillmentIds()}). */
    @Column(name = "fulfillment_id")
    private String fulfillmentId;

    @Column(name = "tracking_pending", nullable = false)
    private boolean trackingPending;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "fulfilled_at")
    private Instant fulfilledAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "shipment_line", joinColumns = @JoinColumn(name = "shipment_id"))
    @OrderColumn(name = "position")
    private List<ShipmentLine> lines = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "shipment_parcel", joinColumns = @JoinColumn(name = "shipment_id"))
    @OrderColumn(name = "position")
    private List<Parcel> parcels = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "shipment_parcel_line", joinColumns = @JoinColumn(name = "shipment_id"))
    @OrderColumn(name = "position")
    private List<ParcelLine> parcelLines = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "shipment_fulfillment", joinColumns = @JoinColumn(name = "shipment_id"))
    @OrderColumn(name = "position")
    private List<ShipmentFulfillment> fulfillments = new ArrayList<>();

    /** Whether Shopify notifies the customer of this shipment; null: the store's setting. */
    @Column(name = "notify_customer")
    private Boolean notifyCustomer;

    /** The warehouse whose part of an order of several warehouses this ships; null for an order of one. */
    @Column(name = "warehouse_code")
    private String warehouseCode;

    @Version
    @Column(name = "version")
    private long version;

    protected Shipment() {
        // for JPA
    }

    /**
     * A shipment the WMS reported.
     *
     * @param warehouseCode the warehouse whose part of an order over several warehouses it ships; null for an order of
     *     one warehouse
     */
    public Shipment(
            String shipmentKey,
            ImportedOrder order,
            String carrier,
            Instant shippedAt,
            List<ShipmentLine> lines,
            List<Parcel> parcels,
            List<ParcelLine> parcelLines,
            Boolean notifyCustomer,
            String fingerprint,
            Instant now,
            String warehouseCode) {
        this.warehouseCode = warehouseCode;
        this.shipmentKey = Objects.requireNonNull(shipmentKey, "shipmentKey");
        this.order = Objects.requireNonNull(order, "order");
        this.store = order.store();
        this.carrier = carrier;
        this.trackingCompany = Carriers.trackingCompany(carrier);
        this.shippedAt = Objects.requireNonNull(shippedAt, "shippedAt");
        this.lines.addAll(lines);
        this.parcels.addAll(parcels);
        this.parcelLines.addAll(parcelLines);
        this.notifyCustomer = notifyCustomer;
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.state = ShipmentState.QUEUED;
        this.receivedAt = now;
        this.updatedAt = now;
    }

    /** The warehouse whose part of the order this ships, or null when the order ships from one. */
    public String warehouseCode() {
        return this.warehouseCode;
    }

    /** Whether an attempt may start now: queued and its time has come. */
    public boolean due(Instant now) {
        return this.state == ShipmentState.QUEUED && this.attempt.due(now);
    }

    /**
     * Whether an earlier attempt may have reached Shopify without the connector learning its outcome: what Shopify
     * already has must then be checked before anything is sent again.
     */
    public boolean outcomeUnclear() {
        return this.attempt.outcomeUnclear();
    }

    /** An attempt starts (counted). */
    public void claim(Instant now) {
        this.state = ShipmentState.PUSHING;
        this.attempt.start();
        this.updatedAt = now;
    }

    /** An attempt was found that never ended (the connector stopped during it): its outcome is unclear. */
    public void interrupted(Instant now) {
        this.attempt.interrupted(now);
        this.state = ShipmentState.QUEUED;
        this.updatedAt = now;
    }

    /**
     * The fulfillments about to be sent, kept so that a later check can recognise them: they replace those planned
     * before and not made; those Shopify has stay.
     */
    public void planned(List<ShipmentFulfillment> planned, Instant now) {
        this.fulfillments.removeIf(f -> !f.done());
        this.fulfillments.addAll(planned);
        this.updatedAt = now;
    }

    /** Shopify has the planned fulfillment at {@code position} (created now, or found after an unclear attempt). */
    public void made(int position, String fulfillmentId, Instant now) {
        made(position, fulfillmentId, null, now);
    }

    /**
     * As {@link #made(int, String, Instant)}, with the fulfillment's name on Shopify ("#1001.1", null when not known),
     * which Shopify's {@code fetch_tracking_numbers} asks about.
     */
    public void made(int position, String fulfillmentId, String fulfillmentName, Instant now) {
        this.fulfillments.set(position, this.fulfillments.get(position).made(fulfillmentId, fulfillmentName));
        if (this.fulfillmentId == null) {
            this.fulfillmentId = fulfillmentId;
        }
        this.updatedAt = now;
    }

    /** Shopify has every fulfillment of the shipment. */
    public void fulfilled(Instant now) {
        this.state = ShipmentState.FULFILLED;
        if (this.fulfillmentId == null) {
            throw new IllegalStateException("Shipment " + this.shipmentKey + " has no fulfillment on Shopify yet");
        }
        this.fulfilledAt = now;
        this.attempt.succeeded();
        this.updatedAt = now;
    }

    /**
     * What is shipped together: the whole shipment, or, when the store ships one fulfillment per parcel and the WMS
     * said which lines are in which parcel, each parcel's lines.
     */
    public List<FulfillmentPlan.Portion> portions(boolean fulfillmentPerParcel) {
        if (!fulfillmentPerParcel || this.parcelLines.isEmpty()) {
            Map<String, Integer> units = new LinkedHashMap<>();
            this.lines.forEach(l -> units.merge(l.productCode(), l.quantity(), Integer::sum));
            return List.of(new FulfillmentPlan.Portion(null, units));
        }
        Map<Integer, Map<String, Integer>> byParcel = new TreeMap<>();
        this.parcelLines.forEach(l -> byParcel.computeIfAbsent(l.parcel(), k -> new LinkedHashMap<>())
                .merge(l.productCode(), l.quantity(), Integer::sum));
        List<FulfillmentPlan.Portion> portions = new ArrayList<>();
        byParcel.forEach((parcel, units) -> portions.add(new FulfillmentPlan.Portion(parcel, units)));
        return portions;
    }

    /**
     * The attempt failed in a way worth trying again; {@code unclear} when Shopify may have applied it.
     *
     * @return whether another attempt follows (false: the attempts are spent and the shipment is parked)
     */
    public boolean failedForNow(String why, boolean unclear, int maxAttempts, Instant nextAt, Instant now) {
        boolean again = this.attempt.failedForNow(why, unclear, maxAttempts, nextAt, now);
        this.state = again ? ShipmentState.QUEUED : ShipmentState.FAILED;
        this.updatedAt = now;
        return again;
    }

    /** The attempt did not happen (the store's breaker or bulkhead held it back): not counted. */
    public void deferred(String why, Instant nextAt, Instant now) {
        this.attempt.deferred(why, this.state == ShipmentState.PUSHING, nextAt);
        this.state = ShipmentState.QUEUED;
        this.updatedAt = now;
    }

    /** Parks the shipment as failed with the reason, for the admin to see and retry. */
    public void park(String why, Instant now) {
        this.state = ShipmentState.FAILED;
        this.attempt.parked(why);
        this.updatedAt = now;
    }

    /** A failed shipment is tried again from the start (its unclear-outcome check stays). */
    public boolean retry(Instant now) {
        if (this.state != ShipmentState.FAILED) {
            return false;
        }
        this.state = ShipmentState.QUEUED;
        this.attempt.reset();
        this.updatedAt = now;
        return true;
    }

    /** Tracking reported after the shipment: replaces the parcels' tracking, pushed to the fulfillment later. */
    public void tracking(String carrier, List<Parcel> parcels, Instant now) {
        this.carrier = carrier;
        this.trackingCompany = Carriers.trackingCompany(carrier);
        this.parcels.clear();
        this.parcels.addAll(parcels);
        // An attempt under way may send the old tracking: it is corrected once the fulfillment exists.
        this.trackingPending = this.state == ShipmentState.FULFILLED || this.state == ShipmentState.PUSHING;
        this.updatedAt = now;
    }

    /** The later tracking reached Shopify. */
    public void trackingPushed(Instant now) {
        this.trackingPending = false;
        this.updatedAt = now;
    }

    public Long id() {
        return this.id;
    }

    public String shipmentKey() {
        return this.shipmentKey;
    }

    public ImportedOrder order() {
        return this.order;
    }

    public Store store() {
        return this.store;
    }

    public ShipmentState state() {
        return this.state;
    }

    public String carrier() {
        return this.carrier;
    }

    public String trackingCompany() {
        return this.trackingCompany;
    }

    public Instant shippedAt() {
        return this.shippedAt;
    }

    public String fingerprint() {
        return this.fingerprint;
    }

    public int attempts() {
        return this.attempt.count();
    }

    public Instant nextAttemptAt() {
        return this.attempt.nextAttemptAt();
    }

    public Instant unclearSince() {
        return this.attempt.unclearSince();
    }

    /** The fulfillments planned or made on Shopify, in the order they were planned. */
    public List<ShipmentFulfillment> fulfillments() {
        return List.copyOf(this.fulfillments);
    }

    /** Shopify's fulfillments of the shipment made so far. */
    public List<String> fulfillmentIds() {
        return this.fulfillments.stream()
                .filter(ShipmentFulfillment::done)
                .map(ShipmentFulfillment::fulfillmentId)
                .toList();
    }

    public List<ParcelLine> parcelLines() {
        return List.copyOf(this.parcelLines);
    }

    /** Whether Shopify notifies the customer of this shipment, as the WMS said; null: the store's setting. */
    public Boolean notifyCustomer() {
        return this.notifyCustomer;
    }

    public String fulfillmentId() {
        return this.fulfillmentId;
    }

    public String reason() {
        return this.attempt.reason();
    }

    public boolean trackingPending() {
        return this.trackingPending;
    }

    public Instant receivedAt() {
        return this.receivedAt;
    }

    public Instant updatedAt() {
        return this.updatedAt;
    }

    public Instant fulfilledAt() {
        return this.fulfilledAt;
    }

    public List<ShipmentLine> lines() {
        return List.copyOf(this.lines);
    }

    public List<Parcel> parcels() {
        return List.copyOf(this.parcels);
    }

    /** The tracking numbers of one parcel, or of all (null), as Shopify gets them. */
    public Tracking tracking(Integer parcel) {
        if (parcel == null || parcel < 0 || parcel >= this.parcels.size()) {
            return Tracking.of(this.parcels);
        }
        return Tracking.of(List.of(this.parcels.get(parcel)));
    }

    /** The tracking numbers as Shopify gets them: each at the position of its own URL ({@link Tracking}). */
    public List<String> trackingNumbers() {
        return Tracking.of(this.parcels).numbers();
    }

    /** The tracking URLs as Shopify gets them: position for position with {@link #trackingNumbers()}. */
    public List<String> trackingUrls() {
        return Tracking.of(this.parcels).urls();
    }
}
