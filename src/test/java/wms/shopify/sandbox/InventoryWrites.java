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
 * tracked, stocked at the location and not a bundle parent, and any user error leaves the store untouched. Every applied write records an
 * adjustment group and sends {@code inventory_levels/update} for each level it changed.
 */
final class InventoryWrites {

    /** The reasons Shopify documents for quantity changes. */
    static final Set<String> REASONS = Set.of(
            "correction",
            "cycle_count_available",
            "damaged",
            "movement_created",
            "movement_updated",
            "movement_received",
            "movement_canceled",
            "other",
            "promotion",
            "quality_control",
            "received",
            "reservation_created",
            "reservation_deleted",
            "reservation_updated",
            "restock",
            "safety_stock",
            "shrinkage");

    static final Set<String> SET_NAMES = Set.of("available", "on_hand");
    static final Set<String> ADJUST_NAMES =
            Set.of("available", "damaged", "quality_control", "reserved", "safety_stock", "incoming");

    /**
     * The two write mutations, each with its own bounds and Shopify's own user-error messages: the descriptions of
     * the values of {@code InventorySetQuantitiesUserErrorCode} and {@code InventoryAdjustQuantitiesUserErrorCode} in
     * the 2026-07 SDL (the two enums word some errors differently, and adjust allows quantities up to 2,000,000,000).
     */
    enum Kind {
        SET(
                "InventorySetQuantitiesUserErrorCode",
                1_000_000_000,
                Map.ofEntries(
                        Map.entry("INVALID_INVENTORY_ITEM", "The specified inventory item could not be found."),
                        Map.entry("INVALID_LOCATION", "The specified location could not be found."),
                        Map.entry("INVALID_QUANTITY_NEGATIVE", "The quantity can't be negative."),
                        Map.entry("INVALID_REASON", "The specified reason is invalid."),
                        Map.entry("INVALID_REFERENCE_DOCUMENT", "The specified reference document is invalid."),
                        Map.entry(
                                "ITEM_NOT_STOCKED_AT_LOCATION",
                                "The specified inventory item is not stocked at the location."),
                        Map.entry(
                                "INVALID_QUANTITY_TOO_HIGH", "The total quantity can't be higher than 1,000,000,000."),
                        Map.entry(
                                "CHANGE_FROM_QUANTITY_STALE",
                                "The changeFromQuantity value does not match persisted value."),
                        Map.entry("INVALID_NAME", "The quantity name must be either 'available' or 'on_hand'."),
                        Map.entry(
                                "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR",
                                "The combination of inventoryItemId and locationId must be unique."),
                        Map.entry("NON_MUTABLE_INVENTORY_ITEM", NON_MUTABLE))),
        ADJUST(
                "InventoryAdjustQuantitiesUserErrorCode",
                2_000_000_000,
                Map.ofEntries(
                        Map.entry(
                                "INTERNAL_LEDGER_DOCUMENT",
                                "Internal (gid://shopify/) ledger documents are not allowed to be adjusted via API."),
                        Map.entry(
                                "INVALID_AVAILABLE_DOCUMENT",
                                "A ledger document URI is not allowed when adjusting available."),
                        Map.entry("INVALID_INVENTORY_ITEM", "The specified inventory item could not be found."),
                        Map.entry("INVALID_LEDGER_DOCUMENT", "The specified ledger document is invalid."),
                        Map.entry("INVALID_LOCATION", "The specified location could not be found."),
                        Map.entry(
                                "INVALID_QUANTITY_DOCUMENT",
                                "A ledger document URI is required except when adjusting available."),
                        Map.entry("INVALID_QUANTITY_NAME", "The specified quantity name is invalid."),
                        Map.entry("INVALID_QUANTITY_TOO_LOW", "The quantity can't be lower than -2,000,000,000."),
                        Map.entry("INVALID_QUANTITY_TOO_HIGH", "The quantity can't be higher than 2,000,000,000."),
                        Map.entry("INVALID_REASON", "The specified reason is invalid."),
                        Map.entry("INVALID_REFERENCE_DOCUMENT", "The specified reference document is invalid."),
                        Map.entry(
                                "CHANGE_FROM_QUANTITY_STALE",
                                "The changeFromQuantity argument no longer matches the persisted quantity."),
                        Map.entry(
                                "MAX_ONE_LEDGER_DOCUMENT",
                                "All changes must have the same ledger document URI or, in the "
                                        + "case of adjusting available, no ledger document URI."),
                        Map.entry("ITEM_NOT_STOCKED_AT_LOCATION", "The inventory item is not stocked at the location."),
                        Map.entry("NON_MUTABLE_INVENTORY_ITEM", NON_MUTABLE)));

