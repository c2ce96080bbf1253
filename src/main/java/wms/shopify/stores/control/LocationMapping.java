package wms.shopify.stores.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import wms.shopify.platform.Published;
import wms.shopify.stores.entity.Store;
import wms.shopify.stores.entity.StoreLocation;
import wms.shopify.warehouses.entity.ShippingProcess;
import wms.shopify.warehouses.entity.Warehouse;

/**
 * The mapping of a store's Shopify locations to WMS warehouses and shipping processes, with the one location that
 * receives new orders, and the locations as last read from Shopify.
 */
@Published
@ApplicationScoped
public class LocationMapping {

    private static final Logger LOG = Logger.getLogger(LocationMapping.class.getName());

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    /** Where one location should go: ids of a warehouse and a shipping process, either null for "not mapped". */
    public record Target(Long warehouseId, Long shippingProcessId) {}

    public List<StoreLocation> locations(long storeId) {
        return this.entityManager
                .createNamedQuery(StoreLocation.OF_STORE, StoreLocation.class)
                .setParameter("store", storeId)
                .getResultList();
    }

    public List<Warehouse> warehouses() {
        return this.entityManager
                .createNamedQuery(Warehouse.ALL, Warehouse.class)
                .getResultList();
    }

    public List<ShippingProcess> shippingProcesses() {
        return this.entityManager
                .createNamedQuery(ShippingProcess.ALL, ShippingProcess.class)
                .getResultList();
    }

    /**
     * Saves a store's location mapping: either everything is valid and taken, or nothing changes.
     *
     * @param targets by location id
     * @param defaultLocationId the location that receives new orders; exactly one when the store has locations
     * @throws IllegalArgumentException with a message for the merchant; nothing is changed then
     */
    @Transactional(rollbackOn = IllegalArgumentException.class)
    public void save(long storeId, Map<Long, Target> targets, Long defaultLocationId) {
        if (this.entityManager.find(Store.class, storeId) == null) {
            throw new IllegalArgumentException("This store does not exist (any more).");
        }
        List<StoreLocation> locations = locations(storeId);
        if (!locations.isEmpty() && locations.stream().noneMatch(l -> l.id().equals(defaultLocationId))) {
            throw new IllegalArgumentException("Choose exactly one location as the default for new orders.");
        }
        boolean merchantsOwn = locations.stream().anyMatch(l -> !l.isAnotherAppsService());
        for (StoreLocation location : locations) {
            if (location.id().equals(defaultLocationId) && location.isAnotherAppsService() && merchantsOwn) {
                throw new IllegalArgumentException(location.name() + " is " + location.anotherAppNote()
                        + ": it cannot be the default location for new orders the WMS ships.");
            }
        }
        for (StoreLocation location : locations) {
            Target target = targets.getOrDefault(location.id(), new Target(null, null));
            location.mapTo(
                    find(Warehouse.class, target.warehouseId(), "warehouse"),
                    find(ShippingProcess.class, target.shippingProcessId(), "shipping process"));
            if (location.isDefaultForOrders() && !location.id().equals(defaultLocationId)) {
                location.defaultForOrders(false);
            }
        }
        // Cleared first and flushed, so the database's "one default per store" index never sees two.
        this.entityManager.flush();
        locations.stream()
                .filter(l -> Objects.equals(l.id(), defaultLocationId))
                .findFirst()
                .ifPresent(l -> l.defaultForOrders(true));
    }

    /**
     * Records the shop's name and locations as just read from Shopify: new locations are added unmapped, known ones
     * renamed or (de)activated, mappings kept. A store without a default location gets its first active one, so
     * there is always exactly one once it has an active location.
     */
    @Transactional
    public void seenOnShopify(long storeId, String shopName, List<LocationSync.ShopifyLocation> seen) {
        Store store = this.entityManager.find(Store.class, storeId);
        if (shopName != null) {
            store.named(shopName);
        }
        Map<String, StoreLocation> known = locations(storeId).stream()
                .collect(Collectors.toMap(StoreLocation::shopifyLocationId, Function.identity()));
        for (LocationSync.ShopifyLocation location : seen) {
            StoreLocation existing = known.get(location.id());
            if (existing == null) {
                StoreLocation added = new StoreLocation(store, location.id(), location.name(), location.active());
                added.operatedBy(location.serviceHandle(), location.serviceName());
                this.entityManager.persist(added);
                known.put(location.id(), added);
            } else {
                existing.seenOnShopify(location.name(), location.active());
                if (existing.operatedBy(location.serviceHandle(), location.serviceName())) {
                    LOG.warning(() -> "Location " + location.name() + " of " + store.domain() + " is "
                            + existing.anotherAppNote() + ": its warehouse mapping was removed, the WMS does not "
                            + "serve another app's location.");
                }
            }
        }
        if (known.values().stream().noneMatch(StoreLocation::isDefaultForOrders)) {
            seen.stream()
                    .filter(LocationSync.ShopifyLocation::active)
                    .filter(l -> !known.get(l.id()).isAnotherAppsService())
                    .findFirst()
                    .ifPresent(first -> known.get(first.id()).defaultForOrders(true));
        }
    }

    /**
     * A location Shopify made for a fulfillment service the connector registered (orders' fulfillment-service mode):
     * listed at once, not mapped yet, so that the merchant maps it to a warehouse on Store Settings.
     */
    @Transactional
    public void serviceLocationAdded(long storeId, String shopifyLocationId, String name) {
        serviceLocationAdded(storeId, shopifyLocationId, name, null);
    }

    /**
     * As {@link #serviceLocationAdded(long, String, String)}, for a service registered for one warehouse: its location
     * is mapped to that warehouse at once, with the shipping process of a location of the store already mapped to it.
     *
     * @param warehouseCode the warehouse the location is mapped to, or null to leave it for the merchant to map
     */
    @Transactional
    public void serviceLocationAdded(long storeId, String shopifyLocationId, String name, String warehouseCode) {
        Store store = this.entityManager.find(Store.class, storeId);
        List<StoreLocation> all = locations(storeId);
        StoreLocation location = all.stream()
                .filter(l -> l.shopifyLocationId().equals(shopifyLocationId))
                .findFirst()
                .orElse(null);
        if (location == null) {
            if (store == null) {
                return;
            }
            location = new StoreLocation(store, shopifyLocationId, name, true);
            this.entityManager.persist(location);
        }
        location.ownService();
        if (warehouseCode != null) {
            Warehouse warehouse = this.entityManager
                    .createNamedQuery(Warehouse.BY_CODE, Warehouse.class)
                    .setParameter("code", warehouseCode)
                    .getResultStream()
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No warehouse " + warehouseCode + " (any more)."));
            ShippingProcess process = all.stream()
                    .filter(l -> l.warehouse() != null && l.warehouse().id().equals(warehouse.id()))
                    .map(StoreLocation::shippingProcess)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            location.mapTo(warehouse, process);
        }
    }

    /** Forgets a store's locations and their mapping (the shop asked for its data to be erased). */
    @Transactional
    public void forget(long storeId) {
        locations(storeId).forEach(this.entityManager::remove);
    }

    private <T> T find(Class<T> type, Long id, String what) {
        if (id == null) {
            return null;
        }
        T found = this.entityManager.find(type, id);
        if (found == null) {
            throw new IllegalArgumentException("The chosen " + what + " no longer exists; reload the page.");
        }
        return found;
    }
}
