package wms.shopify.stock.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
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
import wms.shopify.shopify.control.AdminApi;
import wms.shopify.shopify.control.AdminOperation;
import wms.shopify.shopify.control.ShopifyRequestException;
import wms.shopify.shopify.control.ShopifyUnauthorizedException;
import wms.shopify.shopify.control.ShopifyUnavailableException;
import wms.shopify.stock.entity.LevelToRead;
import wms.shopify.stock.entity.OpenPush;
import wms.shopify.stock.entity.StockPolicy;
import wms.shopify.stock.entity.StockSyncMode;
import wms.shopify.stores.control.StoreAccess;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;

/**
 * Drains one store: first the pushes left open (a retry, or one a crashed instance had claimed), then, in Absolute
 * mode, reads the levels whose Shopify quantity is unknown or stale, then prepares and sends pushes of up to 250
 * quantities until nothing of the store is due. Every call goes through {@link AdminApi}, which waits for this
 * store's cost budget only: one store's throttling never holds up another, as each store drains on its own thread.
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
    StoreAccess access;

    @Inject
    AdminApi api;

    @Inject
    StockSettings settings;

    @Inject
    StockMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    StockPolicies policies;

    public void drain(long storeId) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Store store = this.stores.find(storeId).orElse(null);
            if (store == null || !store.isConnected()) {
                return;
            }
            Optional<OpenPush> open = this.records.claimOpen(storeId, this.settings.leaseSeconds());
            if (open.isPresent()) {
                send(store, open.get());
                continue;
            }
            StockPolicy policy = this.policies.of(storeId);
            if (!policy.syncEnabled()) {
                return;
            }
            StockSyncMode mode = policy.mode();
            if (mode == StockSyncMode.ABSOLUTE) {
                List<LevelToRead> unknown = this.records.levelsToRead(storeId);
                if (!unknown.isEmpty()) {
                    if (!read(store, unknown)) {
                        return;
                    }
                    continue;
                }
            }
            Optional<OpenPush> prepared = this.records.prepare(storeId, mode.name(), this.settings.leaseSeconds());
            if (prepared.isEmpty()) {
                return;
            }
            send(store, prepared.get());
        }
    }

    /** Reads Shopify's "available" for the levels, per location in chunks; false when Shopify could not answer. */
    boolean read(Store store, List<LevelToRead> levels) {
        Map<String, List<LevelToRead>> byLocation = levels.stream()
                .collect(Collectors.groupingBy(LevelToRead::locationId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, Long> available = new HashMap<>();
        try {
            for (Map.Entry<String, List<LevelToRead>> location : byLocation.entrySet()) {
                List<LevelToRead> all = location.getValue();
                for (int from = 0; from < all.size(); from += READ_CHUNK) {
                    List<LevelToRead> chunk = all.subList(from, Math.min(all.size(), from + READ_CHUNK));
                    var ids = Json.createArrayBuilder();
                    chunk.forEach(level -> ids.add(level.inventoryItemId()));
                    JsonObject variables = Json.createObjectBuilder().add("ids", ids)
                            .add("location", location.getKey()).build();
                    JsonObject data = this.access.call(store, token -> this.api.run(store.domain(), token,
                            AdminOperation.STOCK_LEVELS, variables));
                    Map<String, Long> byItem = new HashMap<>();
                    for (JsonValue node : data.getJsonArray("nodes")) {
                        if (node instanceof JsonObject item && item.containsKey("id")) {
                            byItem.put(item.getString("id"), availableOf(item.get("inventoryLevel")));
                        }
                    }
                    chunk.forEach(level -> available.put(level.changeId(), byItem.get(level.inventoryItemId())));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read stock levels of " + store.domain().value() + ": " + e.getMessage());
            if (!available.isEmpty()) {
                this.records.levelsRead(available);
            }
            return false;
        }
        this.records.levelsRead(available);
        return true;
    }

    private static Long availableOf(JsonValue level) {
        if (!(level instanceof JsonObject object)) {
            return null;
        }
        for (JsonValue quantity : object.getJsonArray("quantities")) {
            JsonObject q = quantity.asJsonObject();
            if (PushRecords.QUANTITY_NAME.equals(q.getString("name"))) {
                return q.getJsonNumber("quantity").longValue();
            }
        }
        return null;
    }

    void send(Store store, OpenPush push) {
        AdminOperation operation = push.absolute() ? AdminOperation.INVENTORY_SET : AdminOperation.INVENTORY_ADJUST;
        String field = push.absolute() ? "inventorySetQuantities" : "inventoryAdjustQuantities";
        JsonObject variables = Json.createObjectBuilder()
                .add("input", Json.createReader(new StringReader(push.payload())).readObject())
                .add("idempotencyKey", push.idempotencyKey()).build();
        this.metrics.budgetWait(this.api.budget(store.domain()).waitBefore(operation.estimatedCost(),
                this.clock.instant()));
        JsonObject payload;
        try {
            payload = this.access.call(store, token -> this.api.run(store.domain(), token, operation, variables))
                    .getJsonObject(field);
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
                LOG.warning("Stock push " + push.id() + " to " + store.domain().value() + " refused: "
                        + e.getMessage());
                this.records.park(push.id(), e.getMessage());
            }
            return;
        } catch (RuntimeException e) {
            failed(push, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
            return;
        }
        JsonArray errors = payload.getJsonArray("userErrors");
        if (errors == null || errors.isEmpty()) {
            if (this.records.completed(push.id(), after(payload))) {
                this.metrics.pushed(push.mode(), push.quantities(), push.oldestChangeAt() == null ? null
                        : Duration.between(push.oldestChangeAt(), this.clock.instant()));
            }
            return;
        }
        String reason = errors.stream().map(e -> e.asJsonObject().getString("code", "ERROR") + ": "
                + e.asJsonObject().getString("message", "")).distinct().collect(Collectors.joining("; "));
        if (hasCode(errors, "CHANGE_FROM_QUANTITY_STALE")) {
            LOG.info(() -> "Stock push " + push.id() + " to " + store.domain().value()
                    + " found Shopify changed meanwhile; re-reading and recomputing");
            this.metrics.stale();
            this.records.stale(push.id(), reason);
        } else {
            LOG.warning("Stock push " + push.id() + " to " + store.domain().value() + " refused: " + reason);
            this.metrics.rejected();
            this.records.rejected(push.id(), positions(errors), reason);
        }
    }

    private void failed(OpenPush push, String reason, boolean throttled) {
        LOG.log(Level.WARNING, "Stock push " + push.id() + " attempt " + push.attempt() + " failed: " + reason);
        this.metrics.attemptFailed(throttled);
        this.records.attemptFailed(push.id(), reason, this.settings.maxAttempts());
    }

    private static boolean hasCode(JsonArray errors, String code) {
        return errors.stream().anyMatch(e -> code.equals(e.asJsonObject().getString("code", "")));
    }

    /** The entry positions named by the errors' field paths ({@code ["input","changes","3","delta"]}). */
    static Map<Integer, String> positions(JsonArray errors) {
        Map<Integer, String> positions = new HashMap<>();
        for (JsonValue value : errors) {
            JsonObject error = value.asJsonObject();
            if (error.get("field") instanceof JsonArray field && field.size() >= 3 && field.get(2) instanceof jakarta.json.JsonString index) {
                try {
                    positions.merge(Integer.parseInt(index.getString()), error.getString("code", "ERROR") + ": "
                            + error.getString("message", ""), (a, b) -> a + "; " + b);
                } catch (NumberFormatException e) {
                    // not an entry: the whole push is refused
                }
            }
        }
        return positions;
    }

    /** "available" after the write per item and location, from the adjustment group's changes. */
    private static Map<String, Long> after(JsonObject payload) {
        Map<String, Long> after = new HashMap<>();
        JsonValue group = payload.get("inventoryAdjustmentGroup");
        if (group instanceof JsonObject object && object.get("changes") instanceof JsonArray changes) {
            for (JsonValue value : changes) {
                JsonObject change = value.asJsonObject();
                if (PushRecords.QUANTITY_NAME.equals(change.getString("name", ""))
                        && change.get("quantityAfterChange") instanceof jakarta.json.JsonNumber) {
                    after.put(change.getJsonObject("item").getString("id") + "\n"
                            + change.getJsonObject("location").getString("id"),
                            change.getJsonNumber("quantityAfterChange").longValue());
                }
            }
        }
        return after;
    }
}
