package wms.shopify.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Token encryption: round trip, a fresh nonce each time, and refusal of another key, context or tampering. */
class AesGcmTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void sealedTokensOpenOnlyWithTheSameKeyAndContext() {
        AesGcm cipher = AesGcm.ofBase64(KEY);
        String sealed = cipher.seal("shpat_secret", "acme.myshopify.com");
        assertTrue(sealed.startsWith("v1:"));
        assertFalse(sealed.contains("shpat_secret"));
        assertNotEquals(sealed, cipher.seal("shpat_secret", "acme.myshopify.com"), "a fresh nonce each time");
        assertEquals("shpat_secret", cipher.open(sealed, "acme.myshopify.com"));
        assertThrows(SealedTextException.class, () -> cipher.open(sealed, "other.myshopify.com"));
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThrows(SealedTextException.class, () -> new AesGcm(otherKey).open(sealed, "acme.myshopify.com"));
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A=") ? "B=" : "A=");
        assertThrows(SealedTextException.class, () -> cipher.open(tampered, "acme.myshopify.com"));
        assertThrows(SealedTextException.class, () -> cipher.open("shpat_plain", "acme.myshopify.com"));
    }

    @Test
    void keysThatAreNotThirtyTwoBytesOfBase64AreRefusedWithHowToMakeOne() {
        var shortKey = assertThrows(
                IllegalArgumentException.class,
                () -> AesGcm.ofBase64(Base64.getEncoder().encodeToString(new byte[16])));
        assertTrue(shortKey.getMessage().contains("openssl rand -base64 32"));
        var notBase64 = assertThrows(IllegalArgumentException.class, () -> AesGcm.ofBase64("not base64 !"));
        assertTrue(notBase64.getMessage().contains("openssl rand -base64 32"));
    }
}
