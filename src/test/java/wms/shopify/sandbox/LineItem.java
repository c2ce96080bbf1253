package wms.shopify.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** One line of an order: a variant and a quantity. */
public final class LineItem extends ShopifyObject {

    private final ProductVariant variant;
    private int quantity;
    private int removedQuantity;
    private int fulfilledQuantity;
    private final LineItemGroup lineItemGroup;

    LineItem(long id, ProductVariant variant, int quantity, Instant at) {
        this(id, variant, quantity, null, at);
    }

    /** A line of a bundle's component: {@code group} is the bundle bought. */
    LineItem(long id, ProductVariant variant, int quantity, LineItemGroup group, Instant at) {
        super("LineItem", id, at);
        this.variant = variant;
        this.quantity = quantity;
        this.lineItemGroup = group;
    }

    /** The bundle this line is a component of, or null for a line bought on its own. */
    public LineItemGroup lineItemGroup() {
        return lineItemGroup;
    }

    public ProductVariant variant() {
        return variant;
    }

    public Product product() {
        return variant.product();
    }

    public String name() {
        return variant.displayName();
    }

    public String title() {
        return variant.product().title();
    }

    public String variantTitle() {
        return variant.title();
    }

    public String vendor() {
        return variant.product().vendor();
    }

    public String sku() {
        return variant.sku();
    }

    public int quantity() {
        return quantity;
    }

    /** The quantity ordered minus what order edits removed, as Shopify's {@code currentQuantity}. */
    public int currentQuantity() {
        return quantity - removedQuantity;
    }

    public int unfulfilledQuantity() {
        return currentQuantity() - fulfilledQuantity;
    }

    public int fulfilledQuantity() {
        return fulfilledQuantity;
    }

    /** An order edit raised the line by {@code units}. */
    void added(int units) {
        quantity += units;
    }

    /** An order edit took {@code units} off the line. */
    void removed(int units) {
        removedQuantity += units;
    }

    public boolean requiresShipping() {
        return true;
    }

    public BigDecimal price() {
        return variant.price();
    }

    public Map<String, Object> originalUnitPriceSet() {
        return Money.bag(price());
    }

    void fulfil(int units) {
        fulfilledQuantity += units;
    }
}
