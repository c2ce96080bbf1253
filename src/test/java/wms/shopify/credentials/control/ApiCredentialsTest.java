package wms.shopify.credentials.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ApiCredentialsTest {

    @Test
    void aNameIsStoredTrimmedAndAsTextWhateverItContains() {
        assertEquals("WMS production", ApiCredentials.checkName("  WMS production "));
        String markup = "<script>alert(1)</script>'; drop table api_credential; --";
        assertEquals(markup, ApiCredentials.checkName(markup));
    }

    @Test
    void anEmptyOverlongOrControlCharacterNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ApiCredentials.checkName(null));
        assertThrows(IllegalArgumentException.class, () -> ApiCredentials.checkName("   "));
        assertThrows(IllegalArgumentException.class, () -> ApiCredentials.checkName("x".repeat(101)));
        assertThrows(IllegalArgumentException.class, () -> ApiCredentials.checkName("WMS\nprod"));
        assertEquals(100, ApiCredentials.checkName("x".repeat(100)).length());
    }
}
