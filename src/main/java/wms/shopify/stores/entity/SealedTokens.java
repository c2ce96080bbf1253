package wms.shopify.stores.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * A store's Shopify tokens as they are kept: access and refresh token already encrypted (never in clear in the
 * database or in an entity), with when each lapses and the scopes Shopify granted.
 *
 * @param accessToken the encrypted offline access token
 * @param accessTokenExpiresAt when it lapses, or null for a token that does not expire
 * @param refreshToken the encrypted refresh token, or null when the token does not expire
 * @param refreshTokenExpiresAt when the refresh token lapses, or null when unknown
 * @param scopes the scopes granted, comma separated as Shopify answers them
 */
public record SealedTokens(
        String accessToken,
        Instant accessTokenExpiresAt,
        String refreshToken,
        Instant refreshTokenExpiresAt,
        String scopes) {

    public SealedTokens {
        Objects.requireNonNull(accessToken, "accessToken");
    }
}
