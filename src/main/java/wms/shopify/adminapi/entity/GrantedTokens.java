package wms.shopify.adminapi.entity;

import java.time.Instant;

/**
 * What Shopify's token endpoint granted, in clear: held only while it is being encrypted. {@link #toString()}
 * never shows the tokens, so a log line or an exception message cannot leak them.
 *
 * @param accessTokenExpiresAt null for a token that does not expire
 * @param refreshToken null for a token that does not expire
 * @param refreshTokenExpiresAt null when Shopify did not say
 */
public record GrantedTokens(
        String accessToken,
        String scopes,
        Instant accessTokenExpiresAt,
        String refreshToken,
        Instant refreshTokenExpiresAt) {

    @Override
    public String toString() {
        return "GrantedTokens[scopes=" + this.scopes + ", accessTokenExpiresAt=" + this.accessTokenExpiresAt
                + ", refreshToken " + (this.refreshToken == null ? "none" : "present") + "]";
    }
}
