package wms.shopify.credentials.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PresentedCredentialTest {

    static final String KEY_ID = "abcdefgh23456789";
    static final String SECRET = "A".repeat(20) + "b-_" + "9".repeat(20);

    @Test
    void aBearerCredentialOfTheConnectorsShapeIsParsed() {
        PresentedCredential parsed = PresentedCredential.fromAuthorization("Bearer " + KEY_ID + "." + SECRET);
        assertEquals(KEY_ID, parsed.keyId());
        assertEquals(SECRET, parsed.secret());
        assertEquals(
                KEY_ID,
                PresentedCredential.fromAuthorization("bearer  " + KEY_ID + "." + SECRET)
                        .keyId(),
                "the scheme is case-insensitive and may be followed by several spaces (RFC 9110)");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void noHeaderIsMissing(String header) {
        assertEquals(
                ApiAuthenticationException.Reason.MISSING,
                assertThrows(ApiAuthenticationException.class, () -> PresentedCredential.fromAuthorization(header))
                        .reason());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Basic YWRtaW46YWRtaW4=",
                "Bearer",
                "Bearer ",
                "Bearer abcdefgh23456789",
                "Bearer abcdefgh23456789.",
                "Bearer .AAAAAAAAAAAAAAAAAAAAb-_99999999999999999999",
                "Bearer ABCDEFGH23456789.AAAAAAAAAAAAAAAAAAAAb-_99999999999999999999",
                "Bearer abcdefgh2345678.AAAAAAAAAAAAAAAAAAAAb-_99999999999999999999",
                "Bearer abcdefgh23456789.AAAAAAAAAAAAAAAAAAAAb-_9999999999999999999",
                "Bearer abcdefgh23456789.AAAAAAAAAAAAAAAAAAAAb-_999999999999999999999",
                "Bearer abcdefgh23456789.AAAAAAAAAAAAAAAAAAAAb+/99999999999999999999",
                "Bearer abcdefgh23456789.AAAAAAAAAAAAAAAAAAAAb-_99999999999999999999 extra",
                "Bearer abcdefgh23456789.AAAAAAAAAAAAAAAAAAAAb-_99999999999999999999\r\nX-Injected: yes",
                "Bearer abcdefgh23456789.AAAAAAAAAAAAAAAAAAAAb-_9999999999999999999\u0000",
                "Bearer abcdefgh23456789..AAAAAAAAAAAAAAAAAAAAb-_99999999999999999999",
                "Bearer abcdefgh23456789.AAAAAAAAAAAAAAAAAAAAb-_99999999999999999999.abcdefgh23456789",
                " Bearer abcdefgh23456789.AAAAAAAAAAAAAAAAAAAAb-_99999999999999999999",
                "Bearer\tabcdefgh23456789.AAAAAAAAAAAAAAAAAAAAb-_99999999999999999999",
                "Bearer 'abcdefgh23456789' OR '1'='1'",
                "Bearer abcdefgh2345678ı.AAAAAAAAAAAAAAAAAAAAb-_99999999999999999999",
                "Token abcdefgh23456789.AAAAAAAAAAAAAAAAAAAAb-_99999999999999999999"
            })
    void anythingElseIsMalformed(String header) {
        assertEquals(
                ApiAuthenticationException.Reason.MALFORMED,
                assertThrows(ApiAuthenticationException.class, () -> PresentedCredential.fromAuthorization(header))
                        .reason(),
                header);
    }

    @Test
    void aHugeHeaderIsRefusedWithoutMatchingIt() {
        String huge = "Bearer " + "a".repeat(1_000_000);
        assertEquals(
                ApiAuthenticationException.Reason.MALFORMED,
                assertThrows(ApiAuthenticationException.class, () -> PresentedCredential.fromAuthorization(huge))
                        .reason());
    }

    @Test
    void theSecretNeverAppearsInItsTextForm() {
        String text = PresentedCredential.fromAuthorization("Bearer " + KEY_ID + "." + SECRET)
                .toString();
        assertFalse(text.contains(SECRET), text);
    }
}
