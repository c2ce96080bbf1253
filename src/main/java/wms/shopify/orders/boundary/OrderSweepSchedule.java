package wms.shopify.orders.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.orders.control.OrderSweeps;
import wms.shopify.platform.database.DatabaseReady;
import wms.shopify.platform.time.Rounds;

/** Runs the order reconciliation sweep of every store on the managed scheduler (ORDER_SWEEP_INTERVAL_SECONDS). */
@ApplicationScoped
public class OrderSweepSchedule {

    @Inject
    Rounds rounds;

    @Inject
    OrderSweeps sweeps;

    @Inject
    @ConfigProperty(name = "wms.orders.sweep-interval-seconds")
    long intervalSeconds;

    private boolean started;

    void onDatabaseReady(@Observes DatabaseReady ready) {
        if (!this.started && this.intervalSeconds > 0) {
            this.started = true;
            this.rounds.every("Order sweep round", this.intervalSeconds, this.intervalSeconds, this.sweeps::round);
        }
    }
}
