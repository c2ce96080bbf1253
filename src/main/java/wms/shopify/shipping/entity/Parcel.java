package wms.shopify.shipping.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** One parcel of a shipment: its tracking number and, when the carrier gives one, its tracking URL. */
@Embeddable
public class Parcel {

    @Column(name = "tracking_number")
    private String trackingNumber;

    @Column(name = "tracking_url")
    private String trackingUrl;

    protected Parcel() {
        // for JPA
    }

    public Parcel(String trackingNumber, String trackingUrl) {
        this.trackingNumber = trackingNumber;
        this.trackingUrl = trackingUrl;
    }

    public String trackingNumber() {
        return this.trackingNumber;
    }

    public String trackingUrl() {
        return this.trackingUrl;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Parcel that
                && Objects.equals(this.trackingNumber, that.trackingNumber)
                && Objects.equals(this.trackingUrl, that.trackingUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.trackingNumber, this.trackingUrl);
    }
}
