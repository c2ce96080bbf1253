package wms.shopify.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void thePageKeepsItsOwnPolicyWithTheNonceOfPrimeFaces() {
        assertEquals(
                "default-src 'self'; style-src 'self'; style-src-attr 'unsafe-hashes' "
                        + "'sha256-7uk35RWzXWCplJn/WE/I9GwTiTp6VCsfJTzKz3qvs3A='; frame-ancestors 'none'; "
                        + "script-src 'self' 'nonce-Ab3+/x_-='",
                SecurityHeaders.withNonceOf("script-src 'self' 'nonce-Ab3+/x_-=';"));
    }

    @Test
    void theOneStyleAttributeAllowedIsThePickersListHeight() throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest("max-height:200px".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String hash = "'sha256-" + java.util.Base64.getEncoder().encodeToString(digest) + "'";
        assertEquals(
                "style-src-attr 'unsafe-hashes' " + hash,
                java.util.Arrays.stream(SecurityHeaders.POLICY.split("; "))
                        .filter(directive -> directive.startsWith("style-src-attr"))
                        .findFirst()
                        .orElseThrow());
    }

    @Test
    void aPolicyWithoutANonceGivesNoWayForInlineScript() {
        assertEquals(SecurityHeaders.POLICY, SecurityHeaders.withNonceOf("script-src 'self' 'unsafe-inline'"));
        assertEquals(SecurityHeaders.POLICY, SecurityHeaders.withNonceOf(null));
        // Only the nonce is taken from PrimeFaces' header, never another source it might name.
        assertEquals(
                SecurityHeaders.POLICY + " 'nonce-a'",
                SecurityHeaders.withNonceOf("script-src 'self' 'unsafe-eval' 'nonce-a'; style-src *"));
    }
}
