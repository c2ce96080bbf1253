package wms.shopify.sandbox;

import java.time.Instant;

/** Units of one fulfillment line that a customer sends back, and how many of them are processed. */
public final class ReturnLineItem extends ShopifyObject {

    private final FulfillmentLineItem fulfillmentLineItem;
    private final int quantity;
    private final String customerNote;
    private final String returnReasonNote;
    private int processedQuantity;
    private int refundedQuantity;

    ReturnLineItem(
            long id,
            FulfillmentLineItem fulfillmentLineItem,
            int quantity,
            String customerNote,
            String returnReasonNote,
            Instant at) {
        super("ReturnLineItem", id, at);
        this.fulfillmentLineItem = fulfillmentLineItem;
        this.quantity = quantity;
        this.customerNote = customerNote;
        this.returnReasonNote = returnReasonNote == null ? "" : returnReasonNote;
    }

    public FulfillmentLineItem fulfillmentLineItem() {
        return fulfillmentLineItem;
    }

    public int quantity() {
        return quantity;
    }

    public int processedQuantity() {
        return processedQuantity;
    }

    public int processableQuantity() {
        return quantity - processedQuantity;
    }

    public int unprocessedQuantity() {
        return quantity - processedQuantity;
    }

    public int refundableQuantity() {
        return quantity - refundedQuantity;
    }

    public int refundedQuantity() {
        return refundedQuantity;
    }

    void refunded(int units) {
        refundedQuantity += units;
    }

    public String customerNote() {
        return customerNote;
    }

    public String returnReasonNote() {
        return returnReasonNote;
    }

    void process(int units) {
        processedQuantity += units;
    }
}
