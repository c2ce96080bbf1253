package wms.shopify.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The bundle a customer bought, on an order whose lines are the bundle's components: each component line names
 * this group ({@code LineItem.lineItemGroup}), which names the bundle's product, variant, SKU and quantity.
 */
public final class LineItemGroup extends ShopifyObject {

    private final ProductVariant bundle;
    private final int quantity;

    LineItemGroup(long id, ProductVariant bundle, int quantity, Instant at) {
        super("LineItemGroup", id, at);
        this.bundle = bundle;
        this.quantity = quantity;
    }

    public String title() {
        return bundle.product().title();
    }

    public int quantity() {
        return quantity;
    }

    public String productId() {
        return bundle.product().id();
    }

    public String variantId() {
        return bundle.id();
    }

    public String variantSku() {
        return bundle.sku();
    }

    public List<Map<String, String>> customAttributes() {
        return List.of();
    }
}
