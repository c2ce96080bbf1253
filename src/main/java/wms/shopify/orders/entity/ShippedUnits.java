package wms.shopify.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** Units of one WMS product that had shipped when the WMS answered a cancellation "too late". */
@Embeddable
public class ShippedUnits {

    @Column(name = "product_code", nullable = false)
    private String productCode;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    protected ShippedUnits() {
        // for JPA
    }

    public ShippedUnits(String productCode, int quantity) {
        this.productCode = Objects.requireNonNull(productCode);
        this.quantity = quantity;
    }

    public String productCode() {
        return this.productCode;
    }

    public int quantity() {
        return this.quantity;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShippedUnits that
                && this.quantity == that.quantity
                && this.productCode.equals(that.productCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.productCode, this.quantity);
    }

    @Override
    public String toString() {
        return this.quantity + " × " + this.productCode;
    }
}
