package wms.shopify.shipping.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * One fulfillment a shipment becomes on Shopify (table {@code shipment_fulfillment}): planned (its units per line
 * item kept before it is sent, so that an unclear outcome can be recognised) and, once Shopify has it, its id. A
 * shipment becomes one per location its units sit at, and one per parcel too when the store ships one fulfillment
 * per parcel.
 */
@Embeddable
public class ShipmentFulfillment {

    /** The parcel's position in the shipment, or null: the whole shipment with every parcel's tracking. */
    @Column(name = "parcel")
    private Integer parcel;

    @Column(name = "location_id")
    private String locationId;

    @Column(name = "planned_lines", nullable = false)
    private String plannedLines;

    @Column(name = "fulfillment_id")
    private String fulfillmentId;

    /** Shopify's name of the fulfillment ("#1001.1"), what its fetch_tracking_numbers asks about (V129); null before. */
    @Column(name = "fulfillment_name")
    private String fulfillmentName;

    protected ShipmentFulfillment() {
        // for JPA
    }

    public ShipmentFulfillment(Integer parcel, String locationId, String plannedLines) {
        this.parcel = parcel;
        this.locationId = locationId;
        this.plannedLines = Objects.requireNonNull(plannedLines, "plannedLines");
    }

    /** The same, now that Shopify has it (created now, or found after an unclear attempt), with its name if known. */
    ShipmentFulfillment made(String fulfillmentId, String fulfillmentName) {
        ShipmentFulfillment made = new ShipmentFulfillment(this.parcel, this.locationId, this.plannedLines);
        made.fulfillmentId = Objects.requireNonNull(fulfillmentId, "fulfillmentId");
        made.fulfillmentName = fulfillmentName;
        return made;
    }

    public boolean done() {
        return this.fulfillmentId != null;
    }

    public Integer parcel() {
        return this.parcel;
    }

    public String locationId() {
        return this.locationId;
    }

    public String plannedLines() {
        return this.plannedLines;
    }

    public String fulfillmentId() {
        return this.fulfillmentId;
    }

    public String fulfillmentName() {
        return this.fulfillmentName;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShipmentFulfillment that
                && Objects.equals(this.parcel, that.parcel)
                && Objects.equals(this.locationId, that.locationId)
                && Objects.equals(this.plannedLines, that.plannedLines)
                && Objects.equals(this.fulfillmentId, that.fulfillmentId)
                && Objects.equals(this.fulfillmentName, that.fulfillmentName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.parcel, this.locationId, this.plannedLines, this.fulfillmentId, this.fulfillmentName);
    }
}
