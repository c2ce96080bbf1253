package wms.shopify.stores.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;
import java.util.logging.Logger;
import wms.shopify.adminapi.control.OAuthClient;
import wms.shopify.adminapi.control.ShopifyErrorCode;
import wms.shopify.adminapi.control.ShopifyRequestException;
import wms.shopify.adminapi.control.ShopifyUnauthorizedException;
import wms.shopify.adminapi.entity.GrantedTokens;
import wms.shopify.adminapi.entity.ShopDomain;
import wms.shopify.platform.Published;
import wms.shopify.platform.crypto.TokenCipher;
import wms.shopify.stores.entity.SealedTokens;
import wms.shopify.stores.entity.Store;

/**
 * Calls Shopify on a store's behalf with its token, opened only for the call. When Shopify refuses the token the
 * store's refresh token is tried once; if that does not help the store is marked "token problem" and the refusal
 * is passed on: never a retry loop on a dead token.
 */
@Published
@ApplicationScoped
public class StoreAccess {

    private static final Logger LOG = Logger.getLogger(StoreAccess.class.getName());

    @Inject
    TokenCipher cipher;

    @Inject
    OAuthClient oauth;

    @Inject
    Stores stores;

    /** Seals what Shopify granted for a store: tokens are bound to the store's domain. */
    public SealedTokens seal(ShopDomain shop, GrantedTokens granted) {
        String context = shop.value();
        return new SealedTokens(
                this.cipher.seal(granted.accessToken(), context),
                granted.accessTokenExpiresAt(),
                granted.refreshToken() == null ? null : this.cipher.seal(granted.refreshToken(), context),
                granted.refreshTokenExpiresAt(),
                granted.scopes());
    }

    /**
     * Runs a call with the store's access token.
     *
     * @throws ShopifyUnauthorizedException when the token is refused and no refresh helps (the store is then
     *         marked "token problem")
     */
    public <T> T call(Store store, Function<String, T> call) {
        if (!store.isConnected()) {
            throw new ShopifyUnauthorizedException("Store " + store.domain() + " is not connected");
        }
        String token =
                this.cipher.open(store.sealedAccessToken(), store.domain().value());
        try {
            return call.apply(token);
        } catch (ShopifyRequestException refused) {
            noteMissingAccess(store, refused);
            throw refused;
        } catch (ShopifyUnauthorizedException refused) {
            if (store.sealedRefreshToken() == null) {
                this.stores.tokenRefused(store.id(), "Shopify refused its access token.");
                throw refused;
            }
            Store refreshed = refresh(store);
            try {
                return call.apply(this.cipher.open(
                        refreshed.sealedAccessToken(), store.domain().value()));
            } catch (ShopifyUnauthorizedException again) {
                this.stores.tokenRefused(store.id(), "Shopify refused a freshly refreshed access token.");
                throw again;
            }
        }
    }

    /** A call refused for an access scope the token lacks marks the store; the refusal itself is the caller's. */
    private void noteMissingAccess(Store store, ShopifyRequestException refused) {
        if (refused.code() == ShopifyErrorCode.ACCESS_DENIED) {
            refused.requiredAccess().ifPresent(scope -> {
                LOG.warning(() ->
                        "Store " + store.domain() + " lacks the " + scope + " access scope: " + refused.getMessage());
                try {
                    this.stores.accessMissing(store.id(), scope, refused.getMessage());
                } catch (RuntimeException notMarked) {
                    // The refusal is what the caller must see; the next refused call marks the store.
                    LOG.log(java.util.logging.Level.WARNING, "Could not mark " + store.domain(), notMarked);
                }
            });
        }
    }

    /**
     * Gets a fresh access token with the store's refresh token and keeps it.
     *
     * @return the store with its new tokens
     * @throws ShopifyUnauthorizedException when the refresh token is refused (the store is then "token problem")
     */
    public Store refresh(Store store) {
        ShopDomain shop = store.domain();
        GrantedTokens granted;
        try {
            granted = this.oauth.refresh(shop, this.cipher.open(store.sealedRefreshToken(), shop.value()));
        } catch (ShopifyUnauthorizedException refused) {
            this.stores.tokenRefused(store.id(), "Shopify refused its refresh token.");
            throw refused;
        }
        SealedTokens sealed = seal(shop, granted);
        this.stores.refreshed(store.id(), sealed);
        store.refreshed(sealed);
        LOG.fine(() -> "Refreshed the access token of " + shop);
        return store;
    }
}
