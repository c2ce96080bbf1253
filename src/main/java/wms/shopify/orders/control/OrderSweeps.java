package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.orders.entity.OrderSweep;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;

/**
 * Reconciliation: lists a store's orders updated within a window and imports those the connector does not know in
 * that state, i.e. whose webhooks were lost or are late. Idempotent: an order already applied in its current state
 * is not even read. The scheduled sweep covers each store from where its last one ended, less an overlap, up to a
 * short lag before now (changes younger than that are still on their way as webhooks).
 */
@ApplicationScoped
public class OrderSweeps {

    private static final Logger LOG = Logger.getLogger(OrderSweeps.class.getName());

    @Inject
    ShopifyOrders shopify;

    @Inject
    OrderImport importer;

    @Inject
    OrderRecords records;

    @Inject
    SweepRecords sweeps;

    @Inject
    Stores stores;

    @Inject
    ActivityLog activity;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "wms.orders.sweep-overlap-seconds")
    long overlapSeconds;

    @Inject
    @ConfigProperty(name = "wms.orders.sweep-lag-seconds")
    long lagSeconds;

    /** How far back a store's first scheduled sweep looks at most (older orders: the merchant's date range). */
    static final Duration FIRST_SWEEP_LOOKBACK = Duration.ofDays(1);

    /**
     * The scheduled round: every connected store from where its previous sweep ended, less the overlap; a store's
     * first sweep from its install, or a day ago if that is later (a store connected long before orders were
     * imported does not have years of history swept into the WMS on its own).
     */
    public void round() {
        Instant now = this.clock.instant();
        Instant until = now.minusSeconds(this.lagSeconds);
        for (Store store : this.stores.connected()) {
            Instant firstFrom = store.installedAt().isAfter(now.minus(FIRST_SWEEP_LOOKBACK))
                    ? store.installedAt()
                    : now.minus(FIRST_SWEEP_LOOKBACK);
            Instant from =
                    this.sweeps.sweptUntil(store.id()).orElse(firstFrom).minus(Duration.ofSeconds(this.overlapSeconds));
            if (!from.isBefore(until)) {
                continue;
            }
            try {
                OrderSweep sweep = sweep(store, from, until, null);
                if ("SUCCEEDED".equals(sweep.state())) {
                    this.sweeps.sweptUntil(store.id(), until);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Order sweep of " + store.domain() + " failed: " + e);
            }
        }
    }

    /**
     * Sweeps one store over a window of update times (a scheduled round, or the merchant's date range).
     *
     * @param by who asked, or null for the schedule
     */
    public OrderSweep sweep(Store store, Instant from, Instant until, String by) {
        long id = this.sweeps.start(store.id(), from, until, this.clock.instant(), by);
        List<String> gaps = new ArrayList<>();
        int[] read = {0};
        String failure = null;
        try {
            this.shopify.eachUpdated(store, from, until, page -> {
                for (ShopifyOrders.Listed listed : page) {
                    read[0]++;
                    Instant known = this.records.knownUpdatedAt(store.id(), listed.id());
                    if (known != null && !known.isBefore(listed.updatedAt())) {
                        continue; // a webhook already brought this state (or a newer one)
                    }
                    this.importer.importOrder(store, listed.id(), "sweep");
                    gaps.add(listed.name() == null ? listed.id() : listed.name());
                }
            });
        } catch (RuntimeException e) {
            failure = "Stopped: " + e.getMessage();
        }
        OrderSweep sweep = this.sweeps.finish(id, read[0], gaps, failure, this.clock.instant());
        if (!gaps.isEmpty()) {
            this.activity.record(
                    OrderRecords.CATEGORY,
                    "The order sweep of " + store.domain() + " found "
                            + gaps.size() + " order change(s) no webhook had brought, and imported them: "
                            + sweep.gapOrders(),
                    by);
        }
        return sweep;
    }
}
