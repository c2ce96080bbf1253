package wms.shopify.sandbox;

import java.time.Instant;

/**
 * A line of an order edit: an existing order line with its staged quantity, or a variant the edit adds (with the
 * location it is to be fulfilled from). Units already shipped or held by a fulfillment service cannot be edited away.
 */
public final class CalculatedLineItem extends ShopifyObject {

    private final LineItem lineItem;
    private final ProductVariant variant;
    private final Location location;
    private final int editableQuantityBeforeChanges;
    private int quantity;
    private boolean restocking;

    CalculatedLineItem(
            long id,
            LineItem lineItem,
            ProductVariant variant,
            Location location,
            int quantity,
            int editableQuantityBeforeChanges,
            Instant at) {
        super("CalculatedLineItem", id, at);
        this.lineItem = lineItem;
        this.variant = variant;
        this.location = location;
        this.quantity = quantity;
        this.editableQuantityBeforeChanges = editableQuantityBeforeChanges;
    }

    /** The order line this edits, or null for a variant the edit adds. */
    LineItem lineItem() {
        return lineItem;
    }

    boolean added() {
        return lineItem == null;
    }

    Location location() {
        return location;
    }

    public ProductVariant variant() {
        return variant;
    }

    public String sku() {
        return variant.sku();
    }

    public String title() {
        return variant.product().title();
    }

    public String variantTitle() {
        return variant.title();
    }

    /** The line's quantity with the staged change. */
    public int quantity() {
        return quantity;
    }

    /** What the edit can change: the staged quantity less the units that can no longer be edited. */
    public int editableQuantity() {
        return quantity - fixedQuantity();
    }

    public int editableQuantityBeforeChanges() {
        return editableQuantityBeforeChanges;
    }

    public boolean restocking() {
        return restocking;
    }

    /** Units no edit can remove: shipped, or with a fulfillment service that has the request. */
    int fixedQuantity() {
        return added() ? 0 : lineItem.currentQuantity() - editableQuantityBeforeChanges;
    }

    void quantity(int newQuantity, boolean restock) {
        quantity = newQuantity;
        restocking = restock;
    }
}
