package wms.shopify.stores.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import wms.shopify.adminapi.entity.ShopDomain;

/**
 * A Shopify store the merchant connected: its domain, whether the connector can work with it, its (encrypted)
 * tokens (what the merchant sets per store for stock, order intake, shipping and returns is kept by those
 * components, each in its policy table). The store knows its own life cycle: connected by an install, its
 * token refreshed, refused by Shopify, disconnected by an uninstall, connected again by a reinstall.
 */
@Entity
@Table(name = "store")
@NamedQuery(name = Store.ALL, query = "select s from Store s order by s.domain")
@NamedQuery(name = Store.BY_DOMAIN, query = "select s from Store s where s.domain = :domain")
@NamedQuery(
        name = Store.CONNECTED_LIST,
        query = "select s from Store s where s.status = wms.shopify.stores.entity.StoreStatus.CONNECTED order by s.id")
public class Store {

    public static final String ALL = "Store.all";
    public static final String BY_DOMAIN = "Store.byDomain";
    public static final String CONNECTED_LIST = "Store.connected";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "domain", nullable = false)
    private String domain;

    @Column(name = "name")
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private StoreStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "access_token")
    private String accessToken;

    @Column(name = "access_token_expires_at")
    private Instant accessTokenExpiresAt;

    @Column(name = "refresh_token")
    private String refreshToken;

    @Column(name = "refresh_token_expires_at")
    private Instant refreshTokenExpiresAt;

    @Column(name = "scopes")
    private String scopes;

    /** The access scope Shopify said the token lacks (ACCESS_DENIED), until the merchant authorises the app again. */
    @Column(name = "missing_access")
    private String missingAccess;

    @Column(name = "installed_at", nullable = false)
    private Instant installedAt;

    @Column(name = "installed_by")
    private String installedBy;

    @Column(name = "disconnected_at")
    private Instant disconnectedAt;

    @Column(name = "subscriptions_checked_at")
    private Instant subscriptionsCheckedAt;

    @Version
    @Column(name = "version")
    private long version;

    protected Store() {
        // for JPA
    }

    /** A store seen for the first time by a completed install. */
    public Store(ShopDomain domain, SealedTokens tokens, Instant at, String actor) {
        this.domain = Objects.requireNonNull(domain, "domain").value();
        connect(tokens, at, actor);
    }

    /** An install (first or again) completed: the new token replaces whatever the store had. */
    public final void connect(SealedTokens tokens, Instant at, String actor) {
        takeTokens(tokens);
        this.status = StoreStatus.CONNECTED;
        this.statusReason = null;
        this.installedAt = Objects.requireNonNull(at, "at");
        this.installedBy = actor;
        this.disconnectedAt = null;
        // A new grant is the merchant's answer to "needs re-authorisation": it carries the scopes asked for now.
        this.missingAccess = null;
        // A reinstall may come after Shopify deleted every subscription: check them again at once.
        this.subscriptionsCheckedAt = null;
    }

    /** Shopify gave a fresh token for the refresh token. */
    public void refreshed(SealedTokens tokens) {
        takeTokens(tokens);
    }

    /**
     * The same tokens sealed again (with the current key, after a key change): what they say does not change.
     *
     * @param reseal turns a sealed token into the same token sealed with the current key
     */
    public void resealTokens(java.util.function.UnaryOperator<String> reseal) {
        if (this.accessToken != null) {
            this.accessToken = reseal.apply(this.accessToken);
        }
        if (this.refreshToken != null) {
            this.refreshToken = reseal.apply(this.refreshToken);
        }
    }

    private void takeTokens(SealedTokens tokens) {
        Objects.requireNonNull(tokens, "tokens");
        this.accessToken = tokens.accessToken();
        this.accessTokenExpiresAt = tokens.accessTokenExpiresAt();
        this.refreshToken = tokens.refreshToken();
        this.refreshTokenExpiresAt = tokens.refreshTokenExpiresAt();
        this.scopes = tokens.scopes();
    }

    /**
     * The app was uninstalled: the token is already dead on Shopify's side, so it is dropped here too and nothing
     * is called on Shopify.
     *
     * @return false when the store was already disconnected (a repeated uninstall notice changes nothing)
     */
    public boolean disconnect(Instant at, String reason) {
        if (this.status == StoreStatus.DISCONNECTED) {
            return false;
        }
        this.status = StoreStatus.DISCONNECTED;
        this.statusReason = reason;
        this.disconnectedAt = at;
        this.accessToken = null;
        this.accessTokenExpiresAt = null;
        this.refreshToken = null;
        this.refreshTokenExpiresAt = null;
        return true;
    }

    /** Shopify refused the token (401) and refreshing could not help: the merchant has to install again. */
    public void tokenRefused(String reason) {
        if (this.status == StoreStatus.CONNECTED) {
            this.status = StoreStatus.TOKEN_PROBLEM;
            this.statusReason = reason;
        }
    }

    /**
     * Shopify refused a call because the token lacks this access scope (the merchant narrowed the app's access):
     * the store needs re-authorisation; everything the token still allows keeps working. A store already marked keeps
     * its mark (a grant's list, or the first refusal's scope) until it is authorised again.
     *
     * @return false when the store was already marked
     */
    public boolean accessMissing(String scope) {
        if (this.missingAccess != null) {
            return false;
        }
        this.missingAccess = bounded(scope);
        return true;
    }

    /**
     * The app's grant on the store lacks these scopes the connector needs (listed, comma-separated): the store needs
     * re-authorisation, marked with the grant's own list, which is more precise than a refusal's.
     *
     * @return false when the store was already marked (for these scopes or others)
     */
    public boolean grantLacks(String scopes) {
        boolean wasMarked = this.missingAccess != null;
        this.missingAccess = bounded(scopes);
        return !wasMarked;
    }

    private static String bounded(String scope) {
        return scope.length() > 500 ? scope.substring(0, 500) : scope;
    }

    /**
     * Shopify says the app's grant on the store changed ({@code app/scopes_update}, or a new token's answer): the
     * scopes the token carries from now on.
     */
    public void grantChanged(String scopes) {
        this.scopes = scopes;
    }

    /**
     * The grant covers every scope the connector needs again (the merchant approved them on Shopify's admin).
     *
     * @return false when the store was not marked
     */
    public boolean accessRestored() {
        boolean marked = this.missingAccess != null;
        this.missingAccess = null;
        return marked;
    }

    /** Whether the merchant has to run OAuth again to grant an access scope the connector needs. */
    public boolean needsReauthorisation() {
        return this.missingAccess != null;
    }

    /** The access scope the token lacks, or null. */
    public String missingAccess() {
        return this.missingAccess;
    }

    /** Whether the access token lapses within the margin and a refresh token is there to renew it. */
    public boolean tokenDueForRefresh(Instant now, Duration margin) {
        return this.status == StoreStatus.CONNECTED
                && this.refreshToken != null
                && this.accessTokenExpiresAt != null
                && !now.plus(margin).isBefore(this.accessTokenExpiresAt);
    }

    /** Whether the connector may call Shopify for this store. */
    public boolean isConnected() {
        return this.status == StoreStatus.CONNECTED;
    }

    /** Webhooks of a store that was uninstalled (or never installed) are refused; compliance topics excepted. */
    public boolean acceptsWebhooks() {
        return this.status.acceptsWebhooks();
    }

    public void subscriptionsChecked(Instant at) {
        this.subscriptionsCheckedAt = at;
    }

    /** Whether the webhook subscriptions are due to be verified again. */
    public boolean subscriptionsDue(Instant now, Duration interval) {
        return isConnected()
                && (this.subscriptionsCheckedAt == null
                        || !this.subscriptionsCheckedAt.plus(interval).isAfter(now));
    }

    /** Takes the shop's name as Shopify reports it. */
    public void named(String shopName) {
        this.name = shopName;
    }

    public Long id() {
        return this.id;
    }

    public ShopDomain domain() {
        return new ShopDomain(this.domain);
    }

    /** The shop's name on Shopify, or its domain until it was read. */
    public String displayName() {
        return this.name == null ? this.domain : this.name;
    }

    public StoreStatus status() {
        return this.status;
    }

    public String statusReason() {
        return this.statusReason;
    }

    /** The encrypted access token, or null when the store has none (disconnected). */
    public String sealedAccessToken() {
        return this.accessToken;
    }

    /** The encrypted refresh token, or null. */
    public String sealedRefreshToken() {
        return this.refreshToken;
    }

    public Instant accessTokenExpiresAt() {
        return this.accessTokenExpiresAt;
    }

    public String scopes() {
        return this.scopes;
    }

    public Instant installedAt() {
        return this.installedAt;
    }

    public String installedBy() {
        return this.installedBy;
    }

    public Instant disconnectedAt() {
        return this.disconnectedAt;
    }

    public Instant subscriptionsCheckedAt() {
        return this.subscriptionsCheckedAt;
    }
}
