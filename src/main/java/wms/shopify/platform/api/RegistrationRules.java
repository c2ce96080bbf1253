package wms.shopify.platform.api;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules every WMS API registration (warehouses, shipping processes, the catalog's products) follows before
 * anything is changed: a body, not too many items, each with a code that is present and bounded, and no code twice
 * in one call (a duplicate is reported, never merged: which of the two the WMS meant is not for the connector to
 * guess), plus each registration's own rule per item, built from the field checks here. Every error is reported,
 * not only the first.
 */
public final class RegistrationRules {

    public static final int CODE_LIMIT = 64;
    public static final int NAME_LIMIT = 255;
    private static final Set<JsonValue.ValueType> ACTIVE_TYPES =
            EnumSet.of(JsonValue.ValueType.TRUE, JsonValue.ValueType.FALSE, JsonValue.ValueType.NULL);

    private final int maxItems;

    public RegistrationRules(int maxItems) {
        this.maxItems = maxItems;
    }

    /** Checks of the fields an item has beyond its code. */
    public interface ItemRule<T> {
        void check(T item, String at, List<FieldError> errors);
    }

    /**
     * The checks every bulk registration shares (a body, the item limit, a valid code once per call), plus the
     * registration's own rule for each item.
     */
    public <T> List<FieldError> check(List<T> items, Function<T, String> code, ItemRule<T> rule) {
        List<FieldError> errors = new ArrayList<>();
        if (items == null) {
            errors.add(new FieldError("body", "must be a JSON array of items"));
            return errors;
        }
        if (items.size() > this.maxItems) {
            errors.add(new FieldError(
                    "body", "has " + items.size() + " items; at most " + this.maxItems + " are taken per call"));
            return errors;
        }
        Map<String, Integer> firstAt = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "[" + i + "]";
            T item = items.get(i);
            if (item == null) {
                errors.add(new FieldError(at, "must be an object"));
                continue;
            }
            String itemCode = code.apply(item);
            if (checkCode(itemCode, at + ".code", errors)) {
                Integer earlier = firstAt.putIfAbsent(itemCode, i);
                if (earlier != null) {
                    errors.add(new FieldError(
                            at + ".code",
                            "'" + itemCode + "' is also at [" + earlier + "]; each code may appear once per call"));
                }
            }
            rule.check(item, at, errors);
        }
        return errors;
    }

    /** Checks a code (of an item, or one an item refers to); true when it is valid. */
    public static boolean checkCode(String code, String field, List<FieldError> errors) {
        return checkText(code, field, CODE_LIMIT, errors) && checkNoOuterSpace(code, field, errors);
    }

    /** Checks a required name of an item. */
    public static void checkName(String name, String at, List<FieldError> errors) {
        checkText(name, at + ".name", NAME_LIMIT, errors);
    }

    /** Whether an item is active: JSON {@code false} deactivates it; absent or null leaves it active. */
    public static boolean isActive(JsonValue active) {
        return active == null || active.getValueType() != JsonValue.ValueType.FALSE;
    }

    /** The flag is a JSON boolean: a string such as "yes" or "false" is refused rather than read one way or the other. */
    public static void checkActive(JsonValue active, String at, List<FieldError> errors) {
        if (active != null && !ACTIVE_TYPES.contains(active.getValueType())) {
            errors.add(new FieldError(at + ".active", "must be true or false"));
        }
    }

    /**
     * Checks optional text: absent or blank is fine (it means none), present must be bounded and free of control
     * characters.
     *
     * @return true when the value is absent, blank or valid
     */
    public static boolean checkOptionalText(String value, String field, int limit, List<FieldError> errors) {
        return value == null || value.isBlank() && value.length() <= limit || checkText(value, field, limit, errors);
    }

    private static boolean checkText(String value, String field, int limit, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required and must not be blank"));
            return false;
        }
        if (value.length() > limit) {
            errors.add(new FieldError(field, "is longer than " + limit + " characters"));
            return false;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "contains control characters"));
            return false;
        }
        return true;
    }

    /** Codes are identifiers matched exactly: spaces around one are almost always a mistake of the sender. */
    private static boolean checkNoOuterSpace(String code, String field, List<FieldError> errors) {
        if (!code.strip().equals(code)) {
            errors.add(new FieldError(field, "must not start or end with spaces"));
            return false;
        }
        return true;
    }
}
