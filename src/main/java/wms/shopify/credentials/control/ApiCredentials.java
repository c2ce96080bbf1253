package wms.shopify.credentials.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.credentials.entity.ApiCredential;
import wms.shopify.credentials.entity.ApiScope;
import wms.shopify.platform.secrets.Secrets;

/**
 * The credentials of the WMS API: creating them (the secret is returned once), revoking them, and
 * authenticating calls with them. Create and revoke run inside the caller's transaction.
 */
@ApplicationScoped
public class ApiCredentials {

    private static final Logger LOG = Logger.getLogger(ApiCredentials.class.getName());

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    ActivityLog activity;

    @Inject
    Clock clock;

    /** WMS_API_PEPPER; when not set, the one the connector generated on its first start ({@link Secrets}). */
    @Inject
    Secrets secrets;

    @Inject
    @ConfigProperty(name = "wms.api.last-used-precision-seconds")
    long lastUsedPrecisionSeconds;

    private SecretHasher hasher;
    private CredentialCheck check;

    @PostConstruct
    void init() {
        // a published pepper outside a local trial refuses the start (Secrets); unusable then, as is the database
        this.hasher = new SecretHasher(this.secrets.apiPepper(), new SecureRandom());
        this.check = new CredentialCheck(this.hasher);
    }

    /** Every credential, revoked ones included, oldest first. */
    public List<ApiCredential> all() {
        return this.entityManager
                .createNamedQuery(ApiCredential.ALL, ApiCredential.class)
                .getResultList();
    }

    /**
     * Creates a credential and records who did.
     *
     * @return the credential with its token, which exists only in this answer
     * @throws IllegalArgumentException when the name is empty, too long or has control characters
     */
    public IssuedCredential create(String name, String actor) {
        return create(name, ApiScope.FULL, actor);
    }

    /**
     * Creates a credential limited to a scope and records who did.
     *
     * @return the credential with its token, which exists only in this answer
     * @throws IllegalArgumentException when the name is empty, too long or has control characters
     */
    public IssuedCredential create(String name, ApiScope scope, String actor) {
        String checkedName = checkName(name);
        String keyId = this.hasher.newKeyId();
        String secret = this.hasher.newSecret();
        ApiCredential credential =
                new ApiCredential(keyId, checkedName, this.hasher.hash(secret), actor, this.clock.instant());
        credential.limitTo(scope);
        this.entityManager.persist(credential);
        String message = "WMS API credential '" + checkedName + "' (key id " + keyId + ") created, " + scope.describe();
        LOG.info(() -> message + " by " + actor + ".");
        this.activity.record("wms-api", message, actor);
        return new IssuedCredential(credential, keyId + "." + secret);
    }

    /**
     * Revokes a credential; calls with it are refused from the commit on.
     *
     * @throws UnknownCredentialException when no credential has this key id
     */
    public ApiCredential revoke(String keyId, String actor) {
        ApiCredential credential = find(keyId).orElseThrow(() -> new UnknownCredentialException(keyId));
        if (credential.revoke(actor, this.clock.instant())) {
            String message = "WMS API credential '" + credential.name() + "' (key id " + keyId + ") revoked";
            LOG.info(() -> message + " by " + actor + ".");
            this.activity.record("wms-api", message, actor);
        }
        return credential;
    }

    /**
     * Authenticates a call by its {@code Authorization} header. Its own short transaction: it is called by the
     * API's request filter, before any resource method opens one. A refusal is returned, not thrown, so that it
     * does not roll back (or get reported as a failure of) that transaction.
     */
    @Transactional
    public Authentication authenticate(String authorization) {
        try {
            PresentedCredential presented = PresentedCredential.fromAuthorization(authorization);
            ApiCredential credential = this.check.verify(presented, find(presented.keyId()));
            // The credential is managed here: a changed last use is written when this transaction commits.
            credential.markUsed(this.clock.instant(), Duration.ofSeconds(this.lastUsedPrecisionSeconds));
            return Authentication.accepted(new ApiCaller(credential.keyId(), credential.name(), credential.scope()));
        } catch (ApiAuthenticationException e) {
            return Authentication.refused(e.reason());
        }
    }

    private Optional<ApiCredential> find(String keyId) {
        return this.entityManager
                .createNamedQuery(ApiCredential.BY_KEY_ID, ApiCredential.class)
                .setParameter("keyId", keyId)
                .getResultStream()
                .findFirst();
    }

    /**
     * The stores a credential is limited to, as the admin typed them (shop domains or names, separated by commas or
     * spaces); empty text: every store.
     *
     * @throws IllegalArgumentException naming the entry that is not a shop domain
     */
    public static java.util.Set<String> checkStores(String typed) {
        java.util.Set<String> stores = new java.util.TreeSet<>();
        for (String entry : (typed == null ? "" : typed).split("[,\\s]+")) {
            if (!entry.isBlank()) {
                try {
                    stores.add(
                            wms.shopify.adminapi.entity.ShopDomain.parse(entry).value());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Stores: '" + entry + "': " + e.getMessage());
                }
            }
        }
        if (String.join(",", stores).length() > 2000) {
            throw new IllegalArgumentException("Too many stores for one credential.");
        }
        return stores;
    }

    /**
     * The warehouses a credential is limited to, as the admin typed them (WMS codes, separated by commas or spaces);
     * empty text: every warehouse.
     *
     * @throws IllegalArgumentException naming an entry that cannot be a warehouse code
     */
    public static java.util.Set<String> checkWarehouses(String typed) {
        java.util.Set<String> codes = new java.util.TreeSet<>();
        for (String entry : (typed == null ? "" : typed).split("[,\\s]+")) {
            if (!entry.isBlank()) {
                if (entry.length() > 64 || entry.chars().anyMatch(Character::isISOControl)) {
                    throw new IllegalArgumentException("Warehouses: '" + entry + "' is not a warehouse code.");
                }
                codes.add(entry);
            }
        }
        if (String.join(",", codes).length() > 2000) {
            throw new IllegalArgumentException("Too many warehouses for one credential.");
        }
        return codes;
    }

    /** The name as it is stored: trimmed, present, bounded, without control characters. */
    static String checkName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(
                    "Give the credential a name, for example the WMS instance that uses it.");
        }
        if (trimmed.length() > ApiCredential.NAME_LIMIT) {
            throw new IllegalArgumentException("The name is longer than " + ApiCredential.NAME_LIMIT + " characters.");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The name contains control characters.");
        }
        return trimmed;
    }
}
