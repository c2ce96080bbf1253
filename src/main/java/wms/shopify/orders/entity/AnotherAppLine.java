package wms.shopify.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * Units of one Shopify line item that Shopify assigned to another app's fulfillment service location (a 3PL's): that
 * app fulfils them, so they are never the WMS's to ship; the order keeps them to show who does. When the store's
 * token lacks {@code read_third_party_fulfillment_orders}, Shopify hides such fulfillment orders: units no visible
 * fulfillment order covers are kept with no location and no service ({@link #notVisible}).
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

    @Column(name = "location_id")
    private String locationId;

    @Column(name = "service_name")
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

    private AnotherAppLine(String lineItemId, String sku, String title, String productCode, int quantity) {
        this.lineItemId = Objects.requireNonNull(lineItemId, "lineItemId");
        this.sku = sku;
        this.title = title;
        this.productCode = productCode;
        this.quantity = quantity;
    }

    /**
     * Units that no fulfillment order the connector may see covers: Shopify assigned them where the token's scopes do
     * not reach (another app's fulfillment service, seen only with {@code read_third_party_fulfillment_orders}).
     */
    public static AnotherAppLine notVisible(
            String lineItemId, String sku, String title, String productCode, int quantity) {
        return new AnotherAppLine(lineItemId, sku, title, productCode, quantity);
    }

    /** Whether Shopify hid where these units are fulfilled (no location, no service). */
    public boolean isNotVisible() {
        return this.locationId == null;
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

    /** The other app's location, or null when Shopify did not show it ({@link #isNotVisible}). */
    public String locationId() {
        return this.locationId;
    }

    /** The fulfillment service that fulfils them, by the name the merchant knows it; null when not visible. */
    public String serviceName() {
        return this.serviceName;
    }

    public int quantity() {
        return this.quantity;
    }

    /** "fulfilled by ShipFast (another app)", or {@link #NOT_VISIBLE} when Shopify hid where. */
    public String fulfilledBy() {
        return isNotVisible() ? NOT_VISIBLE : "fulfilled by " + this.serviceName + " (another app)";
    }

    /** What the Orders page and the feed entry say of units no visible fulfillment order covers. */
    public static final String NOT_VISIBLE = "not visible to the connector: fulfilled elsewhere, grant "
            + "read_third_party_fulfillment_orders (re-authorise the store) to see by whom";

    @Override
    public boolean equals(Object other) {
        return other instanceof AnotherAppLine that
                && this.quantity == that.quantity
                && this.lineItemId.equals(that.lineItemId)
                && Objects.equals(this.sku, that.sku)
                && Objects.equals(this.title, that.title)
                && Objects.equals(this.productCode, that.productCode)
                && Objects.equals(this.locationId, that.locationId)
                && Objects.equals(this.serviceName, that.serviceName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.lineItemId, this.locationId, this.quantity);
    }
}
