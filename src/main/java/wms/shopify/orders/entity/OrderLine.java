package wms.shopify.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * Units of one Shopify line item still to ship from one location, with the WMS product they map to (null while
 * unmapped: the order is then held) and the WMS warehouse that location ships from: the order's lines of one
 * warehouse are its part for that warehouse, one feed entry each.
 */
@Embeddable
public class OrderLine {

    @Column(name = "line_item_id", nullable = false)
    private String lineItemId;

    @Column(name = "variant_id")
    private String variantId;

    @Column(name = "sku")
    private String sku;

    @Column(name = "title")
    private String title;

    @Column(name = "product_code")
    private String productCode;

    @Column(name = "inventory_item_id")
    private String inventoryItemId;

    @Column(name = "location_id")
    private String locationId;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    /** The bundle the line was sold in on Shopify (its SKU, else its title), null for a line bought on its own. */
    @Column(name = "bundle")
    private String bundle;

    /** The WMS warehouse the line's location ships from: the order's part it belongs to (null while none is found). */
    @Column(name = "warehouse_code")
    private String warehouseCode;

    /** The shipping process mapped to the line's location, if any. */
    @Column(name = "shipping_process_code")
    private String shippingProcessCode;

    protected OrderLine() {
        // for JPA
    }

    /** A line shipped from this warehouse, with this shipping process (both null when not found). */
    public OrderLine(
            String lineItemId,
            String variantId,
            String sku,
            String title,
            String productCode,
            String inventoryItemId,
            String locationId,
            int quantity,
            String bundle,
            String warehouseCode,
            String shippingProcessCode) {
        this.warehouseCode = warehouseCode;
        this.shippingProcessCode = shippingProcessCode;
        this.lineItemId = Objects.requireNonNull(lineItemId, "lineItemId");
        this.variantId = variantId;
        this.sku = sku;
        this.title = title;
        this.productCode = productCode;
        this.inventoryItemId = inventoryItemId;
        this.locationId = locationId;
        this.quantity = quantity;
        this.bundle = bundle;
    }

    public String lineItemId() {
        return this.lineItemId;
    }

    public String variantId() {
        return this.variantId;
    }

    public String sku() {
        return this.sku;
    }

    public String title() {
        return this.title;
    }

    public String productCode() {
        return this.productCode;
    }

    public String inventoryItemId() {
        return this.inventoryItemId;
    }

    public String locationId() {
        return this.locationId;
    }

    public int quantity() {
        return this.quantity;
    }

    public String bundle() {
        return this.bundle;
    }

    /** This line as shipped from that warehouse, with that shipping process. */
    OrderLine from(String warehouse, String shippingProcess) {
        return new OrderLine(
                this.lineItemId,
                this.variantId,
                this.sku,
                this.title,
                this.productCode,
                this.inventoryItemId,
                this.locationId,
                this.quantity,
                this.bundle,
                warehouse,
                shippingProcess);
    }

    public String warehouseCode() {
        return this.warehouseCode;
    }

    public String shippingProcessCode() {
        return this.shippingProcessCode;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrderLine that
                && this.quantity == that.quantity
                && this.lineItemId.equals(that.lineItemId)
                && Objects.equals(this.variantId, that.variantId)
                && Objects.equals(this.sku, that.sku)
                && Objects.equals(this.title, that.title)
                && Objects.equals(this.productCode, that.productCode)
                && Objects.equals(this.inventoryItemId, that.inventoryItemId)
                && Objects.equals(this.locationId, that.locationId)
                && Objects.equals(this.bundle, that.bundle)
                && Objects.equals(this.warehouseCode, that.warehouseCode)
                && Objects.equals(this.shippingProcessCode, that.shippingProcessCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.lineItemId, this.locationId, this.quantity);
    }
}
