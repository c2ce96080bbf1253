package wms.shopify.stock.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.adminapi.control.AdminApi;
import wms.shopify.adminapi.control.CostBudget;
import wms.shopify.adminapi.control.ShopifyRequestException;
import wms.shopify.adminapi.control.ShopifyUnauthorizedException;
import wms.shopify.adminapi.control.ShopifyUnavailableException;
import wms.shopify.adminapi.entity.ShopDomain;
import wms.shopify.stock.entity.LevelToRead;
import wms.shopify.stock.entity.OpenPush;
import wms.shopify.stock.entity.StockPolicy;
import wms.shopify.stock.entity.StockSyncMode;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;

/**
 * Drains one store: first the pushes left open (a retry, or one a crashed instance had claimed), then, in Absolute
 * mode, reads the levels whose Shopify quantity is unknown or stale, then prepares and sends pushes of up to 250
 * quantities until nothing of the store is due. Every call goes through {@link AdminApi}, which waits for this
 * store's cost budget only: one store's throttling never holds up another. The flusher overlaps a store's pushes
 * ({@link #next}, {@link #hold}, {@link #sendHeld}) while its budget allows; {@link #drain} sends them one by one.
 */
@ApplicationScoped
public class StockPusher {

    private static final Logger LOG = Logger.getLogger(StockPusher.class.getName());
    /** Items per StockLevels read (its cost stays near 300 points). */
    private static final int READ_CHUNK = 100;
    /** Rounds per drain, so that a store with an endless stream still lets the flusher look at others. */
    private static final int MAX_ROUNDS = 200;

    @Inject
    PushRecords records;

    @Inject
    Stores stores;

    @Inject
    AdminApi api;

    @Inject
    InventoryGateway gateway;

    @Inject
    StockSettings settings;

    @Inject
    StockMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    StockPolicies policies;

    @Inject
    ActivityLog activity;

