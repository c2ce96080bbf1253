package wms.shopify.shipping.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import wms.shopify.platform.database.DatabaseReady;
import wms.shopify.platform.retry.RetrySweeps;
import wms.shopify.shipping.control.ShipmentQueue;
import wms.shopify.shipping.control.ShipmentRecords;

/**
 * The shipping sweep (SHIPPING_SWEEP_SECONDS): queues every shipment whose attempt is due, so that a retry whose
 * scheduled message was lost with a server, or an attempt a stopped server left unfinished, still happens; and
 * every later tracking not pushed yet.
 */
@ApplicationScoped
public class ShipmentSchedule {

    @Inject
    RetrySweeps sweeps;

    @Inject
    ShipmentRecords records;

    @Inject
    ShipmentQueue queue;

    void onDatabaseReady(@Observes DatabaseReady ready) {
        this.sweeps.start("Shipping sweep", this.records::due, this.queue, this::trackingDue);
    }

    private void trackingDue() {
        for (long id : this.records.trackingDue()) {
            this.queue.sendTracking(id);
        }
    }
}
