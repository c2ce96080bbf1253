package wms.shopify.returns.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Units of one WMS product the warehouse received back, and whether they go back on sale. */
@Embeddable
public class ReceiptLine {

    @Column(name = "product_code", nullable = false)
    private String productCode;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    @Column(name = "restock", nullable = false)
    private boolean restock;

    protected ReceiptLine() {
        // for JPA
    }

    public ReceiptLine(String productCode, int quantity, boolean restock) {
        this.productCode = productCode;
        this.quantity = quantity;
        this.restock = restock;
    }

    public String productCode() {
        return this.productCode;
    }

    public int quantity() {
        return this.quantity;
    }

    public boolean restock() {
        return this.restock;
    }
}
