package wms.shopify.sandbox;

import java.time.Instant;

/** The units of one order line that a fulfillment shipped; returns refer to these. */
public final class FulfillmentLineItem extends ShopifyObject {

    private final LineItem lineItem;
    private final int quantity;

    FulfillmentLineItem(long id, LineItem lineItem, int quantity, Instant at) {
        super("FulfillmentLineItem", id, at);
        this.lineItem = lineItem;
        this.quantity = quantity;
    }

    public LineItem lineItem() {
        return lineItem;
    }

    public int quantity() {
        return quantity;
    }
}
