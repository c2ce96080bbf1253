package wms.shopify.stock.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import wms.shopify.platform.database.DatabaseReady;
import wms.shopify.stock.control.StockPusher;
import wms.shopify.stock.control.StockSettings;
import wms.shopify.stock.entity.OpenPush;

/**
 * The scheduled flusher: every quarter second (configurable) it asks the database which stores have due changes or
 * pushes to (re)send and drains each such store, the stores independently of each other, each paced by its own
 * budget. A store's dispatcher (one per store at a time in this instance) claims its pushes and sends up to
 * {@code STOCK_PUSHES_IN_FLIGHT} of them at once, each on a managed thread of its own, once the store's budget holds
 * its cost; a push that must wait for budget is scheduled for when it has refilled, so no thread (they also serve
 * HTTP) sleeps for it. Row locks and leases keep other instances off the same rows.
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

    private final Map<Long, StorePushes> byStore = new ConcurrentHashMap<>();
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
                dispatch(storeId);
            }
        } catch (RuntimeException e) {
            // The database may be away for a moment: the next tick tries again, the schedule must not end.
            LOG.log(Level.FINE, "Stock flush tick failed", e);
        }
    }

    /** One store's pushes in this instance: whether its dispatcher runs, and how many pushes are in flight. */
    private static final class StorePushes {
        boolean dispatching;
        boolean again;
        int inFlight;
    }

    /** Starts the store's dispatcher unless it runs; if it does, it looks once more before it ends. */
    private void dispatch(long storeId) {
        StorePushes pushes = this.byStore.computeIfAbsent(storeId, id -> new StorePushes());
        synchronized (pushes) {
            if (pushes.dispatching) {
                pushes.again = true;
                return;
            }
            pushes.dispatching = true;
            pushes.again = false;
        }
        try {
            this.executor.execute(() -> dispatch(storeId, pushes, null, null));
        } catch (RuntimeException e) {
            synchronized (pushes) {
                pushes.dispatching = false;
            }
            throw e;
        }
    }

    /**
     * Claims the store's next pushes and sends each on a thread of its own while fewer than the limit are in flight
     * and the budget holds their cost; a push the budget cannot take yet comes back here when it can.
     *
     * @param waiting a push claimed earlier that waited for budget, or null
     * @param since when that push began to wait
     */
    private void dispatch(long storeId, StorePushes pushes, OpenPush waiting, Instant since) {
        OpenPush held = waiting;
        try {
            while (true) {
                synchronized (pushes) {
                    if (pushes.inFlight >= this.settings.pushesInFlight()) {
                        break;
                    }
                    pushes.again = false;
                }
                OpenPush push = held != null ? held : this.pusher.next(storeId).orElse(null);
                Instant waitingSince = held != null ? since : Instant.now();
                held = null;
                if (push == null) {
                    break;
                }
                Duration wait = this.pusher.hold(push);
                if (!wait.isZero()) {
                    // Scheduled, not slept: the dispatcher ends here and resumes with this push when it may go.
                    this.scheduler.schedule(
                            () -> resume(storeId, pushes, push, waitingSince), wait.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                }
                synchronized (pushes) {
                    pushes.inFlight++;
                }
                Duration waited = Duration.between(waitingSince, Instant.now());
                try {
                    this.executor.execute(() -> send(storeId, pushes, push, waited));
                } catch (RuntimeException e) {
                    synchronized (pushes) {
                        pushes.inFlight--;
                    }
                    this.pusher.release(push); // its lease runs out and it is sent again
                    throw e;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stock flush of store " + storeId + " failed: " + e.getMessage(), e);
        }
        boolean again;
        synchronized (pushes) {
            pushes.dispatching = false;
            again = pushes.again && pushes.inFlight < this.settings.pushesInFlight();
        }
        if (again) {
            dispatch(storeId);
        }
    }

    /** A push that waited for budget goes on with its store's dispatcher; if it cannot, the next tick starts one. */
    private void resume(long storeId, StorePushes pushes, OpenPush push, Instant since) {
        try {
            this.executor.execute(() -> dispatch(storeId, pushes, push, since));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stock flush of store " + storeId + " could not resume: " + e.getMessage(), e);
            synchronized (pushes) {
                pushes.dispatching = false;
            }
        }
    }

    private void send(long storeId, StorePushes pushes, OpenPush push, Duration waited) {
        try {
            this.pusher.sendHeld(push, waited);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Stock push " + push.id() + " of store " + storeId + " failed: " + e.getMessage(),
                    e);
        } finally {
            synchronized (pushes) {
                pushes.inFlight--;
            }
            // A place in flight is free: the store's next push may go (or its dispatcher looks once more).
            try {
                dispatch(storeId);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Stock flush of store " + storeId + " left to the next tick", e);
            }
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

    @PreDestroy
    void stop() {
        if (this.ticks != null) {
            this.ticks.cancel(false);
            this.upkeep.cancel(false);
        }
    }
}
