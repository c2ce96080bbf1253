package wms.shopify.stores.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.platform.crypto.SealedTextException;
import wms.shopify.platform.crypto.TokenCipher;
import wms.shopify.stores.entity.Store;

/**
 * Seals every store's tokens again with the current token key, the step of a key rotation after which the old key
 * can be dropped from {@code TOKEN_ENCRYPTION_OLD_KEYS}. A token no configured key opens is left as it is and named
 * in the result: that store needs to be installed again (or the old key added back). Runs in the caller's
 * transaction, each store's row locked so that a token refresh running at the same time is not overwritten.
 */
@ApplicationScoped
public class TokenResealing {

    private static final Logger LOG = Logger.getLogger(TokenResealing.class.getName());

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    TokenCipher cipher;

    @Inject
    ActivityLog activity;

    /** How many stores hold a token sealed with another key than the current one (0 without a usable key). */
    public long storesToReseal() {
        if (this.cipher.problem().isPresent()) {
            return 0;
        }
        return this.entityManager
                .createNamedQuery(Store.ALL, Store.class)
                .getResultStream()
                .filter(store -> this.cipher.sealedWithAnotherKey(store.sealedAccessToken())
                        || this.cipher.sealedWithAnotherKey(store.sealedRefreshToken()))
                .count();
    }

    /**
     * Re-seals the tokens of every store that has one sealed with another key.
     *
     * @throws IllegalStateException when no usable token key is configured (the reason says why)
     */
    public Result resealAll(String actor) {
        this.cipher.problem().ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        String keyId = this.cipher.currentKeyId().orElseThrow();
        int resealed = 0;
        int current = 0;
        List<String> unreadable = new ArrayList<>();
        for (Store store : this.entityManager
                .createNamedQuery(Store.ALL, Store.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()) {
            String domain = store.domain().value();
            if (!this.cipher.sealedWithAnotherKey(store.sealedAccessToken())
                    && !this.cipher.sealedWithAnotherKey(store.sealedRefreshToken())) {
                current++;
                continue;
            }
            try {
                // Both tokens must open before either changes, so a store is re-sealed whole or not at all.
                for (String sealed : new String[] {store.sealedAccessToken(), store.sealedRefreshToken()}) {
                    if (sealed != null) {
                        this.cipher.open(sealed, domain);
                    }
                }
                store.resealTokens(stored -> this.cipher.seal(this.cipher.open(stored, domain), domain));
                resealed++;
            } catch (SealedTextException e) {
                unreadable.add(domain + " (" + e.getMessage() + ")");
            }
        }
        Result result = new Result(keyId, resealed, current, List.copyOf(unreadable));
        LOG.info(() -> result.summary() + " Done by " + actor + ".");
        this.activity.record(Stores.CATEGORY, result.summary(), actor);
        return result;
    }

    /**
     * What a re-sealing did.
     *
     * @param keyId the id of the key the tokens are sealed with now
     * @param resealed stores whose tokens were sealed again
     * @param alreadyCurrent stores whose tokens were already sealed with it (or that have none)
     * @param unreadable stores whose tokens no configured key opens, with the reason; left unchanged
     */
    public record Result(String keyId, int resealed, int alreadyCurrent, List<String> unreadable) {

        /** One sentence for the page, the log and the Activity log. */
        public String summary() {
            return "Store tokens re-sealed with token key " + this.keyId + ": " + this.resealed
                    + " store(s) re-sealed, "
                    + this.alreadyCurrent + " already current"
                    + (this.unreadable.isEmpty()
                            ? "."
                            : ", " + this.unreadable.size()
                                    + " not readable with any configured key and left unchanged: "
                                    + String.join("; ", this.unreadable) + ".");
        }
    }
}
