package wms.shopify.orders.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import wms.shopify.orders.entity.FulfillmentRejectionReason;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;

/**
 * The WMS's rejection of a fulfillment request, read from its body: {@code reason} (Shopify's rejection reasons)
 * and an optional {@code message} for the merchant.
 *
 * @param message null when none was given
 */
public record FulfillmentRejection(FulfillmentRejectionReason reason, String message) {

    /** The longest message taken. */
    static final int LONGEST_MESSAGE = 1000;

    /**
     * Reads a body.
     *
     * @throws InvalidRequestException (400) naming each field that is missing or not valid
     */
    public static FulfillmentRejection of(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        FulfillmentRejectionReason reason = null;
        JsonValue given = body == null ? null : body.get("reason");
        if (!(given instanceof JsonString text)) {
            errors.add(new FieldError("reason", "is required: one of " + known()));
        } else {
            try {
                reason = FulfillmentRejectionReason.valueOf(text.getString());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("reason", "is not one of Shopify's rejection reasons: " + known()));
            }
        }
        String message = null;
        JsonValue note = body == null ? null : body.get("message");
        if (note != null && note != JsonValue.NULL) {
            if (!(note instanceof JsonString text)) {
                errors.add(new FieldError("message", "must be text"));
            } else if (text.getString().length() > LONGEST_MESSAGE) {
                errors.add(new FieldError("message", "is longer than " + LONGEST_MESSAGE + " characters"));
            } else if (!text.getString().isBlank()) {
                message = text.getString().trim();
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new FulfillmentRejection(reason, message);
    }

    private static String known() {
        return String.join(
                ", ",
                Arrays.stream(FulfillmentRejectionReason.values())
                        .map(Enum::name)
                        .toList());
    }
}
