package wms.shopify.adminapi.control;

/**
 * Shopify refused a request as it was made (4xx other than 401 and 429, a permanent code of {@link ShopifyErrorCode}
 * in a 200, or an idempotency key that is spent): sending the same call again cannot help. The message carries
 * Shopify's own words.
 */
public class ShopifyRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ShopifyErrorCode code;

    private final String requiredAccess;

    public ShopifyRequestException(String message) {
        this(message, ShopifyErrorCode.OTHER);
    }

    public ShopifyRequestException(String message, ShopifyErrorCode code) {
        this(message, code, null);
    }

    /**
     * @param requiredAccess for {@link ShopifyErrorCode#ACCESS_DENIED}: the access scope(s) Shopify named in
     *        {@code extensions.requiredAccess}, e.g. "write_inventory" (alternatives joined by " or "), or null
     */
    public ShopifyRequestException(String message, ShopifyErrorCode code, String requiredAccess) {
        super(message);
        this.code = code;
        this.requiredAccess = requiredAccess;
    }

    /** The access scope the token lacks, when Shopify refused the call for it ({@code ACCESS_DENIED}). */
    public java.util.Optional<String> requiredAccess() {
        return java.util.Optional.ofNullable(this.requiredAccess);
    }

    /** Shopify's code ({@link ShopifyErrorCode#OTHER} for an HTTP refusal or a code not classified). */
    public ShopifyErrorCode code() {
        return this.code;
    }

    /** Whether the write did not happen and needs a new idempotency key (the work may be prepared again). */
    public boolean needsNewKey() {
        return this.code.handling() == ShopifyErrorCode.Handling.NEW_KEY;
    }
}
