package wms.shopify.stock.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import wms.shopify.platform.database.DatabaseReady;
import wms.shopify.stock.control.StockPusher;
import wms.shopify.stock.control.StockSettings;

/**
 * The scheduled flusher: every quarter second (configurable) it asks the database which stores have due changes or
 * pushes to (re)send and drains each such store on a managed thread of its own, one drain per store at a time in
 * this instance; row locks and leases keep other instances off the same rows.
 */
@ApplicationScoped
public class StockFlusher {

    private static final Logger LOG = Logger.getLogger(StockFlusher.class.getName());

    @Resource(lookup = "concurrent/wmsScheduler")
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @Inject
    StockPusher pusher;

    @Inject
    wms.shopify.stock.control.PushRecords records;

    @Inject
    StockSettings settings;

    @Inject
    wms.shopify.stock.control.Reconciliations reconciliations;

    @Inject
    wms.shopify.stores.control.Stores stores;

    private final Set<Long> draining = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> ticks;
    private ScheduledFuture<?> upkeep;

    void onDatabaseReady(@Observes DatabaseReady ready) {
        if (this.ticks == null) {
            long interval = Math.max(50, this.settings.flushIntervalMillis());
            this.ticks = this.scheduler.scheduleWithFixedDelay(this::tick, 1000, interval, TimeUnit.MILLISECONDS);
            this.upkeep = this.scheduler.scheduleWithFixedDelay(this::upkeep, 60, 60, TimeUnit.SECONDS);
        }
    }

    void tick() {
        try {
            for (Long storeId : this.records.storesWithWork()) {
                if (this.draining.add(storeId)) {
                    try {
                        this.executor.execute(() -> drain(storeId));
                    } catch (RuntimeException e) {
                        this.draining.remove(storeId);
                        throw e;
                    }
                }
            }
        } catch (RuntimeException e) {
            // The database may be away for a moment: the next tick tries again, the schedule must not end.
            LOG.log(Level.FINE, "Stock flush tick failed", e);
        }
    }

    /**
     * Once a minute: parked pushes whose last attempt is older than the retry interval go out again, and stores with
     * stock sync on whose last reconciliation is older than the reconciliation interval are reconciled.
     */
    void upkeep() {
        try {
            this.records.retryParkedPushes(this.settings.failedRetryMinutes());
            int minutes = this.settings.reconcileMinutes();
            if (minutes > 0) {
                for (Long storeId : this.records.storesDueForReconciliation(minutes)) {
                    this.stores.find(storeId).ifPresent(store -> this.reconciliations.start(store, null));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stock upkeep failed: " + e.getMessage());
        }
    }

    private void drain(long storeId) {
        try {
            this.pusher.drain(storeId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stock flush of store " + storeId + " failed: " + e.getMessage(), e);
        } finally {
            this.draining.remove(storeId);
        }
    }

    @PreDestroy
    void stop() {
        if (this.ticks != null) {
            this.ticks.cancel(false);
            this.upkeep.cancel(false);
        }
    }
}
