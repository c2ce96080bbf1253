package wms.shopify.returns.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Units of one order line the customer returns, with the WMS product they are (null while unmapped). */
@Embeddable
public class ReturnLine {

    @Column(name = "return_line_item_id", nullable = false)
    private String returnLineItemId;

    @Column(name = "fulfillment_line_item_id", nullable = false)
    private String fulfillmentLineItemId;

    @Column(name = "line_item_id")
    private String lineItemId;

    @Column(name = "sku")
    private String sku;

    @Column(name = "product_code")
    private String productCode;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    @Column(name = "received", nullable = false)
    private int received;

    protected ReturnLine() {
        // for JPA
    }

    public ReturnLine(
            String returnLineItemId,
            String fulfillmentLineItemId,
            String lineItemId,
            String sku,
            String productCode,
            int quantity) {
        this.returnLineItemId = returnLineItemId;
        this.fulfillmentLineItemId = fulfillmentLineItemId;
        this.lineItemId = lineItemId;
        this.sku = sku;
        this.productCode = productCode;
        this.quantity = quantity;
    }

    public String returnLineItemId() {
        return this.returnLineItemId;
    }

    public String fulfillmentLineItemId() {
        return this.fulfillmentLineItemId;
    }

    public String lineItemId() {
        return this.lineItemId;
    }

    public String sku() {
        return this.sku;
    }

    public String productCode() {
        return this.productCode;
    }

    public int quantity() {
        return this.quantity;
    }

    public int received() {
        return this.received;
    }

    public int open() {
        return this.quantity - this.received;
    }

    /** Takes up to {@code units} received units; answers how many it took. */
    int receive(int units) {
        int taken = Math.min(units, open());
        this.received += taken;
        return taken;
    }
}
