package wms.shopify.platform.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.platform.secrets.Secrets;

/**
 * Encrypts store tokens at rest with the current key ({@link Secrets#tokenKey()}: {@code TOKEN_ENCRYPTION_KEY}, or
 * when that is not set the key the connector generated on its first start), and opens them with it or with one of the old keys ({@code wms.crypto.old-token-keys},
 * {@code TOKEN_ENCRYPTION_OLD_KEYS}), so the key can be rotated: set the new key, move the old one to the old keys,
 * re-seal the tokens (Stores page), then drop the old key. Without a usable key the connector still starts, says so
 * once in the log, and refuses installs with {@link #problem()} as the reason: a token is never stored in clear.
 */
@ApplicationScoped
public class TokenCipher {

    private static final Logger LOG = Logger.getLogger(TokenCipher.class.getName());

    @Inject
    @ConfigProperty(name = "wms.crypto.old-token-keys")
    Optional<String> configuredOldKeys;

    private TokenKeys keys;

    @Inject
    Secrets secrets;

    private String problem;

    @PostConstruct
    void readKey() {
        if (this.secrets.refusal().isPresent()) {
            this.problem =
                    "The connector refused to start: " + this.secrets.refusal().get();
        } else {
            try {
                this.keys = new TokenKeys(AesGcm.ofBase64(this.secrets.tokenKey()), oldKeys());
                LOG.info(() -> "Store tokens are sealed with the token key " + this.keys.currentKeyId() + ".");
            } catch (IllegalArgumentException e) {
                this.problem = e.getMessage() + " Stores cannot be connected until TOKEN_ENCRYPTION_KEY and"
                        + " TOKEN_ENCRYPTION_OLD_KEYS are fixed.";
            }
        }
        if (this.problem != null) {
            LOG.warning(this.problem);
        }
    }

    private List<AesGcm> oldKeys() {
        List<AesGcm> old = new ArrayList<>();
        for (String key : this.configuredOldKeys.orElse("").split(",")) {
            if (!key.isBlank()) {
                try {
                    old.add(AesGcm.ofBase64(key));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "An old key in TOKEN_ENCRYPTION_OLD_KEYS is not usable: " + e.getMessage(), e);
                }
            }
        }
        return old;
    }

    /** Why tokens cannot be encrypted, or empty when they can. */
    public Optional<String> problem() {
        return Optional.ofNullable(this.problem);
    }

    /** The id of the key that seals now, when there is one (shown on the Stores page, named in sealed text). */
    public Optional<String> currentKeyId() {
        return Optional.ofNullable(this.keys).map(TokenKeys::currentKeyId);
    }

    /**
     * @param context what the token belongs to (the store's domain); opening needs the same
     * @throws IllegalStateException with {@link #problem()} when no usable key is configured
     */
    public String seal(String token, String context) {
        return usable().seal(token, context);
    }

    /** @throws SealedTextException when no configured key opens it */
    public String open(String sealed, String context) {
        return usable().open(sealed, context);
    }

    /** Whether a sealed value should be sealed again with the current key. */
    public boolean sealedWithAnotherKey(String sealed) {
        return usable().sealedWithAnotherKey(sealed);
    }

    private TokenKeys usable() {
        if (this.keys == null) {
            throw new IllegalStateException(this.problem);
        }
        return this.keys;
    }
}
