package wms.shopify.credentials.control;

import java.util.regex.Pattern;

/**
 * The credential a caller presents in {@code Authorization: Bearer <keyId>.<secret>}, parsed strictly: anything
 * that is not exactly this shape is refused before any lookup or hashing.
 *
 * @param keyId the public id of the credential (16 characters a-z, 0-9)
 * @param secret the secret (43 characters of base64url, 256 bits)
 */
public record PresentedCredential(String keyId, String secret) {

    /** Longer headers are refused without being looked at further. */
    static final int HEADER_LIMIT = 200;

    private static final Pattern BEARER = Pattern.compile("(?i:bearer) +([a-z0-9]{16})\\.([A-Za-z0-9_-]{43})");

    /**
     * Parses an {@code Authorization} header.
     *
     * @throws ApiAuthenticationException MISSING without a header, MALFORMED when it is not a bearer credential
     *         of the connector's shape
     */
    public static PresentedCredential fromAuthorization(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiAuthenticationException(ApiAuthenticationException.Reason.MISSING);
        }
        if (header.length() > HEADER_LIMIT) {
            throw new ApiAuthenticationException(ApiAuthenticationException.Reason.MALFORMED);
        }
        var matcher = BEARER.matcher(header);
        if (!matcher.matches()) {
            throw new ApiAuthenticationException(ApiAuthenticationException.Reason.MALFORMED);
        }
        return new PresentedCredential(matcher.group(1), matcher.group(2));
    }

    /** Never shows the secret, so a credential that ends up in a log or an exception message leaks nothing. */
    @Override
    public String toString() {
        return "PresentedCredential[keyId=" + this.keyId + ", secret=<hidden>]";
    }
}
