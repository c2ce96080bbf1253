package wms.shopify.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app's grants on sandbox stores: one-time authorization codes, offline access tokens (non-expiring, or expiring
 * after an hour with a refresh token when asked with {@code expiring=1}), refresh-token rotation (a used refresh
 * token's predecessor dies; the token itself stays valid until its own replacement is used), and revocation.
 */
final class AccessTokens {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(90);

    private record Code(String shop, String scope, Instant issuedAt) {}

    private record Token(String shop, String scope, Instant expiresAt) {}

    private static final class Refresh {
        final String shop;
        final String scope;
        final Instant expiresAt;
        final String predecessor;
        volatile boolean dead;

        Refresh(String shop, String scope, Instant expiresAt, String predecessor) {
            this.shop = shop;
            this.scope = scope;
            this.expiresAt = expiresAt;
            this.predecessor = predecessor;
        }
    }

    private final Clock clock;
    private final Duration accessTokenLifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();

    AccessTokens(Clock clock, Duration accessTokenLifetime) {
        this.clock = clock;
        this.accessTokenLifetime = accessTokenLifetime;
    }

    String issueCode(String shop, String scope) {
        String code = random(16);
        codes.put(code, new Code(shop, scope, clock.instant()));
        return code;
    }

    /** Exchanges a code once; null when the code is unknown, used, expired or for another shop. */
    Map<String, Object> exchange(String shop, String code, boolean expiring) {
        Code grant = code == null ? null : codes.remove(code);
        if (grant == null
                || !grant.shop().equals(shop)
                || grant.issuedAt().plus(CODE_LIFETIME).isBefore(clock.instant())) {
            return null;
        }
        return issue(shop, grant.scope(), expiring, null);
    }

    /** The refresh grant; null when the refresh token is unknown, expired, superseded or revoked. */
    Map<String, Object> refresh(String shop, String refreshToken) {
        Refresh old = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (old == null || old.dead || !old.shop.equals(shop) || old.expiresAt.isBefore(clock.instant())) {
            return null;
        }
        if (old.predecessor != null) {
            Refresh predecessor = refreshTokens.get(old.predecessor);
            if (predecessor != null) {
                predecessor.dead = true;
            }
        }
        return issue(shop, old.scope, true, refreshToken);
    }

    /** An access token as the code exchange would give it (for tests that skip the OAuth dance). */
    Map<String, Object> issue(String shop, String scope, boolean expiring, String predecessor) {
        String accessToken = "shpat_" + random(16);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", accessToken);
        answer.put("scope", scope);
        if (expiring) {
            String refreshToken = "shprt_" + random(16);
            tokens.put(accessToken, new Token(shop, scope, clock.instant().plus(accessTokenLifetime)));
            refreshTokens.put(
                    refreshToken, new Refresh(shop, scope, clock.instant().plus(REFRESH_TOKEN_LIFETIME), predecessor));
            answer.put("expires_in", accessTokenLifetime.toSeconds());
            answer.put("refresh_token", refreshToken);
            answer.put("refresh_token_expires_in", REFRESH_TOKEN_LIFETIME.toSeconds());
        } else {
            tokens.put(accessToken, new Token(shop, scope, null));
        }
        return answer;
    }

    boolean valid(String shop, String accessToken) {
        Token token = accessToken == null ? null : tokens.get(accessToken);
        return token != null
                && token.shop().equals(shop)
                && (token.expiresAt() == null || token.expiresAt().isAfter(clock.instant()));
    }

    /** The scopes the token carries, comma separated; null for an unknown token. */
    String scopes(String accessToken) {
        Token token = accessToken == null ? null : tokens.get(accessToken);
        return token == null ? null : token.scope();
    }

    /**
     * The merchant changed the app's access on the store: every token and refresh token of the app there carries
     * the new scopes from now on (a token's scopes are the installation's, not fixed at issue).
     */
    /** The scopes the app's tokens on the shop carry now, or null when it has none. */
    String grantOf(String shop) {
        return tokens.values().stream()
                .filter(t -> t.shop().equals(shop))
                .map(Token::scope)
                .findFirst()
                .orElse(null);
    }

    void regrant(String shop, String scope) {
        tokens.replaceAll((key, t) -> t.shop().equals(shop) ? new Token(t.shop(), scope, t.expiresAt()) : t);
        refreshTokens.replaceAll((key, r) -> {
            if (!r.shop.equals(shop)) {
                return r;
            }
            Refresh changed = new Refresh(r.shop, scope, r.expiresAt, r.predecessor);
            changed.dead = r.dead;
            return changed;
        });
    }

    void revokeAll(String shop) {
        tokens.values().removeIf(t -> t.shop().equals(shop));
        refreshTokens.values().forEach(r -> {
            if (r.shop.equals(shop)) {
                r.dead = true;
            }
        });
    }

    private String random(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
