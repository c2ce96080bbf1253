package wms.shopify.orders.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import wms.shopify.orders.entity.CancellationAnswer;
import wms.shopify.orders.entity.ShippedUnits;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;
import wms.shopify.platform.api.WholeNumber;

/**
 * The WMS's answer to a cancellation entry as it sends it: {@code {"revision": 42, "outcome": "CANCELLED"}}, or
 * {@code {"revision": 42, "outcome": "TOO_LATE", "shipped": [{"product": "W-MUG", "quantity": 1}], "reason": "..."}}.
 * Read whole, every error named by its field ({@code shipped[1].quantity}), before the order is looked at.
 *
 * @param shipped what had shipped: at least one line with TOO_LATE, none with CANCELLED
 * @param reason why (required with TOO_LATE, optional with CANCELLED), at most 1000 characters
 */
public record CancellationAnswerInput(
        long revision, CancellationAnswer outcome, List<ShippedUnits> shipped, String reason) {

    private static final List<String> FIELDS = List.of("revision", "outcome", "shipped", "reason");
    /** The most lines an answer may list: an order holds at most 2500 lines. */
    static final int MOST_LINES = 2500;

    private static final int MOST_UNITS = 1_000_000;

    public CancellationAnswerInput {
        shipped = List.copyOf(shipped);
    }

    /**
     * The answer of a body.
     *
     * @throws InvalidRequestException naming every field that is wrong
     */
    public static CancellationAnswerInput read(JsonObject body) {
        if (body == null) {
            throw new InvalidRequestException(List.of(new FieldError("body", "is required: a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field)) {
                errors.add(new FieldError(field, "is not a field of a cancellation answer (one of " + FIELDS + ")"));
            }
        }
        Long revision = WholeNumber.required(body.get("revision"), "revision", 0, Long.MAX_VALUE, errors);
        CancellationAnswer outcome = outcome(body.get("outcome"), errors);
        String reason = reason(body.get("reason"), errors);
        List<ShippedUnits> shipped = shipped(body.get("shipped"), errors);
        if (outcome == CancellationAnswer.TOO_LATE) {
            if (shipped != null && shipped.isEmpty()) {
                errors.add(new FieldError("shipped", "is required with TOO_LATE: 1 to " + MOST_LINES + " lines"));
            }
            if (reason == null && !has(body, "reason")) {
                errors.add(new FieldError("reason", "is required with TOO_LATE: why the order could not be stopped"));
            }
        }
        if (outcome == CancellationAnswer.CANCELLED && shipped != null && !shipped.isEmpty()) {
            errors.add(new FieldError("shipped", "must be empty with CANCELLED: nothing shipped (answer TOO_LATE)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new CancellationAnswerInput(revision, outcome, shipped, reason);
    }

    private static boolean has(JsonObject body, String field) {
        JsonValue value = body.get(field);
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }

    private static CancellationAnswer outcome(JsonValue value, List<FieldError> errors) {
        if (value instanceof JsonString text) {
            for (CancellationAnswer answer : CancellationAnswer.values()) {
                if (answer.name().equals(text.getString())) {
                    return answer;
                }
            }
        }
        errors.add(new FieldError("outcome", "is required: CANCELLED or TOO_LATE"));
        return null;
    }

    private static String reason(JsonValue value, List<FieldError> errors) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)
                || text.getString().isBlank()
                || text.getString().length() > 1000) {
            errors.add(new FieldError("reason", "must be a text of 1 to 1000 characters"));
            return null;
        }
        return text.getString().strip();
    }

    /** The lines, empty when left out; null after an error. */
    private static List<ShippedUnits> shipped(JsonValue value, List<FieldError> errors) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array) || array.size() > MOST_LINES) {
            errors.add(new FieldError("shipped", "must be a list of at most " + MOST_LINES + " lines"));
            return null;
        }
        List<ShippedUnits> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int before = errors.size();
        for (int i = 0; i < array.size(); i++) {
            String at = "shipped[" + i + "]";
            if (!(array.get(i) instanceof JsonObject line)) {
                errors.add(new FieldError(at, "must be an object with product and quantity"));
                continue;
            }
            for (String field : line.keySet()) {
                if (!field.equals("product") && !field.equals("quantity")) {
                    errors.add(new FieldError(at + "." + field, "is not a field of a line (product, quantity)"));
                }
            }
            String product = line.get("product") instanceof JsonString s
                            && !s.getString().isBlank()
                            && s.getString().length() <= 64
                    ? s.getString()
                    : null;
            if (product == null) {
                errors.add(new FieldError(at + ".product", "is required: a WMS product code (at most 64)"));
            } else if (!seen.add(product)) {
                errors.add(new FieldError(at + ".product", "product " + product + " is listed twice"));
            }
            Long quantity = WholeNumber.required(line.get("quantity"), at + ".quantity", 1, MOST_UNITS, errors);
            if (product != null && quantity != null) {
                lines.add(new ShippedUnits(product, quantity.intValue()));
            }
        }
        return errors.size() == before ? lines : null;
    }
}
