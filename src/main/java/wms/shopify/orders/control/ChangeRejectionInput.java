package wms.shopify.orders.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import wms.shopify.orders.entity.FulfillmentRejectionReason;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;
import wms.shopify.platform.api.WholeNumber;

/**
 * The WMS's rejection of a change entry as it sends it: {@code {"revision": 63, "reason": "already shipped"}}, both
 * required, the reason 1 to 1000 characters. In fulfillment-service mode a change may carry a fulfillment request the
 * merchant made after the WMS accepted the order; rejecting the change rejects that request on Shopify, with
 * Shopify's reason: {@code rejectionReason} (optional, one of Shopify's {@code FulfillmentOrderRejectionReason}), else
 * the {@code reason} read as {@link FulfillmentRejection#ofChange} does, and {@code message} (optional, up to 1000
 * characters) for the merchant. Read whole, every error named by its field.
 *
 * @param rejectionReason Shopify's reason the WMS named, or null
 * @param message the WMS's message for the merchant, or null
 */
public record ChangeRejectionInput(
        long revision, String reason, FulfillmentRejectionReason rejectionReason, String message) {

    private static final List<String> FIELDS = List.of("revision", "reason", "rejectionReason", "message");

    /**
     * The rejection of a body.
     *
     * @throws InvalidRequestException naming every field that is wrong
     */
    public static ChangeRejectionInput read(JsonObject body) {
        if (body == null) {
            throw new InvalidRequestException(List.of(new FieldError("body", "is required: a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field)) {
                errors.add(new FieldError(field, "is not a field of a change rejection (one of " + FIELDS + ")"));
            }
        }
        Long revision = WholeNumber.required(body.get("revision"), "revision", 0, Long.MAX_VALUE, errors);
        String reason = body.get("reason") instanceof JsonString text
                        && !text.getString().isBlank()
                        && text.getString().length() <= 1000
                ? text.getString().strip()
                : null;
        if (reason == null) {
            errors.add(new FieldError("reason", "is required: why the change cannot be taken (1 to 1000 characters)"));
        }
        FulfillmentRejectionReason named =
                FulfillmentRejection.reason(body.get("rejectionReason"), "rejectionReason", errors);
        String message = FulfillmentRejection.message(body.get("message"), "message", errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ChangeRejectionInput(revision, reason, named, message);
    }

    /** What Shopify is told when the change carries a fulfillment request: its reason and the merchant's message. */
    public FulfillmentRejection shopifyRejection() {
        return FulfillmentRejection.ofChange(this.rejectionReason, this.reason, this.message);
    }
}
