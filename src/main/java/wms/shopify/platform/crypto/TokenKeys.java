package wms.shopify.platform.crypto;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The token keys: the current one, which seals, and older ones, which only open, so that the key can be changed
 * without losing the stores' tokens. Sealed text names its key: {@code v2:<key id>:} then nonce, cipher text and
 * tag in Base64. Text sealed before key ids existed ({@code v1:}) opens with the current key, else with an old one.
 */
public final class TokenKeys {

    private static final String PREFIX = "v2:";
    private static final String LEGACY_PREFIX = "v1:";

    private final AesGcm current;
    private final String currentId;
    private final Map<String, AesGcm> byId = new LinkedHashMap<>();

    /**
     * @param current the key that seals (and opens)
     * @param old keys that only open; one equal to the current key is ignored
     */
    public TokenKeys(AesGcm current, List<AesGcm> old) {
        this.current = current;
        this.currentId = current.keyId();
        this.byId.put(this.currentId, current);
        for (AesGcm key : old) {
            this.byId.putIfAbsent(key.keyId(), key);
        }
    }

    /** The id of the key that seals now. */
    public String currentKeyId() {
        return this.currentId;
    }

    /** Seals with the current key, naming it. */
    public String seal(String plain, String context) {
        return PREFIX + this.currentId + ":" + this.current.sealToBase64(plain, context);
    }

    /**
     * Opens text sealed with any of the keys.
     *
     * @throws SealedTextException when its key is not among them (the message names the key id), or the text was
     *     sealed for another context or altered
     */
    public String open(String sealed, String context) {
        if (sealed != null && sealed.startsWith(LEGACY_PREFIX)) {
            return openLegacy(sealed, context);
        }
        int idEnd = sealed == null || !sealed.startsWith(PREFIX) ? -1 : sealed.indexOf(':', PREFIX.length());
        if (idEnd < 0) {
            throw new SealedTextException("not sealed text");
        }
        String keyId = sealed.substring(PREFIX.length(), idEnd);
        AesGcm key = this.byId.get(keyId);
        if (key == null) {
            throw new SealedTextException("sealed with key " + keyId + ", which is neither TOKEN_ENCRYPTION_KEY nor"
                    + " one of TOKEN_ENCRYPTION_OLD_KEYS");
        }
        return key.openBase64(sealed.substring(idEnd + 1), context);
    }

    /** Whether the text is sealed with another key than the current one (or without a key id). */
    public boolean sealedWithAnotherKey(String sealed) {
        return sealed != null && !sealed.startsWith(PREFIX + this.currentId + ":");
    }

    private String openLegacy(String sealed, String context) {
        SealedTextException last = null;
        for (AesGcm key : this.byId.values()) {
            try {
                return key.open(sealed, context);
            } catch (SealedTextException e) {
                last = e;
            }
        }
        throw last;
    }
}