    /**
     * The store's next push to send, claimed for this instance (leased), without sending it: a push left open
     * first, then (Absolute mode) the reads of levels whose Shopify quantity is unknown or stale, then a new push of
     * due changes. Empty when nothing is due, stock sync is off, the store is not connected, or Shopify could not
     * answer a read. A change is in one push at a time (it stays PUSHING until its push's outcome is recorded), so
     * pushes of one store may be in flight together without two writes of one item overtaking each other.
     */
    public Optional<OpenPush> next(long storeId) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Store store = this.stores.find(storeId).orElse(null);
            if (store == null || !store.isConnected()) {
                return Optional.empty();
            }
            Optional<OpenPush> open = this.records.claimOpen(storeId, this.settings.leaseSeconds());
            if (open.isPresent()) {
                return open;
            }
            StockPolicy policy = this.policies.of(storeId);
            if (!policy.syncEnabled()) {
                return Optional.empty();
            }
            StockSyncMode mode = policy.mode();
            if (mode == StockSyncMode.ABSOLUTE) {
                List<LevelToRead> unknown = this.records.levelsToRead(storeId);
                if (!unknown.isEmpty()) {
                    if (!read(store, unknown)) {
                        return Optional.empty();
                    }
                    continue;
                }
            }
            return this.records.prepare(storeId, mode.name(), this.settings.leaseSeconds());
        }
        return Optional.empty();
    }

    /**
     * Holds the push's expected cost in its store's budget when the budget has it now (counting the pushes under
     * way): zero, then {@link #sendHeld}; else how long until it may (nothing held), for the caller to come back
     * then instead of sleeping on a thread.
     */
    public Duration hold(OpenPush push) {
        return budget(push)
                .map(budget -> budget.reserve(cost(push), this.clock.instant()))
                .orElse(Duration.ZERO);
    }

    /**
     * Sends a push whose cost {@link #hold} held, after waiting {@code waited} for it (noted in the store's budget
     * waits, which the Stock page shows); the hold passes to the call, which holds it until Shopify answers.
     */
    public void sendHeld(OpenPush push, Duration waited) {
        Optional<CostBudget> budget = budget(push);
        budget.ifPresent(b -> {
            b.waited(waited);
            b.settle(cost(push));
        });
        Store store = this.stores.find(push.storeId()).orElse(null);
        if (store == null || !store.isConnected()) {
            return; // its lease runs out; the push is sent again if the store comes back
        }
        send(store, push);
    }

    /** Gives back what {@link #hold} held for a push that will not be sent now (its lease runs out). */
    public void release(OpenPush push) {
        budget(push).ifPresent(b -> b.settle(cost(push)));
    }

    /** The budget waits of a store since this instance started (the Stock page shows them per store). */
    public CostBudget.Waits budgetWaits(String domain) {
        return this.api.budget(new ShopDomain(domain)).waits();
    }

    private Optional<CostBudget> budget(OpenPush push) {
        return this.stores.find(push.storeId()).map(store -> this.api.budget(store.domain()));
    }

    private double cost(OpenPush push) {
        return this.api.expectedCost(InventoryGateway.operation(push));
    }

    /** Reads Shopify's "available" for the levels, per location in chunks; false when Shopify could not answer. */
    boolean read(Store store, List<LevelToRead> levels) {
        Map<String, List<LevelToRead>> byLocation = levels.stream()
                .collect(Collectors.groupingBy(LevelToRead::locationId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, Long> available = new HashMap<>();
        Map<Long, Long> owed = new HashMap<>();
        levels.forEach(level -> owed.put(level.changeId(), level.owed()));
        try {
            for (Map.Entry<String, List<LevelToRead>> location : byLocation.entrySet()) {
                List<LevelToRead> all = location.getValue();
                for (int from = 0; from < all.size(); from += READ_CHUNK) {
                    List<LevelToRead> chunk = all.subList(from, Math.min(all.size(), from + READ_CHUNK));
                    Map<String, Long> byItem = this.gateway.available(
                            store,
                            location.getKey(),
                            chunk.stream().map(LevelToRead::inventoryItemId).toList());
                    chunk.forEach(level -> available.put(level.changeId(), byItem.get(level.inventoryItemId())));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Could not read stock levels of " + store.domain().value() + ": " + e.getMessage());
            if (!available.isEmpty()) {
                this.records.levelsRead(available, owed);
            }
            return false;
        }
        this.records.levelsRead(available, owed);
        return true;
    }

    void send(Store store, OpenPush push) {
        this.metrics.budgetWait(this.api
                .budget(store.domain())
                .waitBefore(InventoryGateway.operation(push).estimatedCost(), this.clock.instant()));
        JsonObject written;
        try {
            written = this.gateway.write(store, push);
        } catch (ShopifyUnavailableException e) {
            // Transient (ShopifyErrorCode): the call's own retries are spent; the push keeps its key for the next.
            failed(push, e.getMessage(), e.throttled());
            return;
        } catch (ShopifyUnauthorizedException e) {
            failed(push, e.getMessage(), false);
            return;
        } catch (ShopifyRequestException e) {
            if (e.needsNewKey()) {
                // Shopify wrote nothing under this key and will not: the changes go out again in a new push.
                this.records.abandoned(push.id(), e.getMessage());
            } else {
                LOG.warning(
                        "Stock push " + push.id() + " to " + store.domain().value() + " refused: " + e.getMessage());
                this.records.park(push.id(), e.getMessage());
            }
            return;
        } catch (RuntimeException e) {
            failed(push, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
            return;
        }
        InventoryGateway.Answer answer = InventoryGateway.answer(written, push);
        String reason = answer.reason();
        // The safety_stock write (buffers shown as safety stock) stands on its own: Shopify applied it or not,
        // whatever the available write's outcome; refused, the levels keep what they had there (reported).
        boolean safetyApplied = InventoryGateway.safetyStockApplied(written, push);
        String safetyRefused = InventoryGateway.safetyStockRefusal(written, push);
        // Refused with the available write too, it is reported with it (the same item, the same reason) and sent
        // again with the changes Shopify did not name.
        if (safetyRefused != null && answer.outcome() == InventoryGateway.Outcome.APPLIED) {
            LOG.warning("Stock push " + push.id() + " to " + store.domain().value()
                    + ": Shopify refused its safety_stock write: " + safetyRefused);
            this.activity.record(
                    "stock",
                    "Shopify refused the safety stock of stock push " + push.id() + " to "
                            + store.domain().value()
                            + " (" + safetyRefused + "): the buffers shown as safety stock there are as they were; "
                            + "what is for sale (available) is not affected. They are written again with the "
                            + "levels' next change.",
                    null);
        }
        switch (answer.outcome()) {
            case APPLIED -> {
                if (this.records.completed(push.id(), answer.after(), safetyApplied)) {
                    this.metrics.pushed(
                            push.mode(),
                            push.quantities(),
                            push.oldestChangeAt() == null
                                    ? null
                                    : Duration.between(push.oldestChangeAt(), this.clock.instant()));
                }
            }
            case STALE -> {
                LOG.info(() -> "Stock push " + push.id() + " to "
                        + store.domain().value() + " found Shopify changed meanwhile; re-reading and recomputing");
                this.metrics.stale();
                this.records.stale(push.id(), reason, safetyApplied);
            }
            case REFUSED -> {
                LOG.warning("Stock push " + push.id() + " to " + store.domain().value() + " refused: " + reason);
                this.metrics.rejected();
                this.records.rejected(push.id(), answer.refusedPositions(), reason, safetyApplied);
                this.activity.record("stock", refusal(store, push, answer), null);
            }
        }
    }

    /**
     * The Activity entry of a refused push: how many of its quantities Shopify refused, why, and that the others go
     * out again at once (a bundle's parent, an untracked item or one not stocked at the location never holds up the
     * rest of a batch).
     */
    static String refusal(Store store, OpenPush push, InventoryGateway.Answer answer) {
        int refused = answer.refusedPositions().isEmpty()
                ? push.quantities()
                : answer.refusedPositions().size();
        int others = push.quantities() - refused;
        return "Shopify refused " + refused + " of the " + push.quantities() + " quantities of stock push " + push.id()
                + " to " + store.domain().value() + " (" + answer.reason() + "): "
                + (refused == 1 ? "it is" : "they are") + " parked on the Stock page with the reason"
                + (others > 0 ? "; the other " + others + " go out again now" : "")
                + ". A bundle's parent or an untracked item: run Sync Products; not stocked at the location: "
                + "stock it there on Shopify; then retry.";
    }

    private void failed(OpenPush push, String reason, boolean throttled) {
        LOG.log(Level.WARNING, "Stock push " + push.id() + " attempt " + push.attempt() + " failed: " + reason);
        this.metrics.attemptFailed(throttled);
        this.records.attemptFailed(push.id(), reason, this.settings.maxAttempts());
    }
}
