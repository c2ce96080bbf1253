package wms.shopify.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh 96-bit nonce per message and an associated context (for tokens: the store's domain, so
 * a sealed token copied to another store's row does not open). Sealed text is {@code v1:} followed by Base64 of
 * nonce, cipher text and tag; the version prefix lets a later key or algorithm change be told apart. The connector
 * seals through {@link TokenKeys}, which adds the key's id ({@code v2:}).
 */
public final class AesGcm {

    /** The key length this class accepts, in bytes (AES-256). */
    public static final int KEY_BYTES = 32;

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /**
     * @param key 32 bytes
     * @throws IllegalArgumentException for any other length
     */
    public AesGcm(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The token encryption key must be " + KEY_BYTES + " bytes (Base64 of "
                    + KEY_BYTES + " random bytes, e.g. from: openssl rand -base64 32); it has "
                    + (key == null ? 0 : key.length) + ".");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** Decodes a Base64 key as configured, with the same clear message for text that is not Base64. */
    public static AesGcm ofBase64(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "The token encryption key is not Base64: generate one with " + "openssl rand -base64 32.");
        }
        return new AesGcm(bytes);
    }

    /** Seals in the format without a key id ({@code v1:}); the connector seals through {@link TokenKeys}. */
    public String seal(String plain, String context) {
        return PREFIX + sealToBase64(plain, context);
    }

    /** Nonce, cipher text and tag, Base64: the part of sealed text after its prefix. */
    String sealToBase64(String plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * @throws SealedTextException when the text was not sealed with this key and context, or was altered
     */
    public String open(String sealed, String context) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new SealedTextException("not sealed text");
        }
        return openBase64(sealed.substring(PREFIX.length()), context);
    }

    /** Opens what {@link #sealToBase64} made. */
    String openBase64(String base64, String context) {
        try {
            byte[] in = Base64.getDecoder().decode(base64);
            if (in.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new SealedTextException("sealed text too short");
            }
            byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, context);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Deliberately without the cause's text: it never helps and must not carry key material into a log.
            throw new SealedTextException("sealed with another key or context, or altered");
        }
    }

    /**
     * A short public name of this key: the first 8 hex digits of a SHA-256 over it. It tells sealed text which key
     * opens it without giving away anything of the key (32 bits of a hash of 256 random bits).
     */
    public String keyId() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(this.key.getEncoded());
            return java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
