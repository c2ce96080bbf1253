package wms.shopify.sandbox;

import java.time.Instant;
import java.util.List;

/** The stock-keeping side of a variant: what Shopify counts quantities of, per location. */
public final class InventoryItem extends ShopifyObject {

    private final Shop shop;
    private ProductVariant variant;
    private boolean tracked = true;

    InventoryItem(Shop shop, long id, Instant at) {
        super("InventoryItem", id, at);
        this.shop = shop;
    }

    public String sku() {
        return variant.sku();
    }

    public boolean tracked() {
        return tracked;
    }

    /** Whether this is a bundle parent's item, whose stock Shopify computes from the components'. */
    boolean bundleParent() {
        return variant != null && variant.requiresComponents();
    }

    public boolean requiresShipping() {
        return true;
    }

    public ProductVariant variant() {
        return variant;
    }

    public List<ProductVariant> variants() {
        return List.of(variant);
    }

    public List<InventoryLevel> inventoryLevels() {
        return shop.levelsOf(this);
    }

    /** The level at a location, or null when the item is not stocked there. */
    public InventoryLevel inventoryLevel(Location location) {
        return shop.level(this, location);
    }

    void variant(ProductVariant owner) {
        variant = owner;
    }

    void tracked(boolean value) {
        tracked = value;
    }

    @Override
    Object searchValue(String field) {
        return "sku".equals(field) ? sku() : super.searchValue(field);
    }
}
