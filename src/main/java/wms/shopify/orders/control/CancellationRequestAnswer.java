package wms.shopify.orders.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;

/**
 * The WMS's answer to a cancellation request, read from its body: a {@code message} for the merchant, required when
 * the WMS refuses (why: already packed, already shipped), optional when it agrees.
 *
 * @param message null when none was given
 */
public record CancellationRequestAnswer(String message) {

    /**
     * Reads a body.
     *
     * @param required whether the message must be given (a refusal says why)
     * @throws InvalidRequestException (400) naming {@code message} when it is missing, not text or too long
     */
    public static CancellationRequestAnswer of(JsonObject body, boolean required) {
        JsonValue note = body == null ? null : body.get("message");
        String message = null;
        if (note != null && note != JsonValue.NULL) {
            if (!(note instanceof JsonString text)) {
                throw invalid("must be text");
            }
            if (text.getString().length() > FulfillmentRejection.LONGEST_MESSAGE) {
                throw invalid("is longer than " + FulfillmentRejection.LONGEST_MESSAGE + " characters");
            }
            message = text.getString().isBlank() ? null : text.getString().trim();
        }
        if (required && message == null) {
            throw invalid("is required: why the WMS cannot cancel (e.g. already packed), shown to the merchant");
        }
        return new CancellationRequestAnswer(message);
    }

    private static InvalidRequestException invalid(String what) {
        return new InvalidRequestException(List.of(new FieldError("message", what)));
    }
}
