package wms.shopify.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Shopify product and its variants. */
public final class Product extends ShopifyObject {

    /**
     * "It is now possible for all Shopify merchants to create products with up to 2,048 variants"
     * (shopify.dev/changelog/the-product-variant-limit-is-now-2048-for-all-merchants, October 2025).
     */
    public static final int MAX_VARIANTS = 2048;

    private final String title;
    private final List<ProductVariant> variants = new ArrayList<>();
    private String status = "ACTIVE";

    Product(long id, String title, Instant at) {
        super("Product", id, at);
        this.title = title;
    }

    public String title() {
        return title;
    }

    public String handle() {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    public String status() {
        return status;
    }

    public String vendor() {
        return "Sandbox";
    }

    public String productType() {
        return "";
    }

    public List<String> tags() {
        return List.of();
    }

    public boolean hasOnlyDefaultVariant() {
        return variants.size() == 1 && "Default Title".equals(variants.get(0).title());
    }

    public boolean hasVariantsThatRequiresComponents() {
        return variants.stream().anyMatch(ProductVariant::requiresComponents);
    }

    public boolean tracksInventory() {
        return variants.stream().anyMatch(v -> v.inventoryItem().tracked());
    }

    public int totalInventory() {
        return variants.stream().mapToInt(ProductVariant::inventoryQuantity).sum();
    }

    public List<ProductVariant> variants() {
        return List.copyOf(variants);
    }

    void add(ProductVariant variant) {
        variants.add(variant);
    }

    void status(String newStatus) {
        status = newStatus;
    }

    @Override
    Object searchValue(String field) {
        return switch (field) {
            case "title" -> title;
            case "status" -> status.toLowerCase(Locale.ROOT);
            case "sku" -> variants.stream().map(ProductVariant::sku).toList();
            default -> super.searchValue(field);
        };
    }
}
