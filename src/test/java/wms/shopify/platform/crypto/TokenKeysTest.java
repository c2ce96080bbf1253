package wms.shopify.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Key rotation: the current key seals and names itself, old keys still open, values from before key ids open. */
class TokenKeysTest {

    private static final String SHOP = "acme.myshopify.com";
    private static final AesGcm FIRST = key(1);
    private static final AesGcm SECOND = key(2);
    private static final AesGcm THIRD = key(3);

    @Test
    void theCurrentKeySealsAndNamesItself() {
        TokenKeys keys = new TokenKeys(SECOND, List.of(FIRST));
        String sealed = keys.seal("shpat_secret", SHOP);
        assertTrue(sealed.startsWith("v2:" + SECOND.keyId() + ":"), sealed);
        assertFalse(sealed.contains("shpat_secret"));
        assertEquals("shpat_secret", keys.open(sealed, SHOP));
        assertFalse(keys.sealedWithAnotherKey(sealed));
        assertEquals(8, SECOND.keyId().length());
        assertFalse(FIRST.keyId().equals(SECOND.keyId()), "different keys, different ids");
    }

    @Test
    void valuesSealedWithAnOldKeyStillOpenAndAreToldApart() {
        String sealedBefore = new TokenKeys(FIRST, List.of()).seal("shpat_old", SHOP);
        TokenKeys rotated = new TokenKeys(SECOND, List.of(FIRST));
        assertEquals("shpat_old", rotated.open(sealedBefore, SHOP));
        assertTrue(rotated.sealedWithAnotherKey(sealedBefore));
        assertThrows(SealedTextException.class, () -> rotated.open(sealedBefore, "other.myshopify.com"));
    }

    @Test
    void valuesSealedBeforeKeyIdsOpenWithTheCurrentOrAnOldKey() {
        String legacy = FIRST.seal("shpat_legacy", SHOP);
        assertTrue(legacy.startsWith("v1:"));
        assertEquals("shpat_legacy", new TokenKeys(FIRST, List.of()).open(legacy, SHOP));
        assertEquals("shpat_legacy", new TokenKeys(SECOND, List.of(FIRST)).open(legacy, SHOP));
        assertTrue(new TokenKeys(FIRST, List.of()).sealedWithAnotherKey(legacy), "re-sealed to gain a key id");
        assertThrows(SealedTextException.class, () -> new TokenKeys(SECOND, List.of(THIRD)).open(legacy, SHOP));
    }

    @Test
    void aValueOfAKeyNoLongerConfiguredSaysWhichKeyItNeeds() {
        String sealed = new TokenKeys(FIRST, List.of()).seal("shpat_secret", SHOP);
        SealedTextException refused =
                assertThrows(SealedTextException.class, () -> new TokenKeys(SECOND, List.of(THIRD)).open(sealed, SHOP));
        assertTrue(refused.getMessage().contains(FIRST.keyId()), refused.getMessage());
        assertThrows(SealedTextException.class, () -> new TokenKeys(SECOND, List.of()).open("v2:nokey", SHOP));
        assertThrows(SealedTextException.class, () -> new TokenKeys(SECOND, List.of()).open("plain", SHOP));
        assertThrows(SealedTextException.class, () -> new TokenKeys(SECOND, List.of()).open(null, SHOP));
    }

    private static AesGcm key(int first) {
        byte[] bytes = new byte[AesGcm.KEY_BYTES];
        bytes[0] = (byte) first;
        return new AesGcm(bytes);
    }
}
