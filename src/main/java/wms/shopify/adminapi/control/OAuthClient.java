package wms.shopify.adminapi.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import wms.shopify.adminapi.entity.GrantedTokens;
import wms.shopify.adminapi.entity.ShopDomain;

/**
 * Shopify's token endpoint ({@code POST /admin/oauth/access_token}): an install's code for an expiring offline
 * token, and a refresh token for a fresh one. Not retried automatically: a code is single use, and a refresh is
 * tried again by the next scheduled round.
 */
@ApplicationScoped
public class OAuthClient {

    @Inject
    ShopifyApp app;

    @Inject
    Clock clock;

    private final ShopifyHttp http = new ShopifyHttp();

    /** Closes the clients of every store when the application stops. */
    @PreDestroy
    void closeClients() {
        this.http.close();
    }

    /** Exchanges the code of an install's callback for an expiring offline token. */
    public GrantedTokens exchangeCode(ShopDomain shop, String code) {
        return tokens(
                shop,
                Json.createObjectBuilder()
                        .add("client_id", this.app.clientId())
                        .add("client_secret", this.app.clientSecret())
                        .add("code", code)
                        .add("expiring", "1")
                        .build(),
                "exchange the install code");
    }

    /**
     * Gets a fresh access token (and the refresh token that replaces the one used).
     *
     * @throws ShopifyUnauthorizedException when Shopify no longer accepts the refresh token
     */
    public GrantedTokens refresh(ShopDomain shop, String refreshToken) {
        return tokens(
                shop,
                Json.createObjectBuilder()
                        .add("client_id", this.app.clientId())
                        .add("client_secret", this.app.clientSecret())
                        .add("grant_type", "refresh_token")
                        .add("refresh_token", refreshToken)
                        .build(),
                "refresh the token");
    }

    private GrantedTokens tokens(ShopDomain shop, JsonObject request, String purpose) {
        ShopifyHttp.Answer answer = this.http.accessToken(this.app.shopUrl(shop), request);
        if (answer.status() >= 500 || answer.status() == 429) {
            throw new ShopifyUnavailableException(shop + " answered " + answer.status() + " when asked to " + purpose);
        }
        if (answer.status() == 400 || answer.status() == 401) {
            // Shopify's error code (invalid_grant, invalid_request, invalid_client) is safe to show; the body is not
            // echoed beyond it.
            throw new ShopifyUnauthorizedException("Shopify refused to " + purpose + " ("
                    + answer.body().getString("error", "HTTP " + answer.status()) + ")");
        }
        if (answer.status() != 200 || !answer.body().containsKey("access_token")) {
            throw new ShopifyRequestException("Shopify answered " + answer.status() + " when asked to " + purpose);
        }
        return granted(answer.body(), this.clock.instant());
    }

    static GrantedTokens granted(JsonObject body, Instant now) {
        return new GrantedTokens(
                body.getString("access_token"),
                body.getString("scope", ""),
                after(now, body, "expires_in"),
                body.getString("refresh_token", null),
                after(now, body, "refresh_token_expires_in"));
    }

    private static Instant after(Instant now, JsonObject body, String secondsField) {
        return body.get(secondsField) instanceof JsonNumber seconds ? now.plusSeconds(seconds.longValue()) : null;
    }
}
