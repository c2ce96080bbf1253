package wms.shopify.stores.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import wms.shopify.shopify.control.AdminApi;
import wms.shopify.shopify.control.AdminOperation;
import wms.shopify.stores.entity.Store;
import wms.shopify.stores.entity.StoreLocation;

/**
 * Reads a store's name and every location from Shopify and keeps the store's location list current: new locations
 * are added unmapped, renamed or deactivated ones updated, the merchant's mappings left alone. A store whose
 * locations have no default yet gets its first active one as default, so that there is always exactly one.
 */
@ApplicationScoped
public class LocationSync {

    @Inject
    AdminApi api;

    @Inject
    StoreAccess access;

    @Inject
    Stores stores;

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    /** A location as Shopify lists it. */
    public record ShopifyLocation(String id, String name, boolean active) {
    }

    /** Reads from Shopify (outside any transaction) and then records what was read. */
    public void sync(Store store) {
        JsonObject shop = this.access.call(store, token -> this.api.run(store.domain(), token, AdminOperation.SHOP,
                null)).getJsonObject("shop");
        List<ShopifyLocation> locations = new ArrayList<>();
        String after = null;
        do {
            var variables = Json.createObjectBuilder();
            if (after != null) {
                variables.add("after", after);
            }
            JsonObject page = this.access.call(store, token -> this.api.run(store.domain(), token,
                    AdminOperation.LOCATIONS, variables.build())).getJsonObject("locations");
            for (JsonValue node : page.getJsonArray("nodes")) {
                JsonObject location = node.asJsonObject();
                locations.add(new ShopifyLocation(location.getString("id"), location.getString("name"),
                        location.getBoolean("isActive", true)));
            }
            JsonObject pageInfo = page.getJsonObject("pageInfo");
            after = pageInfo.getBoolean("hasNextPage", false) ? pageInfo.getString("endCursor") : null;
        } while (after != null);
        record(store.id(), shop.getString("name", null), locations);
    }

    @Transactional
    public void record(long storeId, String shopName, List<ShopifyLocation> seen) {
        Store store = this.entityManager.find(Store.class, storeId);
        if (shopName != null) {
            store.named(shopName);
        }
        Map<String, StoreLocation> known = this.entityManager
                .createNamedQuery(StoreLocation.OF_STORE, StoreLocation.class).setParameter("store", storeId)
                .getResultStream().collect(Collectors.toMap(StoreLocation::shopifyLocationId, Function.identity()));
        for (ShopifyLocation location : seen) {
            StoreLocation existing = known.get(location.id());
            if (existing == null) {
                StoreLocation added = new StoreLocation(store, location.id(), location.name(), location.active());
                this.entityManager.persist(added);
                known.put(location.id(), added);
            } else {
                existing.seenOnShopify(location.name(), location.active());
            }
        }
        if (known.values().stream().noneMatch(StoreLocation::isDefaultForOrders)) {
            seen.stream().filter(ShopifyLocation::active).findFirst()
                    .ifPresent(first -> known.get(first.id()).defaultForOrders(true));
        }
    }
}
