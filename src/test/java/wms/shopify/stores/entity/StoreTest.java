package wms.shopify.stores.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import wms.shopify.adminapi.entity.ShopDomain;

/** A store's life cycle: install, refresh due, token refused, uninstall, reinstall. */
class StoreTest {

    private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

    private static SealedTokens tokens(String access, Instant expires) {
        return new SealedTokens(access, expires, "v1:refresh", null, "read_orders");
    }

    @Test
    void lifeCycle() {
        Store store =
                new Store(new ShopDomain("acme.myshopify.com"), tokens("v1:a", T0.plusSeconds(3600)), T0, "admin");
        assertEquals(StoreStatus.CONNECTED, store.status());
        assertFalse(store.tokenDueForRefresh(T0, Duration.ofMinutes(5)));
        assertTrue(store.tokenDueForRefresh(T0.plusSeconds(3300), Duration.ofMinutes(5)));

        store.tokenRefused("Shopify refused its access token.");
        assertEquals(StoreStatus.TOKEN_PROBLEM, store.status());
        assertTrue(store.acceptsWebhooks());

        assertTrue(store.disconnect(T0.plusSeconds(10), "uninstalled"));
        assertFalse(store.disconnect(T0.plusSeconds(11), "again"), "a repeated uninstall changes nothing");
        assertNull(store.sealedAccessToken(), "the dead token is dropped");
        assertFalse(store.acceptsWebhooks());

        store.connect(tokens("v1:b", null), T0.plusSeconds(20), "admin");
        assertEquals(StoreStatus.CONNECTED, store.status());
        assertEquals("v1:b", store.sealedAccessToken(), "a reinstall replaces the token");
        assertTrue(store.subscriptionsDue(T0.plusSeconds(20), Duration.ofHours(1)), "checked again at once");
    }

    @Test
    void resealingChangesHowTheTokensAreSealedOnly() {
        Store store = new Store(new ShopDomain("acme.myshopify.com"), tokens("v1:a", T0.plusSeconds(3600)), T0, null);
        store.resealTokens(current -> "v2:k:" + current);
        assertEquals("v2:k:v1:a", store.sealedAccessToken());
        assertEquals("v2:k:v1:refresh", store.sealedRefreshToken());
        assertEquals(T0.plusSeconds(3600), store.accessTokenExpiresAt(), "the rest is unchanged");

        Store gone = new Store(new ShopDomain("gone.myshopify.com"), tokens("v1:a", null), T0, null);
        gone.disconnect(T0, "uninstalled");
        gone.resealTokens(current -> "v2:k:" + current);
        assertNull(gone.sealedAccessToken(), "no token, nothing to re-seal");
    }
}
