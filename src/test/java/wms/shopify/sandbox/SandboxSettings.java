package wms.shopify.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How a sandbox is started: the port (0 for a free one), the app's client credentials (they sign OAuth callbacks and
 * webhooks, so the connector must be configured with the same), the redirect URIs the app allows (empty: any
 * http(s) URI), the clock (the cost bucket and token expiry read it, so tests can move time), the webhook retry time
 * scale (1.0 is Shopify's real schedule) and the webhook timeout.
 */
public record SandboxSettings(
        int port,
        String clientId,
        String clientSecret,
        List<String> redirectUris,
        Clock clock,
        double webhookTimeScale,
        Duration webhookTimeout,
        Duration accessTokenLifetime) {

    public static final String DEFAULT_CLIENT_ID = "sandbox-client-id";
    public static final String DEFAULT_CLIENT_SECRET = "sandbox-client-secret";

    /** A free port, the default credentials, the system clock, Shopify's real retry schedule and timeouts. */
    public static SandboxSettings defaults() {
        return new SandboxSettings(
                0,
                DEFAULT_CLIENT_ID,
                DEFAULT_CLIENT_SECRET,
                List.of(),
                Clock.systemUTC(),
                1.0,
                Duration.ofSeconds(5),
                Duration.ofHours(1));
    }

    public SandboxSettings withPort(int newPort) {
        return new SandboxSettings(
                newPort,
                clientId,
                clientSecret,
                redirectUris,
                clock,
                webhookTimeScale,
                webhookTimeout,
                accessTokenLifetime);
    }

    public SandboxSettings withCredentials(String newClientId, String newClientSecret) {
        return new SandboxSettings(
                port,
                newClientId,
                newClientSecret,
                redirectUris,
                clock,
                webhookTimeScale,
                webhookTimeout,
                accessTokenLifetime);
    }

    public SandboxSettings withRedirectUris(List<String> uris) {
        return new SandboxSettings(
                port,
                clientId,
                clientSecret,
                List.copyOf(uris),
                clock,
                webhookTimeScale,
                webhookTimeout,
                accessTokenLifetime);
    }

    public SandboxSettings withClock(Clock newClock) {
        return new SandboxSettings(
                port,
                clientId,
                clientSecret,
                redirectUris,
                newClock,
                webhookTimeScale,
                webhookTimeout,
                accessTokenLifetime);
    }

    /** E.g. 0.001 turns the first one-minute retry into 60 ms. */
    public SandboxSettings withWebhookTimeScale(double scale) {
        return new SandboxSettings(
                port, clientId, clientSecret, redirectUris, clock, scale, webhookTimeout, accessTokenLifetime);
    }

    public SandboxSettings withWebhookTimeout(Duration timeout) {
        return new SandboxSettings(
                port, clientId, clientSecret, redirectUris, clock, webhookTimeScale, timeout, accessTokenLifetime);
    }
}
