package wms.shopify.stores.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;
import wms.shopify.warehouses.entity.ShippingProcess;
import wms.shopify.warehouses.entity.Warehouse;

/**
 * A Shopify location of a store and where the WMS serves it from: a warehouse and a shipping process. One location
 * per store is the default for new orders (orders whose location cannot be told go there).
 */
@Entity
@Table(name = "store_location")
@NamedQuery(
        name = StoreLocation.OF_STORE,
        query = "select l from StoreLocation l where l.store.id = :store order by l.name, l.id")
public class StoreLocation {

    public static final String OF_STORE = "StoreLocation.ofStore";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "store_id")
    private Store store;

    /** Shopify's global id, e.g. {@code gid://shopify/Location/123}. */
    @Column(name = "shopify_location_id", nullable = false)
    private String shopifyLocationId;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "active", nullable = false)
    private boolean active;

    @ManyToOne
    @JoinColumn(name = "warehouse_id")
    private Warehouse warehouse;

    @ManyToOne
    @JoinColumn(name = "shipping_process_id")
    private ShippingProcess shippingProcess;

    @Column(name = "default_for_orders", nullable = false)
    private boolean defaultForOrders;

    protected StoreLocation() {
        // for JPA
    }

    public StoreLocation(Store store, String shopifyLocationId, String name, boolean active) {
        this.store = Objects.requireNonNull(store, "store");
        this.shopifyLocationId = Objects.requireNonNull(shopifyLocationId, "shopifyLocationId");
        this.name = Objects.requireNonNull(name, "name");
        this.active = active;
    }

    /** Takes the name and state Shopify reports now; the mapping stays as the merchant made it. */
    public void seenOnShopify(String currentName, boolean currentlyActive) {
        this.name = currentName;
        this.active = currentlyActive;
    }

    /**
     * Maps the location to a warehouse and a shipping process (either may be null to unmap).
     *
     * @throws IllegalArgumentException when the shipping process belongs to another warehouse
     */
    public void mapTo(Warehouse newWarehouse, ShippingProcess newProcess) {
        if (newProcess != null
                && newProcess.warehouse() != null
                && (newWarehouse == null
                        || !Objects.equals(newProcess.warehouse().id(), newWarehouse.id()))) {
            throw new IllegalArgumentException("The shipping process " + newProcess.name()
                    + " belongs to warehouse " + newProcess.warehouse().name() + ", not to the one chosen for "
                    + this.name + ".");
        }
        this.warehouse = newWarehouse;
        this.shippingProcess = newProcess;
    }

    public void defaultForOrders(boolean isDefault) {
        this.defaultForOrders = isDefault;
    }

    public boolean isMapped() {
        return this.warehouse != null && this.shippingProcess != null;
    }

    public Long id() {
        return this.id;
    }

    public Store store() {
        return this.store;
    }

    public String shopifyLocationId() {
        return this.shopifyLocationId;
    }

    public String name() {
        return this.name;
    }

    public boolean active() {
        return this.active;
    }

    public Warehouse warehouse() {
        return this.warehouse;
    }

    public ShippingProcess shippingProcess() {
        return this.shippingProcess;
    }

    public boolean isDefaultForOrders() {
        return this.defaultForOrders;
    }
}
