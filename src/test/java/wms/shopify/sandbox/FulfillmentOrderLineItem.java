package wms.shopify.sandbox;

import java.time.Instant;

/** The units of one order line that a fulfillment order still has to ship. */
public final class FulfillmentOrderLineItem extends ShopifyObject {

    private final LineItem lineItem;
    private int totalQuantity;
    private int remainingQuantity;

    FulfillmentOrderLineItem(long id, LineItem lineItem, int totalQuantity, Instant at) {
        super("FulfillmentOrderLineItem", id, at);
        this.lineItem = lineItem;
        this.totalQuantity = totalQuantity;
        this.remainingQuantity = totalQuantity;
    }

    public LineItem lineItem() {
        return lineItem;
    }

    public ProductVariant variant() {
        return lineItem.variant();
    }

    public String sku() {
        return lineItem.sku();
    }

    public String productTitle() {
        return lineItem.title();
    }

    public String variantTitle() {
        return lineItem.variantTitle();
    }

    public String inventoryItemId() {
        return lineItem.variant().inventoryItem().id();
    }

    public boolean requiresShipping() {
        return true;
    }

    public int totalQuantity() {
        return totalQuantity;
    }

    public int remainingQuantity() {
        return remainingQuantity;
    }

    void ship(int units) {
        remainingQuantity -= units;
    }

    /** Units leave this line for another fulfillment order (a move, a partial request or hold, an edit). */
    void takeOut(int units) {
        totalQuantity -= units;
        remainingQuantity -= units;
    }

    /** Units join this line (an order edit raising the line's quantity). */
    void putIn(int units) {
        totalQuantity += units;
        remainingQuantity += units;
    }
}
