package wms.shopify.platform.api;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;

/**
 * How every whole number the WMS sends (a quantity, a delta, a sequence, an order id, a revision, a page's cursor
 * and limit) is read: exactly, or not at all. A value is taken only when it is a JSON number (a string such as
 * {@code "12"} is refused, never guessed), has no fractional part, and lies within the field's documented range;
 * anything else ({@code 2^63}, {@code 1e999999999}, {@code 1.5}) is an error naming the field. Nothing is ever
 * wrapped, truncated or rounded, which {@link JsonNumber#longValue()} and a binding to {@code long} would do.
 */
public final class WholeNumber {

    private WholeNumber() {}

    /**
     * A required whole number.
     *
     * @param value the JSON value sent (null or JSON null when the field was left out)
     * @param field the field as the error names it, e.g. {@code [3].delta}
     * @return the value, or null after adding an error naming the field
     */
    public static Long required(JsonValue value, String field, long min, long max, List<FieldError> errors) {
        if (absent(value)) {
            errors.add(new FieldError(field, "is required: " + range(min, max)));
            return null;
        }
        return read(value, field, min, max, errors);
    }

    /**
     * An optional whole number: left out or {@code null} means the field's default.
     *
     * @return the value, the default when absent, or null after adding an error naming the field
     */
    public static Long optional(
            JsonValue value, String field, long min, long max, long otherwise, List<FieldError> errors) {
        return absent(value) ? Long.valueOf(otherwise) : read(value, field, min, max, errors);
    }

    /**
     * A whole number given as text, as in a query parameter ({@code ?limit=100}); absent or empty means the default.
     *
     * @return the value, the default when absent, or null after adding an error naming the parameter
     */
    public static Long parameter(
            String text, String field, long min, long max, long otherwise, List<FieldError> errors) {
        if (text == null || text.isEmpty()) {
            return otherwise;
        }
        // Only plain digits with an optional minus: "1e3", "+5" or " 5" in an address are typos, not numbers.
        if (!text.matches("-?[0-9]{1,40}")) {
            errors.add(new FieldError(field, "must be " + range(min, max)));
            return null;
        }
        return inRange(new BigDecimal(text), field, min, max, errors);
    }

    /**
     * The value of a field that a check has accepted already.
     *
     * @throws IllegalArgumentException when it is not an exact whole number that fits a long
     */
    public static long of(JsonValue checked) {
        if (!(checked instanceof JsonNumber number)) {
            throw new IllegalArgumentException("not a number: " + checked);
        }
        try {
            return number.bigDecimalValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("not a whole number that fits: " + checked, e);
        }
    }

    private static Long read(JsonValue value, String field, long min, long max, List<FieldError> errors) {
        if (!(value instanceof JsonNumber number)) {
            errors.add(new FieldError(field, "must be a JSON number, not " + describe(value) + ": " + range(min, max)));
            return null;
        }
        BigDecimal exact;
        try {
            exact = number.bigDecimalValue();
        } catch (JsonException | NumberFormatException | ArithmeticException e) {
            // The JSON parser refuses numbers of absurd length or scale: out of every range anyway.
            errors.add(new FieldError(field, "is out of range: must be " + range(min, max)));
            return null;
        }
        return inRange(exact, field, min, max, errors);
    }

    private static Long inRange(BigDecimal exact, String field, long min, long max, List<FieldError> errors) {
        // Compared before anything is converted: cheap even for 1e999999999, and never wrapped.
        if (exact.compareTo(BigDecimal.valueOf(min)) < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
            errors.add(new FieldError(field, "is out of range: must be " + range(min, max)));
            return null;
        }
        try {
            return exact.longValueExact();
        } catch (ArithmeticException e) {
            errors.add(new FieldError(field, "must be a whole number (no fraction): " + range(min, max)));
            return null;
        }
    }

    private static boolean absent(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }

    private static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "a string";
            case TRUE, FALSE -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> "that";
        };
    }

    private static String range(long min, long max) {
        if (max == Long.MAX_VALUE) {
            return "a whole number of at least " + min;
        }
        return "a whole number from " + min + " to " + max;
    }
}
