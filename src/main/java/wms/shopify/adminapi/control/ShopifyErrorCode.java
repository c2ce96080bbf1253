package wms.shopify.adminapi.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * The one classification of Shopify's errors for every gateway: each code Shopify puts in a top-level
 * {@code errors[].extensions.code} (answered with HTTP 200) and the idempotency codes of an {@code @idempotent}
 * mutation's {@code userErrors}, with what the connector does about it. Sources: Shopify's "GraphQL Admin API status
 * and error codes" (THROTTLED, ACCESS_DENIED, SHOP_INACTIVE, INTERNAL_SERVER_ERROR "returned instead of 500 Internal
 * Server Error"), the rate-limits page (MAX_COST_EXCEEDED), the BulkOperationErrorCode descriptions (TIMEOUT and
 * INTERNAL_SERVER_ERROR "might be intermittent, so you can try performing the same query again") and "Implementing
 * idempotency" (the three IDEMPOTENCY_ codes).
 */
public enum ShopifyErrorCode {

    /** The store's cost bucket is empty: the same call passes once it refills. */
    THROTTLED(Handling.RETRY),
    /** Shopify failed on its side; intermittent. */
    INTERNAL_SERVER_ERROR(Handling.RETRY),
    /** Shopify ran out of time executing the query; intermittent. */
    TIMEOUT(Handling.RETRY),
    /** The same idempotency key is still being processed: retried with the same key, it gets that answer. */
    IDEMPOTENCY_CONCURRENT_REQUEST(Handling.RETRY),
    /** The query costs more than a single query may (1000 points): the same query never passes. */
    MAX_COST_EXCEEDED(Handling.REFUSE),
    /** The app lacks an access scope (or protected-data access) the query needs: the merchant must grant it. */
    ACCESS_DENIED(Handling.REFUSE),
    /** The shop is not active (closed, frozen or fraud-held). */
    SHOP_INACTIVE(Handling.REFUSE),
    /** An input array longer than 250 entries. */
    MAX_INPUT_SIZE_EXCEEDED(Handling.REFUSE),
    /** A malformed request (missing {@code @idempotent} key and the like). */
    BAD_REQUEST(Handling.REFUSE),
    /** The key's first attempt failed on Shopify: this write needs a new key. */
    IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED(Handling.NEW_KEY),
    /** The key was used before with other variables: this write needs a new key. */
    IDEMPOTENCY_KEY_PARAMETER_MISMATCH(Handling.NEW_KEY),
    /**
     * A protected customer field (name, address, e-mail, phone) the app is not approved to read: Shopify answers it
     * as null with an error that has no code, "This app is not approved to access the Customer object. ..."
     * ("Work with protected customer data": "unapproved fields will be redacted"). The rest of the answer is good.
     */
    CUSTOMER_DATA_WITHHELD(Handling.ANSWERED),
    /** Any code not listed (validation errors, codes Shopify adds later): refused, Shopify's message kept. */
    OTHER(Handling.REFUSE);

    /** What the connector does with a call that met the code. */
    public enum Handling {
        /** Transient: the same call, same variables and same idempotency key, is sent again after a pause. */
        RETRY,
        /** Permanent: retrying cannot help; the work is parked with Shopify's message. */
        REFUSE,
        /** The write did not happen and its key is spent: the work is prepared again under a new key. */
        NEW_KEY,
        /** Not a failure of the call: the data is taken, the field the error names is null (withheld). */
        ANSWERED
    }

    /** How Shopify's protected-data error begins (the rest names the app's Partner Dashboard page). */
    private static final String CUSTOMER_DATA_MESSAGE = "This app is not approved to access the Customer object";

    private final Handling handling;

    ShopifyErrorCode(Handling handling) {
        this.handling = handling;
    }

    public Handling handling() {
        return this.handling;
    }

    /** The code of this name; {@link #OTHER} for a code not listed or none. */
    public static ShopifyErrorCode of(String code) {
        return Arrays.stream(values())
                .filter(c -> c != OTHER && c.name().equals(code))
                .findFirst()
                .orElse(OTHER);
    }

    /** The code of one entry of a top-level {@code errors} array. */
    static ShopifyErrorCode ofError(JsonValue error) {
        if (error instanceof JsonObject object
                && object.get("extensions") instanceof JsonObject extensions
                && extensions.get("code") instanceof JsonString code) {
            return of(code.getString());
        }
        if (error instanceof JsonObject object
                && object.getString("message", "").startsWith(CUSTOMER_DATA_MESSAGE)) {
            return CUSTOMER_DATA_WITHHELD;
        }
        return OTHER;
    }

    /**
     * The code that decides a call whose answer carries these top-level errors: a permanent one wins over a transient
     * one (retrying cannot make an ACCESS_DENIED field readable, even if another field timed out), else the first.
     */
    static ShopifyErrorCode decisive(JsonArray errors) {
        ShopifyErrorCode first = null;
        for (JsonValue error : errors) {
            ShopifyErrorCode code = ofError(error);
            if (code.handling != Handling.RETRY) {
                return code;
            }
            first = first == null ? code : first;
        }
        return first == null ? OTHER : first;
    }

    /**
     * The idempotency code among a mutation payload's {@code userErrors}, if any: Shopify reports these as user
     * errors of the mutation, not as top-level errors, and they concern the key, not the input.
     */
    static Optional<ShopifyErrorCode> idempotency(JsonArray userErrors) {
        for (JsonValue error : userErrors) {
            if (error instanceof JsonObject object
                    && object.get("code") instanceof JsonString code
                    && code.getString().startsWith("IDEMPOTENCY_")) {
                return Optional.of(of(code.getString()));
            }
        }
        return Optional.empty();
    }
}
