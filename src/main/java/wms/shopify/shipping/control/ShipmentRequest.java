package wms.shopify.shipping.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import wms.shopify.shipping.entity.Parcel;
import wms.shopify.shipping.entity.ParcelLine;
import wms.shopify.shipping.entity.ShipmentLine;

/**
 * A shipment as the WMS reported it, already checked for form (the resource does that before any transaction).
 *
 * @param shipmentId the WMS's own id of the shipment: reporting it again is harmless
 * @param orderId the connector's order id (from the order feed)
 * @param parcelLines which units are in which parcel (empty: not said)
 * @param notifyCustomer whether Shopify notifies the customer of this shipment (null: the store's setting)
 * @param warehouse the WMS warehouse it ships from (null: not said), which an order of several warehouses needs: the
 *     shipment is of that warehouse's part
 */
public record ShipmentRequest(
        String shipmentId,
        long orderId,
        String carrier,
        Instant shippedAt,
        List<ShipmentLine> lines,
        List<Parcel> parcels,
        List<ParcelLine> parcelLines,
        Boolean notifyCustomer,
        String warehouse) {

    public ShipmentRequest {
        lines = List.copyOf(lines);
        parcels = List.copyOf(parcels);
        parcelLines = List.copyOf(parcelLines);
    }

    /** What the shipment says, as a digest: the same id with other content is a conflict, not a repeat. */
    public String fingerprint() {
        StringBuilder text = new StringBuilder()
                .append(this.orderId)
                .append('|')
                .append(this.carrier)
                .append('|')
                .append(this.shippedAt.toEpochMilli());
        this.lines.forEach(
                l -> text.append("|L").append(l.productCode()).append('=').append(l.quantity()));
        this.parcels.forEach(
                p -> text.append("|P").append(p.trackingNumber()).append('@').append(p.trackingUrl()));
        // Only what a report says: a shipment reported before these fields existed keeps its digest.
        this.parcelLines.forEach(l -> text.append("|C")
                .append(l.parcel())
                .append(':')
                .append(l.productCode())
                .append('=')
                .append(l.quantity()));
        if (this.notifyCustomer != null) {
            text.append("|N").append(this.notifyCustomer);
        }
        if (this.warehouse != null) {
            text.append("|W").append(this.warehouse);
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
