package wms.shopify.credentials.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns an API secret into what is stored: HMAC-SHA256 keyed with the server's pepper (from configuration, never
 * in the database). The secrets are 256 random bits, so a slow password hash would add no protection against
 * guessing and would cost tens of milliseconds of CPU on every API call; the pepper means a copy of the database
 * alone is not enough to check a guessed secret. Also makes the secrets, so their strength is decided here.
 */
public class SecretHasher {

    static final String ALGORITHM = "HmacSHA256";
    /** Shorter peppers are refused: the pepper is a key and must be as hard to guess as one. */
    static final int MIN_PEPPER_LENGTH = 16;

    private static final int SECRET_BYTES = 32;
    private static final char[] KEY_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int KEY_ID_LENGTH = 16;

    private final SecretKeySpec pepper;
    private final SecureRandom random;

    public SecretHasher(String pepper, SecureRandom random) {
        if (pepper == null || pepper.length() < MIN_PEPPER_LENGTH) {
            throw new IllegalStateException("The API credential pepper (wms.api.credential-pepper, WMS_API_PEPPER) "
                    + "must have at least " + MIN_PEPPER_LENGTH + " characters");
        }
        this.pepper = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.random = random;
    }

    /** The HMAC of a secret: always 32 bytes, whatever the secret. */
    public byte[] hash(String secret) {
        try {
            // A Mac is not thread-safe; creating one per call is cheap next to a request.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(this.pepper);
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** A new secret: 256 random bits as 43 characters of base64url. */
    public String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        this.random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A new public key id: 16 characters of lowercase base32 (80 random bits, so ids do not collide). */
    public String newKeyId() {
        StringBuilder id = new StringBuilder(KEY_ID_LENGTH);
        for (int i = 0; i < KEY_ID_LENGTH; i++) {
            id.append(KEY_ID_ALPHABET[this.random.nextInt(KEY_ID_ALPHABET.length)]);
        }
        return id.toString();
    }
}
