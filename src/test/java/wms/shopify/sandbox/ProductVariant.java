package wms.shopify.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A sellable variant of a product, with the inventory item that Shopify counts its stock on. */
public final class ProductVariant extends ShopifyObject {

    private final Product product;
    private final String title;
    private volatile String sku;
    private final String barcode;
    private final BigDecimal price;
    private final int position;
    private final InventoryItem inventoryItem;
    private final List<ProductVariantComponent> components = new ArrayList<>();

    ProductVariant(
            long id,
            Product product,
            String title,
            String sku,
            String barcode,
            BigDecimal price,
            int position,
            InventoryItem inventoryItem,
            Instant at) {
        super("ProductVariant", id, at);
        this.product = product;
        this.title = title;
        this.sku = sku;
        this.barcode = barcode;
        this.price = price;
        this.position = position;
        this.inventoryItem = inventoryItem;
    }

    public Product product() {
        return product;
    }

    public String title() {
        return title;
    }

    public String displayName() {
        return product.title() + " - " + title;
    }

    /** The merchant edits the SKU in the Shopify admin (the variant and its inventory item keep their ids). */
    void sku(String newSku) {
        this.sku = newSku;
    }

    public String sku() {
        return sku;
    }

    public String barcode() {
        return barcode;
    }

    public BigDecimal price() {
        return price;
    }

    public int position() {
        return position;
    }

    public boolean availableForSale() {
        return !inventoryItem.tracked() || inventoryQuantity() > 0;
    }

    public String inventoryPolicy() {
        return "DENY";
    }

    /** Shopify's sum of {@code available} over the variant's locations. */
    public int inventoryQuantity() {
        return inventoryItem.inventoryLevels().stream()
                .mapToInt(l -> l.quantity("available"))
                .sum();
    }

    public List<Map<String, String>> selectedOptions() {
        return List.of(Map.of("name", "Title", "value", title));
    }

    public InventoryItem inventoryItem() {
        return inventoryItem;
    }

    /**
     * Whether the variant is a bundle's parent: sold only as its components, its stock computed by Shopify from
     * theirs, and never written through the API.
     */
    public boolean requiresComponents() {
        return !components.isEmpty();
    }

    /** The bundle's components, in the order the merchant added them; empty for any other variant. */
    public List<ProductVariantComponent> productVariantComponents() {
        return List.copyOf(components);
    }

    void addComponent(ProductVariantComponent component) {
        components.add(component);
    }

    @Override
    Object searchValue(String field) {
        return switch (field) {
            case "sku" -> sku;
            case "barcode" -> barcode;
            case "title" -> title;
            case "product_id" -> product.legacyResourceId();
            case "product_status" -> product.searchValue("status");
            case "position" -> position;
            default -> super.searchValue(field);
        };
    }
}
