package wms.shopify.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void thePageKeepsItsOwnPolicyWithTheNonceOfPrimeFaces() {
        assertEquals(
                "default-src 'self'; style-src 'self'; frame-ancestors 'none'; script-src 'self' 'nonce-Ab3+/x_-='",
                SecurityHeaders.withNonceOf("script-src 'self' 'nonce-Ab3+/x_-=';"));
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
