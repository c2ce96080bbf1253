package wms.shopify.sandbox;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code inventorySetQuantities}, {@code inventoryAdjustQuantities} and {@code inventoryActivate} with Shopify's
 * 2026-04+ rules: {@code changeFromQuantity} must be passed for every entry (an integer is compared with the stored
 * quantity, {@code null} opts out), a stale value fails the whole call with CHANGE_FROM_QUANTITY_STALE, items must be
 * tracked and stocked at the location, and any user error leaves the store untouched. Every applied write records an
 * adjustment group and sends {@code inventory_levels/update} for each level it changed.
 */
final class InventoryWrites {

    /** The reasons Shopify documents for quantity changes. */
    static final Set<String> REASONS = Set.of("correction", "cycle_count_available", "damaged", "movement_created",
            "movement_updated", "movement_received", "movement_canceled", "other", "promotion", "quality_control",
            "received", "reservation_created", "reservation_deleted", "reservation_updated", "restock",
            "safety_stock", "shrinkage");
    static final Set<String> SET_NAMES = Set.of("available", "on_hand");
    static final Set<String> ADJUST_NAMES = Set.of("available", "damaged", "quality_control", "reserved",
            "safety_stock", "incoming");
    static final int LIMIT = 1_000_000_000;

    private final Shop shop;

    InventoryWrites(Shop shop) {
        this.shop = shop;
    }

    /** One validated entry: the level to change, the quantity name and the delta. */
    private record Write(InventoryLevel level, String name, int delta) {
    }

    Map<String, Object> set(Map<String, Object> input) {
        List<UserError> errors = new ArrayList<>();
        String name = (String) input.get("name");
        if (!SET_NAMES.contains(name)) {
            errors.add(error(List.of("input", "name"), "The quantity name must be either 'available' or 'on_hand'.",
                    "INVALID_NAME"));
        }
        checkReasonAndReference(input, errors);
        List<Write> writes = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        List<Map<String, Object>> quantities = list(input, "quantities");
        for (int i = 0; i < quantities.size(); i++) {
            Map<String, Object> entry = quantities.get(i);
            requireChangeFrom(entry, "InventoryQuantityInput");
            List<String> path = List.of("input", "quantities", String.valueOf(i));
            InventoryLevel level = level(entry, path, errors);
            int quantity = (Integer) entry.get("quantity");
            if (!pairs.add(entry.get("inventoryItemId") + "@" + entry.get("locationId"))) {
                errors.add(error(path, "The combination of inventoryItemId and locationId must be unique.",
                        "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR"));
            }
            if (quantity < 0) {
                errors.add(error(field(path, "quantity"), "The quantity can't be negative.",
                        "INVALID_QUANTITY_NEGATIVE"));
            } else if (quantity > LIMIT) {
                errors.add(error(field(path, "quantity"), "The total quantity can't be higher than 1,000,000,000.",
                        "INVALID_QUANTITY_TOO_HIGH"));
            }
            if (level != null && name != null && SET_NAMES.contains(name)) {
                int current = level.quantity(name);
                if (stale(entry, current)) {
                    errors.add(error(field(path, "changeFromQuantity"),
                            "The changeFromQuantity value does not match persisted value.",
                            "CHANGE_FROM_QUANTITY_STALE"));
                }
                writes.add(new Write(level, name, quantity - current));
            }
        }
        return apply(input, writes, errors);
    }

    Map<String, Object> adjust(Map<String, Object> input) {
        List<UserError> errors = new ArrayList<>();
        String name = (String) input.get("name");
        if (!ADJUST_NAMES.contains(name)) {
            errors.add(error(List.of("input", "name"), "The quantity name is invalid.", "INVALID_QUANTITY_NAME"));
        }
        checkReasonAndReference(input, errors);
        List<Write> writes = new ArrayList<>();
        List<Map<String, Object>> changes = list(input, "changes");
        for (int i = 0; i < changes.size(); i++) {
            Map<String, Object> entry = changes.get(i);
            requireChangeFrom(entry, "InventoryChangeInput");
            List<String> path = List.of("input", "changes", String.valueOf(i));
            String ledger = (String) entry.get("ledgerDocumentUri");
            if (ledger == null && name != null && !"available".equals(name)) {
                errors.add(error(field(path, "ledgerDocumentUri"),
                        "A ledger document URI is required for quantity names other than available.",
                        "INVALID_LEDGER_DOCUMENT"));
            } else if (ledger != null && ledger.startsWith("gid://shopify/")) {
                errors.add(error(field(path, "ledgerDocumentUri"), "The ledger document can't be a Shopify resource.",
                        "INTERNAL_LEDGER_DOCUMENT"));
            }
            InventoryLevel level = level(entry, path, errors);
            int delta = (Integer) entry.get("delta");
            if (level != null && name != null && ADJUST_NAMES.contains(name)) {
                int current = level.quantity(name);
                if (stale(entry, current)) {
                    errors.add(error(field(path, "changeFromQuantity"),
                            "The changeFromQuantity value does not match persisted value.",
                            "CHANGE_FROM_QUANTITY_STALE"));
                }
                long after = (long) current + delta;
                if (after > LIMIT) {
                    errors.add(error(field(path, "delta"), "The total quantity can't be higher than 1,000,000,000.",
                            "INVALID_QUANTITY_TOO_HIGH"));
                } else if (after < -LIMIT) {
                    errors.add(error(field(path, "delta"), "The total quantity can't be lower than -1,000,000,000.",
                            "INVALID_QUANTITY_TOO_LOW"));
                }
                writes.add(new Write(level, name, delta));
            }
        }
        return apply(input, writes, errors);
    }

