package wms.shopify.stores.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import wms.shopify.adminapi.control.AdminApi;
import wms.shopify.adminapi.control.AdminOperation;
import wms.shopify.stores.entity.Store;

/**
 * Reads a store's name and every location from Shopify and keeps the store's location list current: new locations
 * are added unmapped, renamed or deactivated ones updated, the merchant's mappings left alone (recorded by
 * {@link LocationMapping#seenOnShopify}).
 */
@ApplicationScoped
public class LocationSync {

    @Inject
    AdminApi api;

    @Inject
    StoreAccess access;

    @Inject
    LocationMapping mapping;

    /**
     * A location as Shopify lists it.
     *
     * @param serviceHandle the handle of the fulfillment service that operates it, null when the merchant does
     * @param serviceName that service's name
     */
    public record ShopifyLocation(String id, String name, boolean active, String serviceHandle, String serviceName) {

        public ShopifyLocation(String id, String name, boolean active) {
            this(id, name, active, null, null);
        }
    }

    /** Reads from Shopify (outside any transaction: no connection held while waiting) and then records it. */
    public void sync(Store store) {
        JsonObject shop = this.access
                .call(store, token -> this.api.run(store.domain(), token, AdminOperation.SHOP, null))
                .getJsonObject("shop");
        List<ShopifyLocation> locations = new ArrayList<>();
        String after = null;
        do {
            var variables = Json.createObjectBuilder();
            if (after != null) {
                variables.add("after", after);
            }
            JsonObject page = this.access
                    .call(
                            store,
                            token -> this.api.run(store.domain(), token, AdminOperation.LOCATIONS, variables.build()))
                    .getJsonObject("locations");
            for (JsonValue node : page.getJsonArray("nodes")) {
                JsonObject location = node.asJsonObject();
                // A service location whose service Shopify did not name is still a service's, never the merchant's.
                boolean operated = location.getBoolean("isFulfillmentService", false);
                JsonObject service = location.get("fulfillmentService") instanceof JsonObject named ? named : null;
                locations.add(new ShopifyLocation(
                        location.getString("id"),
                        location.getString("name"),
                        location.getBoolean("isActive", true),
                        operated ? (service == null ? "" : service.getString("handle", "")) : null,
                        operated
                                ? (service == null
                                        ? "a fulfillment service"
                                        : service.getString("serviceName", "a fulfillment service"))
                                : null));
            }
            JsonObject pageInfo = page.getJsonObject("pageInfo");
            after = pageInfo.getBoolean("hasNextPage", false) ? pageInfo.getString("endCursor") : null;
        } while (after != null);
        // Through the other bean, not a call on this one: only then does its transaction interceptor apply.
        this.mapping.seenOnShopify(store.id(), shop.getString("name", null), locations);
    }
}