        /** The SDL enum of the mutation's error codes, whose value descriptions are the messages. */
        final String codeEnum;
        /** The largest absolute quantity a write may leave behind. */
        final int limit;
        /** Shopify's message for each error code this mutation can produce. */
        final Map<String, String> messages;

        Kind(String codeEnum, int limit, Map<String, String> messages) {
            this.codeEnum = codeEnum;
            this.limit = limit;
            this.messages = messages;
        }

        UserError error(List<String> field, String code) {
            return new UserError(field, messages.get(code), code);
        }
    }

    private static final String NON_MUTABLE = "The specified inventory item is not allowed to be adjusted via API. "
            + "Example: if the inventory item is a parent bundle.";

    private final Shop shop;

    InventoryWrites(Shop shop) {
        this.shop = shop;
    }

    /** One validated entry: the level to change, the quantity name, the delta and the entry's ledger document. */
    private record Write(InventoryLevel level, String name, int delta, String ledgerDocumentUri) {}

    Map<String, Object> set(Map<String, Object> input) {
        Kind kind = Kind.SET;
        List<UserError> errors = new ArrayList<>();
        String name = (String) input.get("name");
        if (!SET_NAMES.contains(name)) {
            errors.add(kind.error(List.of("input", "name"), "INVALID_NAME"));
        }
        checkReasonAndReference(kind, input, errors);
        List<Write> writes = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        List<Map<String, Object>> quantities = list(input, "quantities");
        for (int i = 0; i < quantities.size(); i++) {
            Map<String, Object> entry = quantities.get(i);
            requireChangeFrom(entry, "InventoryQuantityInput");
            List<String> path = List.of("input", "quantities", String.valueOf(i));
            InventoryLevel level = level(kind, entry, path, errors);
            int quantity = (Integer) entry.get("quantity");
            if (!pairs.add(entry.get("inventoryItemId") + "@" + entry.get("locationId"))) {
                errors.add(kind.error(path, "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR"));
            }
            if (quantity < 0) {
                errors.add(kind.error(field(path, "quantity"), "INVALID_QUANTITY_NEGATIVE"));
            } else if (quantity > kind.limit) {
                errors.add(kind.error(field(path, "quantity"), "INVALID_QUANTITY_TOO_HIGH"));
            }
            if (level != null && SET_NAMES.contains(name)) {
                int current = level.quantity(name);
                if (stale(entry, current)) {
                    errors.add(kind.error(field(path, "changeFromQuantity"), "CHANGE_FROM_QUANTITY_STALE"));
                }
                writes.add(new Write(level, name, quantity - current, null));
            }
        }
        return apply(input, writes, errors);
    }

    Map<String, Object> adjust(Map<String, Object> input) {
        Kind kind = Kind.ADJUST;
        List<UserError> errors = new ArrayList<>();
        String name = (String) input.get("name");
        if (!ADJUST_NAMES.contains(name)) {
            errors.add(kind.error(List.of("input", "name"), "INVALID_QUANTITY_NAME"));
        }
        checkReasonAndReference(kind, input, errors);
        List<Write> writes = new ArrayList<>();
        Set<String> ledgers = new HashSet<>();
        List<Map<String, Object>> changes = list(input, "changes");
        for (int i = 0; i < changes.size(); i++) {
            Map<String, Object> entry = changes.get(i);
            requireChangeFrom(entry, "InventoryChangeInput");
            List<String> path = List.of("input", "changes", String.valueOf(i));
            String ledger = (String) entry.get("ledgerDocumentUri");
            String ledgerProblem = ledgerProblem(name, ledger);
            if (ledgerProblem != null) {
                errors.add(kind.error(field(path, "ledgerDocumentUri"), ledgerProblem));
            }
            ledgers.add(String.valueOf(ledger));
            InventoryLevel level = level(kind, entry, path, errors);
            int delta = (Integer) entry.get("delta");
            if (level != null && ADJUST_NAMES.contains(name)) {
                int current = level.quantity(name);
                if (stale(entry, current)) {
                    errors.add(kind.error(field(path, "changeFromQuantity"), "CHANGE_FROM_QUANTITY_STALE"));
                }
                long after = (long) current + delta;
                if (after > kind.limit) {
                    errors.add(kind.error(field(path, "delta"), "INVALID_QUANTITY_TOO_HIGH"));
                } else if (after < -kind.limit) {
                    errors.add(kind.error(field(path, "delta"), "INVALID_QUANTITY_TOO_LOW"));
                }
                writes.add(new Write(level, name, delta, ledger));
            }
        }
        if (ledgers.size() > 1) {
            errors.add(kind.error(List.of("input", "changes"), "MAX_ONE_LEDGER_DOCUMENT"));
        }
        return apply(input, writes, errors);
    }

