package wms.shopify.shipping.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * Units of one WMS product in one parcel of a shipment (table {@code shipment_parcel_line}), as the WMS said: what a
 * store that ships one fulfillment per parcel puts in that parcel's fulfillment.
 */
@Embeddable
public class ParcelLine {

    /** The parcel's position in the shipment's parcels. */
    @Column(name = "parcel", nullable = false)
    private int parcel;

    @Column(name = "product_code", nullable = false)
    private String productCode;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    protected ParcelLine() {
        // for JPA
    }

    public ParcelLine(int parcel, String productCode, int quantity) {
        this.parcel = parcel;
        this.productCode = Objects.requireNonNull(productCode, "productCode");
        this.quantity = quantity;
    }

    public int parcel() {
        return this.parcel;
    }

    public String productCode() {
        return this.productCode;
    }

    public int quantity() {
        return this.quantity;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParcelLine that
                && this.parcel == that.parcel
                && this.quantity == that.quantity
                && this.productCode.equals(that.productCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.parcel, this.productCode, this.quantity);
    }
}
