package wms.shopify.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * The units of one Shopify line item as ordered now (its {@code currentQuantity}: after edits and removals, whatever
 * has shipped), with the WMS product it maps to. What an order's edits are measured by: a fulfillment does not change
 * it, an edit does.
 */
@Embeddable
public class OrderedUnits {

    @Column(name = "line_item_id", nullable = false)
    private String lineItemId;

    @Column(name = "product_code")
    private String productCode;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    protected OrderedUnits() {
        // for JPA
    }

    public OrderedUnits(String lineItemId, String productCode, int quantity) {
        this.lineItemId = Objects.requireNonNull(lineItemId);
        this.productCode = productCode;
        this.quantity = quantity;
    }

    public String lineItemId() {
        return this.lineItemId;
    }

    public String productCode() {
        return this.productCode;
    }

    public int quantity() {
        return this.quantity;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrderedUnits that
                && this.quantity == that.quantity
                && this.lineItemId.equals(that.lineItemId)
                && Objects.equals(this.productCode, that.productCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.lineItemId, this.productCode, this.quantity);
    }

    @Override
    public String toString() {
        return this.quantity + " × " + this.productCode + " (" + this.lineItemId + ")";
    }
}
