package wms.shopify.returns.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import wms.shopify.platform.database.DatabaseReady;
import wms.shopify.platform.retry.RetrySweeps;
import wms.shopify.returns.control.ReturnQueue;
import wms.shopify.returns.control.ReturnRecords;

/** The returns sweep (every SHIPPING_SWEEP_SECONDS): queues every receipt whose disposal attempt is due. */
@ApplicationScoped
public class ReturnSchedule {

    @Inject
    RetrySweeps sweeps;

    @Inject
    ReturnRecords records;

    @Inject
    ReturnQueue queue;

    void onDatabaseReady(@Observes DatabaseReady ready) {
        this.sweeps.start("Returns sweep", this.records::due, this.queue, () -> {});
    }
}
