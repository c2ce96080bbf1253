package wms.shopify.catalog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import wms.shopify.catalog.entity.ShopifyVariant;
import wms.shopify.shopify.control.AdminApi;
import wms.shopify.shopify.control.AdminOperation;
import wms.shopify.stores.control.StoreAccess;
import wms.shopify.stores.entity.Store;

/**
 * A store's catalog as Shopify has it, read in cursor pages of 250 through the {@link AdminApi} (so every page
 * waits for the store's cost budget): the variants, and the inventory items stocked at a location. Pages are
 * handed on one at a time and never collected, so memory does not grow with the catalog.
 */
@ApplicationScoped
public class ShopifyCatalog {

    @Inject
    AdminApi api;

    @Inject
    StoreAccess access;

    /** The ids of the inventory items stocked at one location of the store. */
    public Set<String> stockedAt(Store store, String locationId) {
        Set<String> items = new HashSet<>();
        String after = null;
        do {
            JsonObjectBuilder variables = Json.createObjectBuilder().add("location", locationId);
            if (after != null) {
                variables.add("after", after);
            }
            JsonObject location = this.access.call(store, token -> this.api.run(store.domain(), token,
                    AdminOperation.LOCATION_INVENTORY_LEVELS, variables.build())).getJsonObject("location");
            if (location == null || location.isNull("inventoryLevels")) {
                return items; // the location is gone: nothing is stocked there
            }
            JsonObject levels = location.getJsonObject("inventoryLevels");
            for (JsonValue node : levels.getJsonArray("nodes")) {
                items.add(node.asJsonObject().getJsonObject("item").getString("id"));
            }
            after = nextCursor(levels);
        } while (after != null);
        return items;
    }

    /**
     * Reads every variant of the store, page by page.
     *
     * @param stocked whether an inventory item is stocked at every mapped location
     * @param page called with each page of variants, in Shopify's id order
     */
    public void eachPage(Store store, Predicate<String> stocked, Consumer<List<ShopifyVariant>> page) {
        String after = null;
        do {
            JsonObjectBuilder variables = Json.createObjectBuilder();
            if (after != null) {
                variables.add("after", after);
            }
            JsonObject variants = this.access.call(store, token -> this.api.run(store.domain(), token,
                    AdminOperation.PRODUCT_VARIANTS, variables.build())).getJsonObject("productVariants");
            List<ShopifyVariant> read = new ArrayList<>();
            for (JsonValue node : variants.getJsonArray("nodes")) {
                read.add(variant(node.asJsonObject(), stocked));
            }
            page.accept(read);
            after = nextCursor(variants);
        } while (after != null);
    }

    static ShopifyVariant variant(JsonObject node, Predicate<String> stocked) {
        JsonObject item = node.isNull("inventoryItem") ? null : node.getJsonObject("inventoryItem");
        String itemId = item == null ? null : item.getString("id");
        JsonObject product = node.isNull("product") ? null : node.getJsonObject("product");
        return new ShopifyVariant(node.getString("id"), itemId, product == null ? "" : product.getString("title", ""),
                text(node, "title"), text(node, "sku"), text(node, "barcode"),
                item != null && item.getBoolean("tracked", false), itemId != null && stocked.test(itemId));
    }

    private static String text(JsonObject node, String field) {
        return node.containsKey(field) && !node.isNull(field) ? node.getString(field) : null;
    }

    private static String nextCursor(JsonObject connection) {
        JsonObject pageInfo = connection.getJsonObject("pageInfo");
        return pageInfo.getBoolean("hasNextPage", false) ? pageInfo.getString("endCursor") : null;
    }
}
