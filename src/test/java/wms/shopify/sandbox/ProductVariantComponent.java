package wms.shopify.sandbox;

import java.time.Instant;

/**
 * One component of a bundle: a variant and how many units of it one bundle holds. Shopify computes the bundle
 * parent's stock from its components and sells the bundle as its components (the order's lines are theirs).
 */
public final class ProductVariantComponent extends ShopifyObject {

    private final ProductVariant productVariant;
    private final int quantity;

    ProductVariantComponent(long id, ProductVariant productVariant, int quantity, Instant at) {
        super("ProductVariantComponent", id, at);
        if (quantity < 1) {
            throw new IllegalArgumentException("a bundle holds at least 1 unit of a component, not " + quantity);
        }
        this.productVariant = productVariant;
        this.quantity = quantity;
    }

    public ProductVariant productVariant() {
        return productVariant;
    }

    public int quantity() {
        return quantity;
    }
}
