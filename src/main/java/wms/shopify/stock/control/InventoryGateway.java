package wms.shopify.stock.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import wms.shopify.adminapi.control.AdminApi;
import wms.shopify.adminapi.control.AdminOperation;
import wms.shopify.stock.entity.OpenPush;
import wms.shopify.stores.control.StoreAccess;
import wms.shopify.stores.entity.Store;

/**
 * Stock's Shopify gateway: everything stock says to Shopify and reads back, in Shopify's words. The inventory writes'
 * input ({@code inventorySetQuantities} in Absolute mode, {@code inventoryAdjustQuantities} in Delta mode), the
 * reads of "available" (a list of items at a location, a page of a location's levels), and the reading of a write's
 * {@code userErrors} into what the bookkeeping does next. The bookkeeping ({@link PushRecords}) stores the input this
 * class builds and never looks inside it. Errors of the call itself (HTTP, top-level GraphQL errors) are thrown by
 * {@link AdminApi} as they are and classified by the caller.
 */
@ApplicationScoped
public class InventoryGateway {

    /** The quantity name stock writes and reads. */
    static final String QUANTITY_NAME = "available";
    /** The reason the writes give Shopify. */
    static final String REASON = "correction";
    /** Where a push's movements are listed: this URI with the push id, answered by GET /api/v1/stock/pushes/{id}. */
    public static final String REFERENCE_PREFIX = "gid://wms-shopify-connector/StockPush/";

    @Inject
    AdminApi api;

    @Inject
    StoreAccess access;

    /**
     * One level's entry of a write.
     *
     * @param quantity Absolute mode: the quantity to set
     * @param changeFrom Absolute mode: Shopify's quantity the write compares with (compare-and-set)
     * @param delta Delta mode: what to add
     */
    public record Entry(String inventoryItemId, String locationId, long quantity, Long changeFrom, long delta) {}

    /** What Shopify's answer to a write means for the push. */
    public enum Outcome {
        /** Written (or the key's first answer again). */
        APPLIED,
        /** CHANGE_FROM_QUANTITY_STALE: nothing written; re-read and recompute. */
        STALE,
        /** Shopify refused entries (named by position) or the whole input: nothing written. */
        REFUSED
    }

    /**
     * Shopify's answer to a write.
     *
     * @param after "available" after the write per inventory item and location ("item\nlocation"), when applied
     * @param reason the user errors as "CODE: message; ..." (null when applied)
     * @param refusedPositions the refused entries' positions in the input with their messages
     */
    public record Answer(
            Outcome outcome, Map<String, Long> after, String reason, Map<Integer, String> refusedPositions) {}

    /** A page of a location's levels: "available" per inventory item, in Shopify's order, and the next cursor. */
    public record LevelsPage(Map<String, Long> available, String next) {}

    /** The quantity name of a buffer shown on Shopify (issue #18): on hand, not for sale. */
    static final String SAFETY_STOCK = "safety_stock";
    /** The reason a safety_stock write gives Shopify (one of its documented reasons). */
    static final String SAFETY_STOCK_REASON = "safety_stock";
    /** The alias of a push's available write when its request carries the safety_stock write too. */
    static final String AVAILABLE_ALIAS = "available";
    /** The alias of a push's safety_stock write. */
    static final String SAFETY_STOCK_ALIAS = "safetyStock";

    /** The operation a push that writes only available is written with. */
    public static AdminOperation operation(boolean absolute) {
        return absolute ? AdminOperation.INVENTORY_SET : AdminOperation.INVENTORY_ADJUST;
    }

    /** The operation a push is written with: its available write, its safety_stock write, or both in one request. */
    public static AdminOperation operation(OpenPush push) {
        if (!push.writesSafetyStock()) {
            return operation(push.absolute());
        }
        if (!push.writesAvailable()) {
            return AdminOperation.INVENTORY_SAFETY_STOCK;
        }
        return push.absolute()
                ? AdminOperation.INVENTORY_SET_WITH_SAFETY_STOCK
                : AdminOperation.INVENTORY_ADJUST_WITH_SAFETY_STOCK;
    }

