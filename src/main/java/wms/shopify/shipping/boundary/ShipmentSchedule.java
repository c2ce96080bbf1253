package wms.shopify.shipping.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.platform.database.DatabaseReady;
import wms.shopify.platform.time.Rounds;
import wms.shopify.shipping.control.ShipmentPush;
import wms.shopify.shipping.control.ShipmentQueue;
import wms.shopify.shipping.control.ShipmentRecords;

/**
 * The shipping sweep (SHIPPING_SWEEP_SECONDS): queues every shipment whose attempt is due, so that a retry whose
 * scheduled message was lost with a server, or an attempt a stopped server left unfinished, still happens.
 */
@ApplicationScoped
public class ShipmentSchedule {

    @Inject
    Rounds rounds;

    @Inject
    ShipmentRecords records;

    @Inject
    ShipmentQueue queue;

    @Inject
    ShipmentPush push;

    @Inject
    @ConfigProperty(name = "wms.shipping.sweep-seconds", defaultValue = "30")
    long sweepSeconds;

    private boolean started;

    void onDatabaseReady(@Observes DatabaseReady ready) {
        if (!this.started && this.sweepSeconds > 0) {
            this.started = true;
            this.rounds.every("Shipping sweep", this.sweepSeconds, this.sweepSeconds, this::round);
        }
    }

    private void round() {
        for (long id : this.records.due(this.push.attemptTakesAtMost())) {
            this.queue.send(id);
        }
        for (long id : this.records.trackingDue()) {
            this.queue.sendTracking(id);
        }
    }
}
