package wms.shopify.shipping.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import wms.shopify.shipping.entity.Shipment;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;
import wms.shopify.webhooks.entity.TrackingNumbersAsked;

/**
 * Answers Shopify's {@code fetch_tracking_numbers} (fulfillment-service mode, the service registered with tracking
 * support): the tracking number of each fulfillment asked about by name ("#1001.1") is the one the WMS reported for
 * the shipment that became it: its parcel's when the fulfillment is one parcel's, else the shipment's first parcel's
 * (that fulfillment was given every parcel's number when it was made). A fulfillment the connector did not make, one
 * made before names were kept (V129), or one whose shipment has no tracking number yet is left out: Shopify asks
 * again later, and tracking the WMS reports later is pushed to Shopify anyway ({@link ShipmentTracking}). One read,
 * no lock, no call to Shopify.
 */
@ApplicationScoped
public class TrackingNumbers {

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    Stores stores;

    void onAsked(@Observes TrackingNumbersAsked asked) {
        Optional<Store> store = this.stores.find(asked.shop()).filter(Store::isConnected);
        if (store.isEmpty()) {
            return;
        }
        asked.storeKnown();
        if (asked.names().isEmpty()) {
            return;
        }
        List<Object[]> rows = this.entityManager
                .createQuery(
                        "select s, f.fulfillmentName from Shipment s join s.fulfillments f "
                                + "where s.store.id = :store and f.fulfillmentName in :names",
                        Object[].class)
                .setParameter("store", store.get().id())
                .setParameter("names", asked.names())
                .getResultList();
        for (Object[] row : rows) {
            Shipment shipment = (Shipment) row[0];
            String name = (String) row[1];
            // A fulfillment of the whole shipment has no parcel (null): it carries every parcel's numbers.
            shipment.fulfillments().stream()
                    .filter(f -> name.equals(f.fulfillmentName()))
                    .findFirst()
                    .flatMap(f -> shipment.tracking(f.parcel()).numbers().stream()
                            .filter(number -> number != null && !number.isBlank())
                            .findFirst())
                    .ifPresent(number -> asked.answer(name, number));
        }
    }
}
