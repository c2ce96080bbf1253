package wms.shopify.credentials.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretHasherTest {

    static final String PEPPER = "a-pepper-of-sufficient-length";

    @Test
    void theHashIsHmacSha256OfTheSecretKeyedWithThePepper() throws Exception {
        // RFC 4231 test case 2 ("Jefe"), with a pepper of the minimum length instead of "Jefe".
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(PEPPER.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(expected, new SecretHasher(PEPPER, new SecureRandom()).hash("what do ya want for nothing?"));
    }

    @Test
    void theSameSecretHashesDifferentlyUnderAnotherPepper() {
        SecretHasher one = new SecretHasher(PEPPER, new SecureRandom());
        SecretHasher other = new SecretHasher(PEPPER + "!", new SecureRandom());
        assertArrayEquals(one.hash("secret"), one.hash("secret"));
        assertFalse(java.util.Arrays.equals(one.hash("secret"), other.hash("secret")));
        assertEquals(32, one.hash("").length);
        assertEquals(32, one.hash("x".repeat(10_000)).length);
    }

    @Test
    void aShortOrMissingPepperIsRefusedAtStart() {
        assertThrows(IllegalStateException.class, () -> new SecretHasher(null, new SecureRandom()));
        assertThrows(IllegalStateException.class, () -> new SecretHasher("short", new SecureRandom()));
    }

    @Test
    void newSecretsAndKeyIdsHaveTheShapeTheParserTakesAndDoNotRepeat() {
        SecretHasher hasher = new SecretHasher(PEPPER, new SecureRandom());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String keyId = hasher.newKeyId();
            String secret = hasher.newSecret();
            assertTrue(seen.add(keyId) && seen.add(secret));
            PresentedCredential parsed = PresentedCredential.fromAuthorization("Bearer " + keyId + "." + secret);
            assertEquals(keyId, parsed.keyId());
            assertEquals(secret, parsed.secret());
        }
        assertNotEquals(
                HexFormat.of().formatHex(hasher.hash(hasher.newSecret())),
                HexFormat.of().formatHex(hasher.hash(hasher.newSecret())));
    }
}
