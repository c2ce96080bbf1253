package wms.shopify.stock.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;
import wms.shopify.platform.api.WholeNumber;
import wms.shopify.stock.entity.StockRule;

/**
 * A store's availability rules as the WMS (or the admin form) sends them: {@code {"rules": [{"location": ...,
 * "product": ..., "productGroup": ..., "buffer": ..., "bufferShownAs": "hidden" | "safety_stock", "sharePercent": ...,
 * "maximum": ..., "outOfStockBelow": ...}]}}.
 * Read whole, every error named by its field ({@code rules[2].sharePercent}), before anything is looked up.
 */
public final class StockRulesInput {

    private static final List<String> FIELDS = List.of(
            "location",
            "product",
            "productGroup",
            "buffer",
            "bufferShownAs",
            "sharePercent",
            "maximum",
            "outOfStockBelow");

    /** {@code bufferShownAs}: the buffer's units hidden (the default) or shown in Shopify's safety_stock state. */
    public static final String HIDDEN = "hidden";

    public static final String SAFETY_STOCK = "safety_stock";

    private StockRulesInput() {}

    /**
     * The rules of a body.
     *
     * @throws InvalidRequestException naming every field that is wrong
     */
    public static List<StockRule> read(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !(body.get("rules") instanceof JsonArray array)) {
            throw new InvalidRequestException(List.of(new FieldError(
                    "rules", "is required: a list of rules (empty: no rule, the WMS quantity is published)")));
        }
        List<StockRule> rules = new ArrayList<>();
        Map<String, Integer> scopes = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "rules[" + i + "]";
            if (!(array.get(i) instanceof JsonObject rule)) {
                errors.add(new FieldError(at, "must be an object"));
                continue;
            }
            int before = errors.size();
            for (String field : rule.keySet()) {
                if (!FIELDS.contains(field)) {
                    errors.add(new FieldError(at + "." + field, "is not a rule field (one of " + FIELDS + ")"));
                }
            }
            String location = text(rule, "location", at, 255, errors);
            if (location != null && !location.startsWith("gid://shopify/Location/")) {
                errors.add(new FieldError(at + ".location", "must be a Shopify location id, gid://shopify/Location/…"));
            }
            String product = text(rule, "product", at, 64, errors);
            String group = text(rule, "productGroup", at, 64, errors);
            if (product != null && group != null) {
                errors.add(new FieldError(at + ".productGroup", "is not allowed with product: a rule has one scope"));
            }
            Long buffer = optional(rule, "buffer", at, StockRule.LARGEST_QUANTITY, errors);
            Long share = optional(rule, "sharePercent", at, 100, errors);
            Long maximum = optional(rule, "maximum", at, StockRule.LARGEST_QUANTITY, errors);
            Long below = optional(rule, "outOfStockBelow", at, StockRule.LARGEST_QUANTITY, errors);
            String shownAs = text(rule, "bufferShownAs", at, 32, errors);
            boolean safetyStock = SAFETY_STOCK.equals(shownAs);
            if (shownAs != null && !safetyStock && !HIDDEN.equals(shownAs)) {
                errors.add(new FieldError(
                        at + ".bufferShownAs", "must be \"" + HIDDEN + "\" or \"" + SAFETY_STOCK + "\": " + shownAs));
            } else if (safetyStock && buffer == null) {
                errors.add(new FieldError(
                        at + ".bufferShownAs", "needs a buffer: only a buffer is shown as safety stock"));
            }
            if (errors.size() == before && buffer == null && share == null && maximum == null && below == null) {
                errors.add(new FieldError(at, "sets none of buffer, sharePercent, maximum, outOfStockBelow"));
            }
            if (errors.size() > before) {
                continue;
            }
            StockRule read = new StockRule(
                    location,
                    product,
                    group,
                    buffer,
                    share == null ? null : share.intValue(),
                    maximum,
                    below,
                    safetyStock);
            Integer same = scopes.putIfAbsent(read.scope(), i);
            if (same != null) {
                errors.add(new FieldError(at, "has the same scope as rules[" + same + "] (" + read.scope() + ")"));
            }
            rules.add(read);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return rules;
    }

    private static String text(JsonObject rule, String field, String at, int longest, List<FieldError> errors) {
        JsonValue value = rule.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string) || string.getString().isBlank()) {
            errors.add(new FieldError(at + "." + field, "must be a non-empty string, or left out"));
            return null;
        }
        String trimmed = string.getString().trim();
        if (trimmed.length() > longest) {
            errors.add(new FieldError(at + "." + field, "is longer than " + longest + " characters"));
            return null;
        }
        return trimmed;
    }

    private static Long optional(JsonObject rule, String field, String at, long max, List<FieldError> errors) {
        JsonValue value = rule.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        return WholeNumber.required(value, at + "." + field, 0, max, errors);
    }
}
