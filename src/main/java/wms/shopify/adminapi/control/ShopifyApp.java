package wms.shopify.adminapi.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.adminapi.entity.ShopDomain;
import wms.shopify.platform.retry.RequestTimeout;

/**
 * The connector as a Shopify app: its credentials, the scopes it asks for, the API version it speaks, where Shopify
 * sends merchants back and webhooks to, and where a store's Admin API is. All from MicroProfile Config; the keys
 * and their defaults are in docs/operations.md.
 */
@ApplicationScoped
public class ShopifyApp implements RequestTimeout {

    @Inject
    @ConfigProperty(name = "wms.shopify.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "wms.shopify.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "wms.shopify.previous-client-secret")
    Optional<String> previousClientSecret;

    @Inject
    @ConfigProperty(name = "wms.shopify.previous-client-secret-until")
    Optional<String> previousClientSecretUntil;

    @Inject
    @ConfigProperty(name = "wms.shopify.scopes")
    String scopes;

    @Inject
    @ConfigProperty(name = "wms.shopify.api-version")
    String apiVersion;

    @Inject
    @ConfigProperty(name = "wms.shopify.shop-url-template")
    String shopUrlTemplate;

    @Inject
    @ConfigProperty(name = "wms.shopify.callback-url")
    String callbackUrl;

    @Inject
    @ConfigProperty(name = "wms.shopify.webhook-url")
    String webhookUrl;

    @Inject
    @ConfigProperty(name = "wms.shopify.webhook-max-bytes")
    int webhookMaxBytes;

    @Inject
    @ConfigProperty(name = "wms.shopify.webhook-max-age-hours")
    long webhookMaxAgeHours;

    @Inject
    @ConfigProperty(name = "wms.shopify.subscription-check-minutes")
    long subscriptionCheckMinutes;

    @Inject
    @ConfigProperty(name = "wms.shopify.token-refresh-margin-seconds")
    long tokenRefreshMarginSeconds;

    @Inject
    @ConfigProperty(name = "wms.shopify.callback-max-age-seconds")
    long callbackMaxAgeSeconds;

    @Inject
    @ConfigProperty(name = "wms.shopify.install-timeout-minutes")
    long installTimeoutMinutes;

    @Inject
    @ConfigProperty(name = "wms.shopify.request-timeout-seconds")
    long requestTimeoutSeconds;

    /** How long an Admin API call waits for Shopify's answer before its outcome counts as unknown. */
    @Override
    public java.time.Duration requestTimeout() {
        return java.time.Duration.ofSeconds(Math.max(1, this.requestTimeoutSeconds));
    }

    /** Why installs cannot start (client id or secret missing), or empty when they can. */
    public Optional<String> problem() {
        if (blank(this.clientId) || blank(this.clientSecret)) {
            return Optional.of("The Shopify app credentials are not configured: set SHOPIFY_CLIENT_ID and "
                    + "SHOPIFY_CLIENT_SECRET (see docs/operations.md).");
        }
        return Optional.empty();
    }

    /**
     * Why the webhook address may not be registered with the stores this server reaches, or empty when it may.
     * Shopify requires "an HTTPS webhook address" and refuses {@code http://} ("Address protocol http:// is not
     * supported"): a server that reaches its stores over HTTPS (real Shopify, {@code SHOPIFY_SHOP_URL_TEMPLATE}
     * {@code https://{shop}}) refuses to register a plain-HTTP address before asking Shopify, and says what to set.
     * A store reached over plain HTTP is the sandbox in its local demo mode, which accepts a local address.
     */
    public Optional<String> webhookAddressProblem() {
        if (this.shopUrlTemplate.trim().toLowerCase(java.util.Locale.ROOT).startsWith("https://")
                && this.webhookUrl.trim().toLowerCase(java.util.Locale.ROOT).startsWith("http://")) {
            return Optional.of("Shopify accepts only an HTTPS webhook address, and SHOPIFY_WEBHOOK_URL is "
                    + this.webhookUrl.trim() + ": set it to the https:// address at which Shopify reaches this "
                    + "connector's /shopify/webhooks (see docs/operations.md) before connecting a store.");
        }
        return Optional.empty();
    }

    private static boolean blank(Optional<String> value) {
        return value.isEmpty() || value.get().isBlank();
    }

    public String clientId() {
        return this.clientId.orElseThrow(
                () -> new IllegalStateException(problem().orElseThrow()));
    }

    public String clientSecret() {
        return this.clientSecret.orElseThrow(
                () -> new IllegalStateException(problem().orElseThrow()));
    }

    /**
     * The secrets a signature may be made with at this moment: the current one and, until the end of a rotation
     * window, the previous one (Shopify takes up to an hour to sign with a new secret).
     */
    public List<String> secretsAcceptedAt(Instant now) {
        List<String> secrets = new ArrayList<>();
        this.clientSecret.filter(s -> !s.isBlank()).ifPresent(secrets::add);
        if (!blank(this.previousClientSecret)
                && !blank(this.previousClientSecretUntil)
                && now.isBefore(
                        Instant.parse(this.previousClientSecretUntil.get().trim()))) {
            secrets.add(this.previousClientSecret.get());
        }
        return secrets;
    }

    public String scopes() {
        return this.scopes;
    }

    public String apiVersion() {
        return this.apiVersion;
    }

    /** The store's own address: {@code https://<name>.myshopify.com}, or the sandbox's in tests and demos. */
    public URI shopUrl(ShopDomain shop) {
        return URI.create(this.shopUrlTemplate.replace("{shop}", shop.value()));
    }

    public URI graphQlUrl(ShopDomain shop) {
        return URI.create(shopUrl(shop) + "/admin/api/" + this.apiVersion + "/graphql.json");
    }

    public URI callbackUrl() {
        return URI.create(this.callbackUrl);
    }

    public String webhookUrl() {
        return this.webhookUrl;
    }

    public int webhookMaxBytes() {
        return this.webhookMaxBytes;
    }

    /**
     * How long after Shopify triggered a delivery (X-Shopify-Triggered-At) it is still taken: Shopify retries a
     * failed delivery for hours, not days, so anything older is a replay.
     */
    public Duration webhookMaxAge() {
        return Duration.ofHours(this.webhookMaxAgeHours);
    }

    public Duration subscriptionCheckInterval() {
        return Duration.ofMinutes(this.subscriptionCheckMinutes);
    }

    public Duration tokenRefreshMargin() {
        return Duration.ofSeconds(this.tokenRefreshMarginSeconds);
    }

    /** How far a callback's {@code timestamp} may be from now (Shopify's libraries allow 90 s). */
    public Duration callbackMaxAge() {
        return Duration.ofSeconds(this.callbackMaxAgeSeconds);
    }

    /** How long an install may wait for the merchant's approval on Shopify before its state expires. */
    public Duration installTimeout() {
        return Duration.ofMinutes(this.installTimeoutMinutes);
    }
}
