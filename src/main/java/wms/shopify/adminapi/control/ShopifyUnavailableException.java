package wms.shopify.adminapi.control;

/**
 * Shopify could not answer now (5xx, 429, a transient code of {@link ShopifyErrorCode} in a 200, no connection):
 * worth sending the same call again after a while.
 */
public class ShopifyUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Shopify's code, or null when there was none (no connection, a 5xx). */
    private final ShopifyErrorCode code;

    public ShopifyUnavailableException(String message) {
        this(message, null);
    }

    public ShopifyUnavailableException(String message, ShopifyErrorCode code) {
        super(message);
        this.code = code;
    }

    /** Shopify's code, or null when Shopify gave none (no connection, a 5xx). */
    public ShopifyErrorCode code() {
        return this.code;
    }

    /** Whether the store's rate limit caused it (THROTTLED, or HTTP 429). */
    public boolean throttled() {
        return this.code == ShopifyErrorCode.THROTTLED;
    }
}
