package wms.shopify.shipping.boundary;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import wms.shopify.shipping.entity.Parcel;
import wms.shopify.shipping.entity.Shipment;

/** A shipment as the connector has it, with its state on the way to Shopify. */
@Schema(name = "Shipment", description = "A shipment the WMS reported and where it stands on Shopify.")
public record ShipmentView(
        @Schema(description = "The WMS's shipment id") String shipmentId,
        @Schema(description = "The connector's order id") long orderId,
        @Schema(description = "The order's name on Shopify") String orderName,

        @Schema(
                description = "The WMS warehouse the shipment ships from: the warehouse of its part of an order over "
                        + "several warehouses, else the order's")
        String warehouse,

        @Schema(description = "QUEUED, PUSHING, FULFILLED or FAILED")
        String state,

        @Schema(description = "The carrier as the WMS named it")
        String carrier,

        @Schema(description = "The tracking company sent to Shopify: Shopify's own name when it knows the carrier")
        String trackingCompany,

        Instant shippedAt,
        @Schema(description = "Attempts made so far") int attempts,

        @Schema(description = "When the next attempt is due, while waiting for one")
        Instant nextAttemptAt,

        @Schema(description = "Why the last attempt failed, or why the shipment is parked")
        String reason,

        @Schema(description = "Shopify's (first) fulfillment (GID), once fulfilled")
        String fulfillmentId,

        @Schema(
                description = "Every fulfillment (GID) the shipment became on Shopify so far: one per location its "
                        + "units sat at, and one per parcel when the store ships one fulfillment per parcel")
        List<String> fulfillmentIds,

        @Schema(
                description = "Whether Shopify notifies the customer of this shipment, as the WMS said; absent: the "
                        + "store's setting")
        Boolean notifyCustomer,

        List<LineView> lines,
        List<ParcelView> parcels) {

    @Schema(name = "ShipmentLine")
    public record LineView(
            @Schema(description = "The WMS product code") String product, int quantity) {}

    @Schema(name = "Parcel")
    public record ParcelView(
            String trackingNumber,
            String trackingUrl,

            @Schema(description = "The parcel's lines, when the WMS said what is in each parcel")
            List<LineView> lines) {}

    public static ShipmentView of(Shipment s) {
        return new ShipmentView(
                s.shipmentKey(),
                s.order().id(),
                s.order().name(),
                s.warehouseCode() != null ? s.warehouseCode() : s.order().warehouseCode(),
                s.state().name(),
                s.carrier(),
                s.trackingCompany(),
                s.shippedAt(),
                s.attempts(),
                s.nextAttemptAt(),
                s.reason(),
                s.fulfillmentId(),
                s.fulfillmentIds().isEmpty() && s.fulfillmentId() != null
                        ? List.of(s.fulfillmentId())
                        : s.fulfillmentIds(),
                s.notifyCustomer(),
                s.lines().stream()
                        .map(l -> new LineView(l.productCode(), l.quantity()))
                        .toList(),
                parcels(s));
    }

    private static List<ParcelView> parcels(Shipment s) {
        List<Parcel> parcels = s.parcels();
        List<ParcelView> views = new java.util.ArrayList<>();
        for (int i = 0; i < parcels.size(); i++) {
            int parcel = i;
            List<LineView> lines = s.parcelLines().stream()
                    .filter(l -> l.parcel() == parcel)
                    .map(l -> new LineView(l.productCode(), l.quantity()))
                    .toList();
            views.add(new ParcelView(
                    parcels.get(i).trackingNumber(), parcels.get(i).trackingUrl(), lines.isEmpty() ? null : lines));
        }
        return views;
    }
}
