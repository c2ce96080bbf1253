package wms.shopify.shipping.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import wms.shopify.adminapi.control.ShopifyRequestException;
import wms.shopify.adminapi.control.ShopifyUnauthorizedException;
import wms.shopify.adminapi.control.ShopifyUnavailableException;
import wms.shopify.shipping.entity.Parcel;
import wms.shopify.shipping.entity.Shipment;
import wms.shopify.shipping.entity.ShipmentState;
import wms.shopify.stores.entity.Store;

/**
 * Tracking the WMS reports after a shipment: kept with the shipment, and pushed to its fulfillments once Shopify has
 * them (each with its parcel's tracking, or every parcel's) ({@code fulfillmentTrackingInfoUpdate}, which replaces the tracking: repeating it is harmless, so it is simply
 * tried again until it lands; the shipping sweep re-queues what is still pending).
 */
@ApplicationScoped
public class ShipmentTracking {

    private static final Logger LOG = Logger.getLogger(ShipmentTracking.class.getName());

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    ShipmentRecords records;

    @Inject
    ShipmentQueue queue;

    @Inject
    ShopifyFulfillments shopify;

    @Inject
    wms.shopify.stores.control.Stores stores;

    @Inject
    Clock clock;

    /** Replaces a shipment's tracking; queued for Shopify when its fulfillment exists. Empty: no such shipment. */
    @Transactional
    public Optional<Shipment> replace(String shipmentKey, String carrier, List<Parcel> parcels) {
        Optional<Shipment> found = this.records.byKey(shipmentKey);
        if (found.isEmpty()) {
            return found;
        }
        Shipment shipment = this.entityManager.find(Shipment.class, found.get().id(), LockModeType.PESSIMISTIC_WRITE);
        shipment.tracking(carrier, parcels, this.clock.instant());
        if (shipment.state() == ShipmentState.FULFILLED) {
            this.queue.sendTracking(shipment.id());
        }
        return Optional.of(shipment);
    }

    /** Pushes a fulfilled shipment's pending tracking to its fulfillment. */
    public void push(long shipmentId) {
        ShipmentRecords.TrackingSnapshot snapshot = this.records.trackingSnapshot(shipmentId);
        if (snapshot == null) {
            return;
        }
        Store store = this.stores.find(snapshot.storeId()).orElse(null);
        if (store == null) {
            return;
        }
        try {
            // Each fulfillment of the shipment with its parcel's tracking (or all); repeating one changes nothing.
            List<String> refusals = new java.util.ArrayList<>();
            for (ShipmentRecords.FulfillmentTracking fulfillment : snapshot.fulfillments()) {
                ShopifyFulfillments.Written written = this.shopify.updateTracking(
                        store,
                        fulfillment.fulfillmentId(),
                        ShopifyFulfillments.tracking(snapshot.company(), fulfillment.numbers(), fulfillment.urls()),
                        snapshot.notifyCustomer());
                if (written.userErrors() != null) {
                    refusals.add(fulfillment.fulfillmentId() + ": " + written.userErrors());
                }
            }
            this.records.trackingDone(shipmentId, refusals.isEmpty() ? null : String.join("; ", refusals));
        } catch (ShopifyUnavailableException e) {
            LOG.info(() -> "Tracking of shipment " + snapshot.key() + " not pushed yet (" + e.getMessage()
                    + "); the shipping sweep tries again.");
        } catch (ShopifyUnauthorizedException | ShopifyRequestException e) {
            this.records.trackingDone(shipmentId, e.getMessage());
        }
    }
}
