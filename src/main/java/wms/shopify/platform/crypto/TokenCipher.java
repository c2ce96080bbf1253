package wms.shopify.platform.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.platform.secrets.Secrets;

/**
 * Encrypts store tokens at rest with the key from configuration ({@code wms.crypto.token-key}, Liberty variable
 * {@code TOKEN_ENCRYPTION_KEY}), or when that is not set the key the connector generated on its first start
 * ({@link Secrets}). Without a usable key the connector still starts, says so once in the log, and
 * refuses installs with {@link #problem()} as the reason: a token is never stored in clear.
 */
@ApplicationScoped
public class TokenCipher {

    private static final Logger LOG = Logger.getLogger(TokenCipher.class.getName());

    @Inject
    @ConfigProperty(name = "wms.crypto.token-key")
    Optional<String> configuredKey;

    @Inject
    Secrets secrets;

    private AesGcm cipher;
    private String problem;

    @PostConstruct
    void readKey() {
        if (this.secrets.refusal().isPresent()) {
            this.problem = "The connector refused to start: " + this.secrets.refusal().get();
        } else {
            try {
                this.cipher = AesGcm.ofBase64(this.configuredKey.filter(key -> !key.isBlank())
                        .orElseGet(this.secrets::generatedTokenKey));
            } catch (IllegalArgumentException e) {
                this.problem = e.getMessage() + " Stores cannot be connected until TOKEN_ENCRYPTION_KEY is fixed.";
            }
        }
        if (this.problem != null) {
            LOG.warning(this.problem);
        }
    }

    /** Why tokens cannot be encrypted, or empty when they can. */
    public Optional<String> problem() {
        return Optional.ofNullable(this.problem);
    }

    /**
     * @param context what the token belongs to (the store's domain); opening needs the same
     * @throws IllegalStateException with {@link #problem()} when no usable key is configured
     */
    public String seal(String token, String context) {
        return usable().seal(token, context);
    }

    public String open(String sealed, String context) {
        return usable().open(sealed, context);
    }

    private AesGcm usable() {
        if (this.cipher == null) {
            throw new IllegalStateException(this.problem);
        }
        return this.cipher;
    }
}
