package wms.shopify.stores.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import wms.shopify.adminapi.control.OAuthClient;
import wms.shopify.adminapi.control.ShopifyApp;
import wms.shopify.adminapi.control.ShopifyHmac;
import wms.shopify.adminapi.control.ShopifyRequestException;
import wms.shopify.adminapi.control.ShopifyUnauthorizedException;
import wms.shopify.adminapi.control.ShopifyUnavailableException;
import wms.shopify.adminapi.entity.GrantedScopes;
import wms.shopify.adminapi.entity.GrantedTokens;
import wms.shopify.adminapi.entity.InvalidShopDomainException;
import wms.shopify.adminapi.entity.ShopDomain;
import wms.shopify.platform.crypto.TokenCipher;
import wms.shopify.stores.entity.Store;

/**
 * Installing the app on a store by OAuth (authorization-code grant): the address of Shopify's approval page, and
 * the checks of Shopify's callback (state, signature, timestamp, shop) before its code is exchanged for an
 * expiring offline token. A refused callback stores nothing. After the token is stored the store's locations are
 * read and its webhook subscriptions registered; if that fails the store stays connected and the scheduled check
 * finishes it.
 */
@ApplicationScoped
public class Installation {

    private static final Logger LOG = Logger.getLogger(Installation.class.getName());

    @Inject
    ShopifyApp app;

    @Inject
    TokenCipher cipher;

    @Inject
    OAuthClient oauth;

    @Inject
    StoreAccess access;

    @Inject
    Stores stores;

    @Inject
    LocationSync locations;

    @Inject
    WebhookSubscriptions subscriptions;

    @Inject
    Clock clock;

    /** Why no store can be installed now (configuration missing), or empty when installs can go ahead. */
    public Optional<String> refusal() {
        return this.app.problem().or(this.cipher::problem).or(this.app::webhookAddressProblem);
    }

    /** The access scopes the connector asks a merchant to grant ({@code SHOPIFY_SCOPES}), comma-separated. */
    public String scopesAskedFor() {
        return this.app.scopes();
    }

    /** Starts an install: a state bound to the admin's browser and the address of Shopify's approval page. */
    public URI begin(ShopDomain shop, InstallStates states) {
        refusal().ifPresent(reason -> {
            throw new InstallRefusedException(reason);
        });
        String state = states.begin(shop, this.clock.instant());
        return URI.create(this.app.shopUrl(shop) + "/admin/oauth/authorize"
                + "?client_id=" + encode(this.app.clientId())
                + "&scope=" + encode(this.app.scopes())
                + "&redirect_uri=" + encode(this.app.callbackUrl().toString())
                + "&state=" + encode(state));
    }

    /**
     * Finishes an install from Shopify's callback.
     *
     * @param query the callback's query parameters, each given once
     * @throws InstallRefusedException with a plain message for the merchant; nothing is stored then
     */
    public Store complete(Map<String, String> query, InstallStates states, String actor) {
        refusal().ifPresent(reason -> {
            throw new InstallRefusedException(reason);
        });
        Instant now = this.clock.instant();
        // The signature first: nothing else in the query is believed before Shopify is known to have sent it.
        if (!ShopifyHmac.queryIsSigned(query, this.app.secretsAcceptedAt(now))) {
            throw new InstallRefusedException("Shopify's answer could not be verified (its signature is wrong). "
                    + "Start again with + Add Store.");
        }
        checkTimestamp(query.get("timestamp"), now, this.app.callbackMaxAge());
        ShopDomain shop;
        try {
            shop = ShopDomain.parse(query.get("shop"));
        } catch (InvalidShopDomainException e) {
            throw new InstallRefusedException("Shopify's answer names no valid store. Start again with + Add Store.");
        }
        states.finish(query.get("state"), shop, now, this.app.installTimeout());
        String code = query.get("code");
        if (code == null || code.isBlank()) {
            throw new InstallRefusedException(
                    "Shopify's answer holds no authorization code. Start again with " + "+ Add Store.");
        }
        GrantedTokens granted;
        try {
            granted = this.oauth.exchangeCode(shop, code);
        } catch (ShopifyUnauthorizedException | ShopifyRequestException | ShopifyUnavailableException e) {
            LOG.warning(() -> "Install of " + shop + " failed at the token exchange: " + e.getMessage());
            throw new InstallRefusedException(
                    "Shopify did not give the connector access to " + shop + ". Start again with + Add Store.");
        }
        Store store = this.stores.connect(shop, this.access.seal(shop, granted), actor);
        // Shopify may grant less than asked (a managed install's configuration, the merchant's edit): say so now, not
        // at the first refused call.
        this.stores.grantChanged(
                store.id(),
                GrantedScopes.parse(granted.scopes()),
                this.app.scopes(),
                "the install's token answer says");
        afterInstall(store);
        return store;
    }

    /** Reads the shop and its locations and registers the webhooks; failures are logged, the store stays. */
    public void afterInstall(Store store) {
        try {
            this.locations.sync(store);
            this.subscriptions.verify(store);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Store " + store.domain() + " is connected, but reading its locations or "
                            + "registering its webhooks failed; the scheduled check tries again: " + e.getMessage());
        }
    }

    static void checkTimestamp(String timestamp, Instant now, Duration maxAge) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException | NullPointerException e) {
            throw new InstallRefusedException("Shopify's answer carries no valid time. Start again with + Add Store.");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > maxAge.toSeconds()) {
            throw new InstallRefusedException("Shopify's answer is too old (or this server's clock is wrong). "
                    + "Start again with + Add Store.");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