    Map<String, Object> activate(String itemId, String locationId, Integer available) {
        InventoryItem item = shop.find(itemId, InventoryItem.class);
        Location location = shop.find(locationId, Location.class);
        Map<String, Object> payload = new LinkedHashMap<>();
        if (item == null || location == null) {
            payload.put("inventoryLevel", null);
            payload.put("userErrors", List.of(error(List.of(item == null ? "inventoryItemId" : "locationId"),
                    item == null ? "Inventory item does not exist" : "Location does not exist", null)));
            return payload;
        }
        InventoryLevel level = shop.activate(item, location);
        if (available != null && level.quantity("available") != available) {
            Map<String, Integer> deltas = level.change("available", available - level.quantity("available"),
                    shop.now());
            if (!deltas.isEmpty()) {
                shop.emit("INVENTORY_LEVELS_UPDATE", shop.newEventId(), RestPayloads.inventoryLevel(level));
            }
        }
        payload.put("inventoryLevel", level);
        payload.put("userErrors", List.of());
        return payload;
    }

    private Map<String, Object> apply(Map<String, Object> input, List<Write> writes, List<UserError> errors) {
        Map<String, Object> payload = new LinkedHashMap<>();
        if (!errors.isEmpty()) {
            payload.put("inventoryAdjustmentGroup", null);
            payload.put("userErrors", errors);
            return payload;
        }
        Instant at = shop.now();
        List<Map<String, Object>> changes = new ArrayList<>();
        String eventId = shop.newEventId();
        for (Write write : writes) {
            Map<String, Integer> deltas = write.level().change(write.name(), write.delta(), at);
            deltas.forEach((changedName, delta) -> {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("name", changedName);
                change.put("delta", delta);
                change.put("quantityAfterChange", write.level().quantity(changedName));
                change.put("ledgerDocumentUri", null);
                change.put("item", write.level().item());
                change.put("location", write.level().location());
                changes.add(change);
            });
            if (!deltas.isEmpty()) {
                shop.emit("INVENTORY_LEVELS_UPDATE", eventId, RestPayloads.inventoryLevel(write.level()));
            }
        }
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("id", Gid.of("InventoryAdjustmentGroup", shop.nextId()));
        group.put("createdAt", at);
        group.put("reason", input.get("reason"));
        group.put("referenceDocumentUri", input.get("referenceDocumentUri"));
        group.put("changes", changes);
        payload.put("inventoryAdjustmentGroup", group);
        payload.put("userErrors", List.of());
        return payload;
    }

    /** Since 2026-04 the key must be present, even as null; Shopify refuses the request before any user error. */
    private static void requireChangeFrom(Map<String, Object> entry, String inputType) {
        if (!entry.containsKey("changeFromQuantity")) {
            throw new AdminError("INVALID_FIELD_ARGUMENTS",
                    inputType + " must include the following argument: changeFromQuantity.");
        }
    }

    private static boolean stale(Map<String, Object> entry, int current) {
        Integer expected = (Integer) entry.get("changeFromQuantity");
        return expected != null && expected != current;
    }

    private InventoryLevel level(Map<String, Object> entry, List<String> path, List<UserError> errors) {
        InventoryItem item = shop.find((String) entry.get("inventoryItemId"), InventoryItem.class);
        Location location = shop.find((String) entry.get("locationId"), Location.class);
        if (item == null) {
            errors.add(error(field(path, "inventoryItemId"), "The specified inventory item could not be found.",
                    "INVALID_INVENTORY_ITEM"));
            return null;
        }
        if (location == null) {
            errors.add(error(field(path, "locationId"), "The specified location could not be found.",
                    "INVALID_LOCATION"));
            return null;
        }
        if (!item.tracked()) {
            errors.add(error(field(path, "inventoryItemId"),
                    "The specified inventory item is not allowed to be adjusted via API: it does not track inventory.",
                    "NON_MUTABLE_INVENTORY_ITEM"));
            return null;
        }
        InventoryLevel level = shop.level(item, location);
        if (level == null) {
            errors.add(error(field(path, "locationId"), "The specified inventory item is not stocked at the location.",
                    "ITEM_NOT_STOCKED_AT_LOCATION"));
        }
        return level;
    }

    private static void checkReasonAndReference(Map<String, Object> input, List<UserError> errors) {
        if (!REASONS.contains(input.get("reason"))) {
            errors.add(error(List.of("input", "reason"), "The specified reason is invalid.", "INVALID_REASON"));
        }
        String reference = (String) input.get("referenceDocumentUri");
        if (reference != null && !isUri(reference)) {
            errors.add(error(List.of("input", "referenceDocumentUri"),
                    "The specified reference document is invalid.", "INVALID_REFERENCE_DOCUMENT"));
        }
    }

    private static boolean isUri(String text) {
        try {
            URI uri = new URI(text);
            return uri.getScheme() != null && uri.getRawSchemeSpecificPart() != null
                    && !uri.getRawSchemeSpecificPart().isBlank();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> input, String key) {
        return (List<Map<String, Object>>) input.get(key);
    }

    private static List<String> field(List<String> path, String name) {
        List<String> full = new ArrayList<>(path);
        full.add(name);
        return full;
    }

    private static UserError error(List<String> field, String message, String code) {
        return new UserError(field, message, code);
    }
}
