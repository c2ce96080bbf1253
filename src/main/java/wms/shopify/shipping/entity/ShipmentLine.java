package wms.shopify.shipping.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** Units of one WMS product in a shipment. */
@Embeddable
public class ShipmentLine {

    @Column(name = "product_code", nullable = false)
    private String productCode;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    protected ShipmentLine() {
        // for JPA
    }

    public ShipmentLine(String productCode, int quantity) {
        this.productCode = Objects.requireNonNull(productCode, "productCode");
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
        return other instanceof ShipmentLine that
                && this.quantity == that.quantity
                && this.productCode.equals(that.productCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.productCode, this.quantity);
    }
}
