package wms.shopify.stores.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.adminapi.entity.GrantedScopes;
import wms.shopify.adminapi.entity.InvalidShopDomainException;
import wms.shopify.adminapi.entity.ShopDomain;
import wms.shopify.platform.Published;
import wms.shopify.stores.entity.SealedTokens;
import wms.shopify.stores.entity.Store;

/** The connected stores: finding them and the changes of their life cycle, each logged in the activity log. */
@Published
@ApplicationScoped
public class Stores {

    static final String CATEGORY = "stores";

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    ActivityLog activity;

    @Inject
    Clock clock;

    public List<Store> all() {
        return this.entityManager.createNamedQuery(Store.ALL, Store.class).getResultList();
    }

    public List<Store> connected() {
        return this.entityManager
                .createNamedQuery(Store.CONNECTED_LIST, Store.class)
                .getResultList();
    }

    public Optional<Store> find(ShopDomain domain) {
        return this.entityManager
                .createNamedQuery(Store.BY_DOMAIN, Store.class)
                .setParameter("domain", domain.value())
                .getResultStream()
                .findFirst();
    }

    /** The store of a domain as a caller wrote it (a path parameter): empty when unknown or not a shop domain. */
    public Optional<Store> find(String domain) {
        try {
            return find(new ShopDomain(domain));
        } catch (InvalidShopDomainException e) {
            return Optional.empty();
        }
    }

    /** The connected store of a domain as a caller wrote it: empty when unknown, disconnected or not a shop domain. */
    public Optional<Store> findConnected(String domain) {
        return find(domain).filter(Store::isConnected);
    }

    public Optional<Store> find(long id) {
        return Optional.ofNullable(this.entityManager.find(Store.class, id));
    }

    /** Records a completed install; a reinstall replaces the token the store had. */
    @Transactional
    public Store connect(ShopDomain domain, SealedTokens tokens, String actor) {
        Optional<Store> known = find(domain);
        Store store;
        if (known.isPresent()) {
            store = known.get();
            store.connect(tokens, this.clock.instant(), actor);
            this.activity.record(
                    CATEGORY,
                    "Store " + domain + " connected again (reinstalled); its new token " + "replaces the old one.",
                    actor);
        } else {
            store = new Store(domain, tokens, this.clock.instant(), actor);
            this.entityManager.persist(store);
            this.activity.record(CATEGORY, "Store " + domain + " connected.", actor);
        }
        return store;
    }

    @Transactional
    public void refreshed(long storeId, SealedTokens tokens) {
        find(storeId).ifPresent(store -> store.refreshed(tokens));
    }

    @Transactional
    public void named(long storeId, String shopName) {
        find(storeId).ifPresent(store -> store.named(shopName));
    }

    /** The app was uninstalled on Shopify: the store is disconnected at once, without calling Shopify. */
    @Transactional
    public void disconnect(ShopDomain domain, String reason) {
        find(domain)
                .filter(store -> store.disconnect(this.clock.instant(), reason))
                .ifPresent(
                        store -> this.activity.record(CATEGORY, "Store " + domain + " disconnected: " + reason, null));
    }

    /** Shopify refused the store's token for good: the merchant has to install the app again. */
    @Transactional
    public void tokenRefused(long storeId, String reason) {
        find(storeId).filter(Store::isConnected).ifPresent(store -> {
            store.tokenRefused(reason);
            this.activity.record(
                    CATEGORY,
                    "Store " + store.domain() + " has a token problem: " + reason
                            + " Install the app again to reconnect it.",
                    null);
        });
    }

    /**
     * Shopify refused a call of the store's because its token lacks an access scope: the store is marked "needs
     * re-authorisation" (Stores page, once in the activity log per scope); nothing else of it stops. Its own
     * transaction: the caller's may roll back on the refusal.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void accessMissing(long storeId, String scope, String shopifyMessage) {
        find(storeId).filter(Store::isConnected).ifPresent(store -> {
            if (store.accessMissing(scope)) {
                this.activity.record(
                        CATEGORY,
                        "Store " + store.domain() + " needs re-authorisation: Shopify refused a call because the app "
                                + "lacks the " + scope + " access scope ("
                                + (shopifyMessage.length() > 600
                                        ? shopifyMessage.substring(0, 600) + "…"
                                        : shopifyMessage)
                                + "). Everything else of "
                                + "the store keeps working; use Authorise again on the Stores page.",
                        null);
            }
        });
    }

    /**
     * Shopify told the connector which scopes the app holds on the store now (the token answer of an install, or an
     * {@code app/scopes_update} webhook after the merchant changed the app's access): a grant that lacks a scope the
     * connector needs marks the store "needs re-authorisation" at once, before any call is refused, naming the scopes
     * (once in the activity log per change); a grant that covers them all again clears the mark.
     *
     * @param needed the scopes the connector asks for (comma-separated, {@code SHOPIFY_SCOPES})
     * @return the needed scopes the grant lacks (empty when none)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> grantChanged(long storeId, GrantedScopes granted, String needed, String source) {
        Optional<Store> found = find(storeId).filter(Store::isConnected);
        if (found.isEmpty()) {
            return List.of();
        }
        Store store = found.get();
        store.grantChanged(granted.text());
        List<String> missing = granted.missingOf(needed);
        if (!missing.isEmpty()) {
            if (store.grantLacks(String.join(", ", missing))) {
                this.activity.record(
                        CATEGORY,
                        "Store " + store.domain() + " needs re-authorisation: " + source + " the app holds "
                                + (granted.text().isEmpty() ? "no access scope" : granted.text())
                                + ", without " + String.join(", ", missing) + ", which the connector needs. Everything "
                                + "the grant still allows keeps working; use Authorise again on the Stores page.",
                        null);
            }
        } else if (store.accessRestored()) {
            this.activity.record(
                    CATEGORY,
                    "Store " + store.domain() + " holds every access scope the connector needs again (" + source + " "
                            + granted.text() + ").",
                    null);
        }
        return missing;
    }

    /**
     * Records that the store's settings were saved (on Store Settings, the components' policies and the location
     * mapping together).
     *
     * @throws IllegalArgumentException when the store does not exist (any more)
     */
    @Transactional
    public void settingsSaved(long storeId, String actor) {
        Store store =
                find(storeId).orElseThrow(() -> new IllegalArgumentException("This store does not exist (any more)."));
        this.activity.record(CATEGORY, "Settings and location mapping of " + store.domain() + " saved.", actor);
    }

    @Transactional
    public void subscriptionsChecked(long storeId) {
        find(storeId).ifPresent(store -> store.subscriptionsChecked(this.clock.instant()));
    }
}
