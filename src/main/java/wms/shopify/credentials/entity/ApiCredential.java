package wms.shopify.credentials.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A credential with which the WMS calls the connector's API: a public key id, a name the admin chose, and the
 * HMAC of a secret that only the admin saw, once, at creation. A credential is revoked, never deleted, so the
 * admin page keeps showing who created and revoked it.
 */
@Entity
@Table(name = "api_credential")
@NamedQuery(name = ApiCredential.ALL, query = "select c from ApiCredential c order by c.id")
@NamedQuery(name = ApiCredential.BY_KEY_ID, query = "select c from ApiCredential c where c.keyId = :keyId")
public class ApiCredential {

    public static final String ALL = "ApiCredential.all";
    public static final String BY_KEY_ID = "ApiCredential.byKeyId";
    /** The longest name an admin may give a credential. */
    public static final int NAME_LIMIT = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "key_id", nullable = false, length = 32)
    private String keyId;

    @Column(name = "name", nullable = false, length = NAME_LIMIT)
    private String name;

    @Column(name = "secret_hash", nullable = false)
    private byte[] secretHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 255)
    private String createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 255)
    private String revokedBy;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "read_only", nullable = false)
    private boolean readOnly;

    @Column(name = "stores", length = 2000)
    private String stores;

    @Column(name = "warehouses", length = 2000)
    private String warehouses;

    protected ApiCredential() {
        // for JPA
    }

    public ApiCredential(String keyId, String name, byte[] secretHash, String createdBy, Instant createdAt) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.name = Objects.requireNonNull(name, "name");
        this.secretHash = Objects.requireNonNull(secretHash, "secretHash").clone();
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Limits what the credential may do; set when it is created. */
    public void limitTo(ApiScope scope) {
        this.readOnly = scope.readOnly();
        this.stores = scope.storesColumn();
        this.warehouses = scope.warehousesColumn();
    }

    /** What the credential may do. */
    public ApiScope scope() {
        return ApiScope.of(this.readOnly, this.stores, this.warehouses);
    }

    /**
     * Whether the presented secret's hash is this credential's, compared in constant time so that the time taken
     * tells an attacker nothing about how much of a guess was right.
     */
    public boolean secretHashMatches(byte[] presentedHash) {
        return MessageDigest.isEqual(this.secretHash, presentedHash);
    }

    /**
     * Revokes the credential: from now on it is refused.
     *
     * @return true when this revoked it, false when it was already revoked (the first revocation is kept)
     */
    public boolean revoke(String by, Instant at) {
        if (revoked()) {
            return false;
        }
        this.revokedBy = Objects.requireNonNull(by, "by");
        this.revokedAt = Objects.requireNonNull(at, "at");
        return true;
    }

    public boolean revoked() {
        return this.revokedAt != null;
    }

    /**
     * Records a use now, to the given precision: the last use changes only when the recorded one is at least that
     * old. Writing it on every call would cost a database write per API request; this costs one per credential
     * and interval.
     *
     * @return true when the last use changed (and will be written)
     */
    public boolean markUsed(Instant now, Duration precision) {
        if (this.lastUsedAt != null && this.lastUsedAt.isAfter(now.minus(precision))) {
            return false;
        }
        this.lastUsedAt = now;
        return true;
    }

    public Long id() {
        return this.id;
    }

    public String keyId() {
        return this.keyId;
    }

    public String name() {
        return this.name;
    }

    public Instant createdAt() {
        return this.createdAt;
    }

    public String createdBy() {
        return this.createdBy;
    }

    public Instant revokedAt() {
        return this.revokedAt;
    }

    public String revokedBy() {
        return this.revokedBy;
    }

    public Instant lastUsedAt() {
        return this.lastUsedAt;
    }
}
