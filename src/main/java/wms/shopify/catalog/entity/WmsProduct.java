package wms.shopify.catalog.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A product of the WMS catalog, known by the WMS's own code, with the SKU and barcode Shopify variants are matched
 * by. The WMS registers and keeps them current; a product it no longer sells is deactivated, never deleted: it
 * stops matching, but the variants already mapped to it keep their mapping (and the page flags them). A product may
 * be a kit: made of other products ({@link #components()}), with no stock of its own in the WMS.
 */
@Entity
@Table(name = "wms_product")
@NamedQuery(name = WmsProduct.BY_CODES, query = "select p from WmsProduct p where p.code in :codes")
@NamedQuery(name = WmsProduct.PAGE, query = "select p from WmsProduct p where p.code > :after order by p.code")
@NamedQuery(name = WmsProduct.ACTIVE, query = "select p.id, p.sku, p.barcode from WmsProduct p where p.active = true")
@NamedQuery(
        name = WmsProduct.KIT_COMPONENTS,
        query = "select p.code, c.code, k.quantity from WmsProduct p join p.components k, WmsProduct c "
                + "where c.id = k.productId and p.code in :codes order by p.code, c.code")
@NamedQuery(
        name = WmsProduct.ACTIVE_BY_SKU,
        query = "select p from WmsProduct p where p.active = true and trim(p.sku) = :sku order by p.code")
public class WmsProduct {

    public static final String BY_CODES = "WmsProduct.byCodes";
    public static final String PAGE = "WmsProduct.page";
    /** Only what matching needs (id, SKU, barcode) of every active product: no entity per product is built. */
    public static final String ACTIVE = "WmsProduct.activeKeys";

    public static final String ACTIVE_BY_SKU = "WmsProduct.activeBySku";

    /** The components of the kits among these codes (kit code, component code, units per kit), in code order. */
    public static final String KIT_COMPONENTS = "WmsProduct.kitComponents";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "code", nullable = false, length = 64)
    private String code;

    @Column(name = "sku")
    private String sku;

    @Column(name = "barcode")
    private String barcode;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "wms_kit_component", joinColumns = @JoinColumn(name = "kit_product_id"))
    private Set<KitComponent> components = new HashSet<>();

    protected WmsProduct() {
        // for JPA
    }

    public WmsProduct(String code, String sku, String barcode, String name, boolean active, Instant at) {
        this.code = Objects.requireNonNull(code, "code");
        this.sku = sku;
        this.barcode = barcode;
        this.name = Objects.requireNonNull(name, "name");
        this.active = active;
        this.updatedAt = Objects.requireNonNull(at, "at");
    }

    /**
     * Takes what the WMS reports now.
     *
     * @return true when something changed (so a repeated registration is recognisably a no-op)
     */
    public boolean update(String newSku, String newBarcode, String newName, boolean nowActive, Instant at) {
        if (Objects.equals(this.sku, newSku)
                && Objects.equals(this.barcode, newBarcode)
                && this.name.equals(newName)
                && this.active == nowActive) {
            return false;
        }
        this.sku = newSku;
        this.barcode = newBarcode;
        this.name = newName;
        this.active = nowActive;
        this.updatedAt = at;
        return true;
    }

    public Long id() {
        return this.id;
    }

    public String code() {
        return this.code;
    }

    public String sku() {
        return this.sku;
    }

    public String barcode() {
        return this.barcode;
    }

    public String name() {
        return this.name;
    }

    public boolean active() {
        return this.active;
    }

    public Instant updatedAt() {
        return this.updatedAt;
    }

    /** The kit's components; empty when the product is no kit. */
    public Set<KitComponent> components() {
        return Set.copyOf(this.components);
    }

    /**
     * Takes the components the WMS reports now (none: the product is no kit).
     *
     * @return true when they changed
     */
    public boolean makeOf(List<KitComponent> now, Instant at) {
        Set<KitComponent> next = Set.copyOf(now);
        if (next.equals(new HashSet<>(this.components))) {
            return false;
        }
        this.components.clear();
        this.components.addAll(next);
        this.updatedAt = at;
        return true;
    }
}
