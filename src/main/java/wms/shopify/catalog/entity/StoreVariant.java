package wms.shopify.catalog.entity;

import jakarta.persistence.Column;
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
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import wms.shopify.stores.entity.Store;

/**
 * A Shopify variant of a store as the last Sync Products read it, and the WMS product it is mapped to. The mapping
 * keys on Shopify's variant id (with its inventory item id kept beside it), not on the SKU: a later SKU edit on
 * Shopify updates what is shown, never the mapping. The variant knows the rules of its mapping: a sync may map an
 * unmapped variant, but never changes one that is mapped, or one the merchant decided by hand.
 */
@Entity
@Table(name = "store_variant")
@NamedQuery(
        name = StoreVariant.BY_VARIANT_IDS,
        query = "select v from StoreVariant v where v.store.id = :store and v.variantId in :ids")
public class StoreVariant {

    public static final String BY_VARIANT_IDS = "StoreVariant.byVariantIds";
    private static final int TITLE_LIMIT = 1000;
    private static final int CODE_LIMIT = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "store_id")
    private Store store;

    @Column(name = "variant_id", nullable = false)
    private String variantId;

    @Column(name = "inventory_item_id")
    private String inventoryItemId;

    @Column(name = "product_title", nullable = false)
    private String productTitle;

    @Column(name = "variant_title")
    private String variantTitle;

    @Column(name = "sku")
    private String sku;

    @Column(name = "barcode")
    private String barcode;

    @Column(name = "tracked", nullable = false)
    private boolean tracked;

    @Column(name = "stocked_at_mapped", nullable = false)
    private boolean stockedAtMapped;

    @Column(name = "bundle", nullable = false)
    private boolean bundle;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private VariantStatus status;

    @Column(name = "status_note")
    private String statusNote;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "product_id")
    private WmsProduct product;

    @Column(name = "manual", nullable = false)
    private boolean manual;

    @Column(name = "mapped_at")
    private Instant mappedAt;

    @Column(name = "mapped_by")
    private String mappedBy;

    @Column(name = "seen_at", nullable = false)
    private Instant seenAt;

    protected StoreVariant() {
        // for JPA
    }

    /** A variant read for the first time, unmapped until {@link #matched} says otherwise. */
    public StoreVariant(Store store, ShopifyVariant seen, Instant at) {
        this.store = Objects.requireNonNull(store, "store");
        this.variantId = seen.variantId();
        this.status = VariantStatus.UNMAPPED;
        seenOnShopify(seen, at);
    }

    /** Takes what Shopify says about the variant now; the mapping is not touched. */
    public final void seenOnShopify(ShopifyVariant seen, Instant at) {
        if (!this.variantId.equals(seen.variantId())) {
            throw new IllegalArgumentException("variant " + seen.variantId() + " is not " + this.variantId);
        }
        this.inventoryItemId = bounded(seen.inventoryItemId(), CODE_LIMIT);
        this.productTitle = bounded(seen.productTitle(), TITLE_LIMIT);
        this.variantTitle = bounded(seen.variantTitle(), TITLE_LIMIT);
        this.sku = bounded(seen.sku(), CODE_LIMIT);
        this.barcode = bounded(seen.barcode(), CODE_LIMIT);
        this.tracked = seen.tracked();
        this.stockedAtMapped = seen.stockedAtMappedLocations();
        this.bundle = seen.bundle();
        this.seenAt = at;
    }

    /**
     * Whether a sync may map this variant: only when it is not mapped and the merchant has not decided by hand.
     * This is the rule that makes a second sync leave every existing mapping alone.
     */
    public boolean openToMatching() {
        return !this.manual && !this.status.mapped();
    }

    /**
     * Applies what matching found, if the variant is open to it.
     *
     * @param product the matched product (a reference is enough), null unless the match maps
     * @return true when the variant was open to matching and took the result
     */
    public boolean matched(Match match, WmsProduct product, Instant at) {
        if (!openToMatching()) {
            return false;
        }
        if (match.status().mapped() != (product != null)) {
            throw new IllegalArgumentException(match + " with product " + product);
        }
        this.status = match.status();
        this.statusNote = bounded(match.note(), TITLE_LIMIT);
        this.product = product;
        this.mappedAt = product == null ? null : at;
        this.mappedBy = product == null ? null : "Sync Products";
        return true;
    }

    /** The merchant maps (or remaps) the variant by hand: it is theirs from now on, whatever a sync finds. */
    public void mapByHand(WmsProduct to, String by, Instant at) {
        this.product = Objects.requireNonNull(to, "product");
        this.status = VariantStatus.MANUAL;
        this.statusNote = null;
        this.manual = true;
        this.mappedAt = at;
        this.mappedBy = by;
    }

    /** The merchant unmaps the variant by hand: it stays unmapped through every sync until mapped by hand again. */
    public void unmapByHand(String by, Instant at) {
        this.product = null;
        this.status = VariantStatus.UNMAPPED;
        this.statusNote = "unmapped by hand";
        this.manual = true;
        this.mappedAt = at;
        this.mappedBy = by;
    }

    /** Whether this variant is one of the store's (a row id from a page must not reach another store's variant). */
    public boolean belongsTo(long storeId) {
        return this.store.id() == storeId;
    }

    /**
     * Why stock sync will not be able to write this variant's stock, or null when it will. A bundle's parent is not a
     * problem: stock sync leaves it to Shopify on purpose ({@link #bundle}).
     */
    public String problem() {
        if (this.bundle) {
            return null;
        }
        if (!this.tracked) {
            return "inventory not tracked on Shopify";
        }
        if (!this.stockedAtMapped) {
            return "not stocked at every mapped location";
        }
        return null;
    }

    /** Whether the variant is mapped to a product the WMS has since deactivated (kept, but flagged). */
    public boolean mappedToInactiveProduct() {
        return this.product != null && !this.product.active();
    }

    private static String bounded(String value, int limit) {
        return value == null || value.length() <= limit ? value : value.substring(0, limit);
    }

    public Long id() {
        return this.id;
    }

    public String variantId() {
        return this.variantId;
    }

    public String inventoryItemId() {
        return this.inventoryItemId;
    }

    public String productTitle() {
        return this.productTitle;
    }

    public String variantTitle() {
        return this.variantTitle;
    }

    public String sku() {
        return this.sku;
    }

    public String barcode() {
        return this.barcode;
    }

    public boolean tracked() {
        return this.tracked;
    }

    public boolean stockedAtMapped() {
        return this.stockedAtMapped;
    }

    /**
     * Whether the variant is a bundle's parent on Shopify: Shopify computes its stock from its components' (which are
     * synced as any variant), so stock sync never writes it (the published view {@code store_variant_mapping} leaves
     * it out).
     */
    public boolean bundle() {
        return this.bundle;
    }

    public VariantStatus status() {
        return this.status;
    }

    public String statusNote() {
        return this.statusNote;
    }

    public WmsProduct product() {
        return this.product;
    }

    public boolean manual() {
        return this.manual;
    }

    public Instant mappedAt() {
        return this.mappedAt;
    }

    public String mappedBy() {
        return this.mappedBy;
    }

    public Instant seenAt() {
        return this.seenAt;
    }
}
