package wms.shopify.returns.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.platform.database.DatabaseReady;
import wms.shopify.platform.time.Rounds;
import wms.shopify.returns.control.ReceiptPush;
import wms.shopify.returns.control.ReturnQueue;
import wms.shopify.returns.control.ReturnRecords;

/** The returns sweep (every SHIPPING_SWEEP_SECONDS): queues every receipt whose disposal attempt is due. */
@ApplicationScoped
public class ReturnSchedule {

    @Inject
    Rounds rounds;

    @Inject
    ReturnRecords records;

    @Inject
    ReturnQueue queue;

    @Inject
    ReceiptPush push;

    @Inject
    @ConfigProperty(name = "wms.shipping.sweep-seconds", defaultValue = "30")
    long sweepSeconds;

    private boolean started;

    void onDatabaseReady(@Observes DatabaseReady ready) {
        if (!this.started && this.sweepSeconds > 0) {
            this.started = true;
            this.rounds.every("Returns sweep", this.sweepSeconds, this.sweepSeconds, this::round);
        }
    }

    private void round() {
        for (long id : this.records.due(this.push.attemptTakesAtMost())) {
            this.queue.send(id);
        }
    }
}