    /**
     * The ledger-document rule of {@code InventoryChangeInput.ledgerDocumentUri}: required for every quantity name but
     * {@code available}, not allowed for {@code available}, a URI, and never a {@code gid://shopify/} one.
     */
    private static String ledgerProblem(String name, String ledger) {
        if (ledger == null) {
            return name != null && !"available".equals(name) ? "INVALID_QUANTITY_DOCUMENT" : null;
        }
        if ("available".equals(name)) {
            return "INVALID_AVAILABLE_DOCUMENT";
        }
        if (ledger.startsWith("gid://shopify/")) {
            return "INTERNAL_LEDGER_DOCUMENT";
        }
        return isUri(ledger) ? null : "INVALID_LEDGER_DOCUMENT";
    }

    Map<String, Object> activate(String itemId, String locationId, Integer available) {
        InventoryItem item = shop.find(itemId, InventoryItem.class);
        Location location = shop.find(locationId, Location.class);
        Map<String, Object> payload = new LinkedHashMap<>();
        if (item == null || location == null) {
            payload.put("inventoryLevel", null);
            payload.put(
                    "userErrors",
                    List.of(error(
                            List.of(item == null ? "inventoryItemId" : "locationId"),
                            item == null ? "Inventory item does not exist" : "Location does not exist",
                            null)));
            return payload;
        }
        InventoryLevel level = shop.activate(item, location);
        if (available != null && level.quantity("available") != available) {
            Map<String, Integer> deltas =
                    level.change("available", available - level.quantity("available"), shop.now());
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
                change.put("ledgerDocumentUri", write.ledgerDocumentUri());
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
            throw new AdminError(
                    "INVALID_FIELD_ARGUMENTS", inputType + " must include the following argument: changeFromQuantity.");
        }
    }

    private static boolean stale(Map<String, Object> entry, int current) {
        Integer expected = (Integer) entry.get("changeFromQuantity");
        return expected != null && expected != current;
    }

    private InventoryLevel level(Kind kind, Map<String, Object> entry, List<String> path, List<UserError> errors) {
        InventoryItem item = shop.find((String) entry.get("inventoryItemId"), InventoryItem.class);
        Location location = shop.find((String) entry.get("locationId"), Location.class);
        if (item == null) {
            errors.add(kind.error(field(path, "inventoryItemId"), "INVALID_INVENTORY_ITEM"));
            return null;
        }
        if (location == null) {
            errors.add(kind.error(field(path, "locationId"), "INVALID_LOCATION"));
            return null;
        }
        if (item.bundleParent()) {
            // Shopify computes a bundle parent's stock from its components; the code's own description names it.
            errors.add(kind.error(field(path, "inventoryItemId"), "NON_MUTABLE_INVENTORY_ITEM"));
            return null;
        }
        if (!item.tracked()) {
            // Assumption: Shopify documents that the item must be tracked, not which code it answers; this is the
            // code meant for items the API may not change.
            errors.add(kind.error(field(path, "inventoryItemId"), "NON_MUTABLE_INVENTORY_ITEM"));
            return null;
        }
        InventoryLevel level = shop.level(item, location);
        if (level == null) {
            errors.add(kind.error(field(path, "locationId"), "ITEM_NOT_STOCKED_AT_LOCATION"));
        }
        return level;
    }

    private static void checkReasonAndReference(Kind kind, Map<String, Object> input, List<UserError> errors) {
        if (!REASONS.contains(input.get("reason"))) {
            errors.add(kind.error(List.of("input", "reason"), "INVALID_REASON"));
        }
        String reference = (String) input.get("referenceDocumentUri");
        if (reference != null && !isUri(reference)) {
            errors.add(kind.error(List.of("input", "referenceDocumentUri"), "INVALID_REFERENCE_DOCUMENT"));
        }
    }

    private static boolean isUri(String text) {
        try {
            URI uri = new URI(text);
            return uri.getScheme() != null
                    && uri.getRawSchemeSpecificPart() != null
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