    /**
     * The input of a push's safety_stock write: each entry's {@code delta} is what the level's buffer shown as safety
     * stock changes by (the target less the connector's units there), added whatever Shopify holds
     * ({@code changeFromQuantity: null}: a merchant's own safety stock at the level is neither read nor overwritten).
     * Shopify requires a ledger document for every quantity name but available, one per call: the push's URI.
     */
    static String safetyStockInput(long pushId, List<Entry> entries) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (Entry entry : entries) {
            items.add(Json.createObjectBuilder()
                    .add("inventoryItemId", entry.inventoryItemId())
                    .add("locationId", entry.locationId())
                    .add("delta", entry.delta())
                    .add("changeFromQuantity", JsonValue.NULL)
                    .add("ledgerDocumentUri", REFERENCE_PREFIX + pushId));
        }
        return Json.createObjectBuilder()
                .add("name", SAFETY_STOCK)
                .add("reason", SAFETY_STOCK_REASON)
                .add("referenceDocumentUri", REFERENCE_PREFIX + pushId)
                .add("changes", items)
                .build()
                .toString();
    }

    /** The mutation input of one push (stored with it and sent unchanged on every attempt). */
    static String input(boolean absolute, long pushId, List<Entry> entries) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (Entry entry : entries) {
            JsonObjectBuilder item = Json.createObjectBuilder()
                    .add("inventoryItemId", entry.inventoryItemId())
                    .add("locationId", entry.locationId());
            if (absolute) {
                item.add("quantity", entry.quantity()).add("changeFromQuantity", entry.changeFrom());
            } else {
                // Delta mode adds to whatever Shopify holds: no compare-and-set, which 2026-04+ wants said.
                item.add("delta", entry.delta()).add("changeFromQuantity", JsonValue.NULL);
            }
            items.add(item);
        }
        return Json.createObjectBuilder()
                .add("name", QUANTITY_NAME)
                .add("reason", REASON)
                .add("referenceDocumentUri", REFERENCE_PREFIX + pushId)
                .add(absolute ? "quantities" : "changes", items)
                .build()
                .toString();
    }

    /**
     * Sends a push's stored input with its key (and its safety_stock input with that one's key, in the same
     * request); the answer's data, for {@link #answer(JsonObject, OpenPush)} and {@link #safetyStockApplied}. Errors
     * of the call itself are thrown as {@link AdminApi} throws them.
     */
    public JsonObject write(Store store, OpenPush push) {
        AdminOperation operation = operation(push);
        JsonObjectBuilder variables = Json.createObjectBuilder();
        if (push.writesAvailable()) {
            variables
                    .add(
                            "input",
                            Json.createReader(new StringReader(push.payload())).readObject())
                    .add("idempotencyKey", push.idempotencyKey());
        }
        if (push.writesSafetyStock()) {
            variables
                    .add(
                            "safetyStock",
                            Json.createReader(new StringReader(push.safetyPayload()))
                                    .readObject())
                    .add("safetyStockKey", push.safetyIdempotencyKey());
        }
        JsonObject built = variables.build();
        return this.access.call(store, token -> this.api.run(store.domain(), token, operation, built));
    }

    /**
     * What the answer says of a push's available write: {@link #answer(JsonObject)} of its payload; applied with
     * nothing learnt when the push writes only safety_stock.
     */
    static Answer answer(JsonObject data, OpenPush push) {
        if (!push.writesAvailable()) {
            return new Answer(Outcome.APPLIED, Map.of(), null, Map.of());
        }
        String field = push.writesSafetyStock()
                ? AVAILABLE_ALIAS
                : push.absolute() ? "inventorySetQuantities" : "inventoryAdjustQuantities";
        return answer(data.getJsonObject(field));
    }

    /** Whether Shopify applied a push's safety_stock write (false when it has none). */
    static boolean safetyStockApplied(JsonObject data, OpenPush push) {
        return push.writesSafetyStock() && safetyStockRefusal(data, push) == null;
    }

    /**
     * Shopify's refusal of a push's safety_stock write, its {@code userErrors} as "CODE: message; ...": null when the
     * push has none or Shopify applied it.
     */
    static String safetyStockRefusal(JsonObject data, OpenPush push) {
        if (!push.writesSafetyStock()) {
            return null;
        }
        if (!(data.get(SAFETY_STOCK_ALIAS) instanceof JsonObject payload)) {
            return "no answer to the safety_stock write";
        }
        Answer answer = answer(payload);
        return answer.outcome() == Outcome.APPLIED ? null : answer.reason();
    }

    /** Reads a mutation payload's {@code userErrors} (and, when there are none, the quantities after the write). */
    static Answer answer(JsonObject payload) {
        JsonArray errors = payload.getJsonArray("userErrors");
        if (errors == null || errors.isEmpty()) {
            return new Answer(Outcome.APPLIED, after(payload), null, Map.of());
        }
        String reason = errors.stream()
                .map(e -> e.asJsonObject().getString("code", "ERROR") + ": "
                        + e.asJsonObject().getString("message", ""))
                .distinct()
                .collect(Collectors.joining("; "));
        Outcome outcome;
        if (hasCode(errors, "CHANGE_FROM_QUANTITY_STALE")) {
            outcome = Outcome.STALE;
        } else {
            outcome = Outcome.REFUSED;
        }
        return new Answer(outcome, Map.of(), reason, outcome == Outcome.REFUSED ? positions(errors) : Map.of());
    }

    /**
     * Shopify's "available" of the items at one location, in one read (at most 100 items: its cost stays near 300
     * points); an item not stocked there has none (null).
     */
    public Map<String, Long> available(Store store, String locationId, List<String> inventoryItemIds) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        inventoryItemIds.forEach(ids::add);
        JsonObject variables = Json.createObjectBuilder()
                .add("ids", ids)
                .add("location", locationId)
                .build();
        JsonObject data = this.access.call(
                store, token -> this.api.run(store.domain(), token, AdminOperation.STOCK_LEVELS, variables));
        Map<String, Long> available = new HashMap<>();
        for (JsonValue node : data.getJsonArray("nodes")) {
            if (node instanceof JsonObject item && item.containsKey("id")) {
                available.put(item.getString("id"), availableOf(item.get("inventoryLevel")));
            }
        }
        return available;
    }

    /** The cost budget one page of {@link #levels} takes. */
    static double levelsPageCost() {
        return AdminOperation.LOCATION_AVAILABLE.estimatedCost();
    }

    /** One page of the levels at a location with their "available" (after: the cursor, null for the first). */
    public LevelsPage levels(Store store, String locationId, String after) {
        var variables = Json.createObjectBuilder().add("location", locationId);
        if (after != null) {
            variables.add("after", after);
        }
        JsonObject vars = variables.build();
        JsonObject data = this.access.call(
                store, token -> this.api.run(store.domain(), token, AdminOperation.LOCATION_AVAILABLE, vars));
        JsonObject levels = data.getJsonObject("location").getJsonObject("inventoryLevels");
        Map<String, Long> available = new LinkedHashMap<>();
        for (JsonValue node : levels.getJsonArray("nodes")) {
            JsonObject level = node.asJsonObject();
            Long quantity = availableOf(level);
            available.put(level.getJsonObject("item").getString("id"), quantity == null ? 0 : quantity);
        }
        JsonObject page = levels.getJsonObject("pageInfo");
        return new LevelsPage(available, page.getBoolean("hasNextPage") ? page.getString("endCursor") : null);
    }

    private static Long availableOf(JsonValue level) {
        if (!(level instanceof JsonObject object)) {
            return null;
        }
        for (JsonValue quantity : object.getJsonArray("quantities")) {
            JsonObject q = quantity.asJsonObject();
            if (QUANTITY_NAME.equals(q.getString("name"))) {
                return q.getJsonNumber("quantity").longValue();
            }
        }
        return null;
    }

    private static boolean hasCode(JsonArray errors, String code) {
        return errors.stream().anyMatch(e -> code.equals(e.asJsonObject().getString("code", "")));
    }

    /** The entry positions named by the errors' field paths ({@code ["input","changes","3","delta"]}). */
    static Map<Integer, String> positions(JsonArray errors) {
        Map<Integer, String> positions = new HashMap<>();
        for (JsonValue value : errors) {
            JsonObject error = value.asJsonObject();
            if (error.get("field") instanceof JsonArray field
                    && field.size() >= 3
                    && field.get(2) instanceof JsonString index) {
                try {
                    positions.merge(
                            Integer.parseInt(index.getString()),
                            error.getString("code", "ERROR") + ": " + error.getString("message", ""),
                            (a, b) -> a + "; " + b);
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
                if (QUANTITY_NAME.equals(change.getString("name", ""))
                        && change.get("quantityAfterChange") instanceof JsonNumber) {
                    after.put(
                            change.getJsonObject("item").getString("id") + "\n"
                                    + change.getJsonObject("location").getString("id"),
                            change.getJsonNumber("quantityAfterChange").longValue());
                }
            }
        }
        return after;
    }
}
