package wms.shopify.platform.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts store tokens at rest with the key from configuration ({@code wms.crypto.token-key}, Liberty variable
 * {@code TOKEN_ENCRYPTION_KEY}). Without a usable key the connector still starts, says so once in the log, and
 * refuses installs with {@link #problem()} as the reason: a token is never stored in clear.
 */
@ApplicationScoped
public class TokenCipher {

    private static final Logger LOG = Logger.getLogger(TokenCipher.class.getName());

    @Inject
    @ConfigProperty(name = "wms.crypto.token-key")
    Optional<String> configuredKey;

    private AesGcm cipher;
    private String problem;

    @PostConstruct
    void readKey() {
        if (this.configuredKey.isEmpty() || this.configuredKey.get().isBlank()) {
            this.problem = "No token encryption key is configured, so no store can be connected: set "
                    + "TOKEN_ENCRYPTION_KEY to the output of 'openssl rand -base64 32' (see docs/operations.md).";
        } else {
            try {
                this.cipher = AesGcm.ofBase64(this.configuredKey.get());
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
