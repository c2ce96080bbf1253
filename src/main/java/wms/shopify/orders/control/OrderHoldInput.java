package wms.shopify.orders.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;

/**
 * A hold the WMS asks for as it sends it: {@code {"reason": "INCORRECT_ADDRESS", "notes": "no such street"}}, the
 * reason one of Shopify's FulfillmentHoldReason values, the notes optional (at most 255 characters). Read whole,
 * every error named by its field.
 */
public record OrderHoldInput(String reason, String notes) {

    private static final List<String> FIELDS = List.of("reason", "notes");
    private static final int LONGEST_NOTES = 255;

    /**
     * The hold of a body.
     *
     * @throws InvalidRequestException naming every field that is wrong
     */
    public static OrderHoldInput read(JsonObject body) {
        if (body == null) {
            throw new InvalidRequestException(List.of(new FieldError("body", "is required: a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field)) {
                errors.add(new FieldError(field, "is not a field of a hold (one of " + FIELDS + ")"));
            }
        }
        String reason = body.get("reason") instanceof JsonString text ? text.getString() : null;
        if (reason == null || !OrderHolds.REASONS.contains(reason)) {
            errors.add(new FieldError("reason", "is required: one of " + new TreeSet<>(OrderHolds.REASONS)));
        }
        JsonValue notesValue = body.get("notes");
        String notes = null;
        if (notesValue != null && notesValue.getValueType() != JsonValue.ValueType.NULL) {
            if (notesValue instanceof JsonString text
                    && !text.getString().isBlank()
                    && text.getString().length() <= LONGEST_NOTES) {
                notes = text.getString().strip();
            } else {
                errors.add(new FieldError("notes", "must be a text of 1 to " + LONGEST_NOTES + " characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new OrderHoldInput(reason, notes);
    }
}
