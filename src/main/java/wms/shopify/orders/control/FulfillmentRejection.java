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
        JsonValue given = body == null ? null : body.get("reason");
        FulfillmentRejectionReason reason = null;
        if (!(given instanceof JsonString)) {
            errors.add(new FieldError("reason", "is required: one of " + known()));
        } else {
            reason = reason(given, "reason", errors);
        }
        String message = message(body == null ? null : body.get("message"), "message", errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new FulfillmentRejection(reason, message);
    }

    /**
     * The rejection Shopify is given when the WMS rejects a change entry that carries a fulfillment request
     * (fulfillment-service mode): the reason the WMS named ({@code rejectionReason}), else its own words mapped as
     * the request rejection reads them: one of Shopify's reasons as it is ("INVENTORY_OUT_OF_STOCK", or "inventory out
     * of stock"), anything else {@code OTHER} with the WMS's words as the merchant's message.
     *
     * @param named Shopify's reason the WMS named, or null
     * @param reason the WMS's reason for rejecting the change (required there)
     * @param message the WMS's message for the merchant, or null
     */
    public static FulfillmentRejection ofChange(FulfillmentRejectionReason named, String reason, String message) {
        if (named != null) {
            return new FulfillmentRejection(named, message != null ? message : reason);
        }
        FulfillmentRejectionReason mapped = known(reason);
        if (mapped != null) {
            return new FulfillmentRejection(mapped, message);
        }
        return new FulfillmentRejection(FulfillmentRejectionReason.OTHER, message != null ? message : reason);
    }

    /**
     * One of Shopify's rejection reasons read from a field, exactly as Shopify names it; null (and an error naming
     * the field) otherwise. An absent or null field is no reason and no error.
     */
    static FulfillmentRejectionReason reason(JsonValue given, String field, List<FieldError> errors) {
        if (given == null || given == JsonValue.NULL) {
            return null;
        }
        if (given instanceof JsonString text) {
            try {
                return FulfillmentRejectionReason.valueOf(text.getString());
            } catch (IllegalArgumentException e) {
                // named below
            }
        }
        errors.add(new FieldError(field, "is not one of Shopify's rejection reasons: " + known()));
        return null;
    }

    /** A message for the merchant read from a field: trimmed, null when absent or blank; too long is an error. */
    static String message(JsonValue note, String field, List<FieldError> errors) {
        if (note == null || note == JsonValue.NULL) {
            return null;
        }
        if (!(note instanceof JsonString text)) {
            errors.add(new FieldError(field, "must be text"));
        } else if (text.getString().length() > LONGEST_MESSAGE) {
            errors.add(new FieldError(field, "is longer than " + LONGEST_MESSAGE + " characters"));
        } else if (!text.getString().isBlank()) {
            return text.getString().trim();
        }
        return null;
    }

    /** Shopify's reason that the words name (any case, spaces for underscores), or null. */
    private static FulfillmentRejectionReason known(String words) {
        if (words == null) {
            return null;
        }
        String name = words.strip()
                .toUpperCase(java.util.Locale.ROOT)
                .replace(' ', '_')
                .replace('-', '_');
        return Arrays.stream(FulfillmentRejectionReason.values())
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static String known() {
        return String.join(
                ", ",
                Arrays.stream(FulfillmentRejectionReason.values())
                        .map(Enum::name)
                        .toList());
    }
}
