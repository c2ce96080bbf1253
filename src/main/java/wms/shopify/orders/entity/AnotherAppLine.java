package wms.shopify.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * Units of one Shopify line item that Shopify assigned to another app's fulfillment service location (a 3PL's): that
 * app fulfils them, so they are never the WMS's to ship; the order keeps them to show who does.
 */
@Embeddable
public class AnotherAppLine {

    @Column(name = "line_item_id", nullable = false)
    private String lineItemId;

    @Column(name = "sku")
    private String sku;

    @Column(name = "title")
    private String title;

    @Column(name = "product_code")
    private String productCode;

    @Column(name = "location_id", nullable = false)
    private String locationId;

    @Column(name = "service_name", nullable = false)
    private String serviceName;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    protected AnotherAppLine() {
        // for JPA
    }

    public AnotherAppLine(
            String lineItemId,
            String sku,
            String title,
            String productCode,
            String locationId,
            String serviceName,
            int quantity) {
        this.lineItemId = Objects.requireNonNull(lineItemId, "lineItemId");
        this.sku = sku;
        this.title = title;
        this.productCode = productCode;
        this.locationId = Objects.requireNonNull(locationId, "locationId");
        this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
        this.quantity = quantity;
    }

    public String lineItemId() {
        return this.lineItemId;
    }

    public String sku() {
        return this.sku;
    }

    public String title() {
        return this.title;
    }

    /** The WMS product the variant maps to, or null: such a line never holds the order. */
    public String productCode() {
        return this.productCode;
    }

    public String locationId() {
        return this.locationId;
    }

    /** The fulfillment service that fulfils them, by the name the merchant knows it. */
    public String serviceName() {
        return this.serviceName;
    }

    public int quantity() {
        return this.quantity;
    }

    /** "fulfilled by ShipFast (another app)". */
    public String fulfilledBy() {
        return "fulfilled by " + this.serviceName + " (another app)";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AnotherAppLine that
                && this.quantity == that.quantity
                && this.lineItemId.equals(that.lineItemId)
                && Objects.equals(this.sku, that.sku)
                && Objects.equals(this.title, that.title)
                && Objects.equals(this.productCode, that.productCode)
                && this.locationId.equals(that.locationId)
                && this.serviceName.equals(that.serviceName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.lineItemId, this.locationId, this.quantity);
    }
}
