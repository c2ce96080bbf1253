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
 * per store is the default for new orders (orders whose location cannot be told go there). A location operated by
 * another app's fulfillment service (a 3PL's) is that app's to serve: it is never mapped to a warehouse.
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

    /** Shopify's handle of the fulfillment service that operates the location; null when the merchant does. */
    @Column(name = "fulfillment_service_handle")
    private String fulfillmentServiceHandle;

    /** The name of that fulfillment service, as the merchant knows it. */
    @Column(name = "fulfillment_service_name")
    private String fulfillmentServiceName;

    /** The location of the connector's own fulfillment service (fulfillment-service mode): the WMS's, not another app's. */
    @Column(name = "own_service")
    private boolean ownService;

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
     * Takes the fulfillment service Shopify reports as operating the location now (both null: the merchant does).
     * A location that turns out to be another app's loses its warehouse: the WMS must not serve it.
     *
     * @return whether a mapping was removed for that reason
     */
    public boolean operatedBy(String serviceHandle, String serviceName) {
        this.fulfillmentServiceHandle = serviceHandle;
        this.fulfillmentServiceName = serviceHandle == null ? null : serviceName;
        if (isAnotherAppsService() && (this.warehouse != null || this.shippingProcess != null)) {
            this.warehouse = null;
            this.shippingProcess = null;
            return true;
        }
        return false;
    }

    /**
     * Whether a Shopify location is another app's fulfillment service (a 3PL's, say), whose fulfillment orders that
     * app fulfils and the WMS must never be handed nor fulfil. The one place that tells "ours" from "another app's":
     * every fulfillment service location but the connector's own (fulfillment-service mode).
     *
     * @param locationId Shopify's location id
     * @param serviceHandle the handle of the fulfillment service operating it, null for a merchant-managed location
     * @param ownServiceLocations the locations of the store's own fulfillment service (empty in merchant-managed mode)
     */
    public static boolean isAnotherAppsService(
            String locationId, String serviceHandle, java.util.Set<String> ownServiceLocations) {
        return locationId != null && serviceHandle != null && !ownServiceLocations.contains(locationId);
    }

    /** Whether this location is another app's fulfillment service ({@link #isAnotherAppsService(String, String, java.util.Set)}). */
    public boolean isAnotherAppsService() {
        return isAnotherAppsService(
                this.shopifyLocationId,
                this.fulfillmentServiceHandle,
                this.ownService ? java.util.Set.of(this.shopifyLocationId) : java.util.Set.of());
    }

    /** This is the location of the connector's own fulfillment service: the WMS's to map and serve. */
    public void ownService() {
        this.ownService = true;
    }

    /** Whether this is the location of one of the connector's own fulfillment services. */
    public boolean isOwnService() {
        return this.ownService;
    }

    /** "fulfilled by ShipFast (another app)" for another app's location, else null: how the pages show it. */
    public String anotherAppNote() {
        return isAnotherAppsService() ? "fulfilled by " + this.fulfillmentServiceName + " (another app)" : null;
    }

    /**
     * Maps the location to a warehouse and a shipping process (either may be null to unmap).
     *
     * @throws IllegalArgumentException when the shipping process belongs to another warehouse, or the location is
     *     another app's fulfillment service
     */
    public void mapTo(Warehouse newWarehouse, ShippingProcess newProcess) {
        if (isAnotherAppsService() && (newWarehouse != null || newProcess != null)) {
            throw new IllegalArgumentException(this.name + " is " + anotherAppNote() + ": Shopify's orders there are "
                    + "that app's to fulfil, not the WMS's, so it cannot be mapped to a warehouse. Leave it unmapped.");
        }
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

    public String fulfillmentServiceHandle() {
        return this.fulfillmentServiceHandle;
    }

    public String fulfillmentServiceName() {
        return this.fulfillmentServiceName;
    }
}
