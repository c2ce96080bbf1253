package wms.shopify.credentials.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import wms.shopify.credentials.entity.ApiCredential;

class CredentialCheckTest {

    /** Counts the HMACs computed, to show that every path does the same work. */
    static final class CountingHasher extends SecretHasher {
        int hashes;

        CountingHasher() {
            super(SecretHasherTest.PEPPER, new SecureRandom());
        }

        @Override
        public byte[] hash(String secret) {
            this.hashes++;
            return super.hash(secret);
        }
    }

    CountingHasher hasher;
    CredentialCheck check;
    String secret;
    ApiCredential stored;

    @BeforeEach
    void credential() {
        this.hasher = new CountingHasher();
        this.check = new CredentialCheck(this.hasher);
        this.secret = this.hasher.newSecret();
        this.stored = new ApiCredential(
                "abcdefgh23456789",
                "WMS",
                this.hasher.hash(this.secret),
                "admin",
                Instant.parse("2026-01-01T00:00:00Z"));
        this.hasher.hashes = 0;
    }

    @Test
    void theRightSecretOfAnActiveCredentialIsAccepted() {
        assertSame(this.stored, this.check.verify(presented(this.secret), Optional.of(this.stored)));
        assertEquals(1, this.hasher.hashes);
    }

    @Test
    void aWrongSecretIsRefused() {
        assertRefused(presented(this.hasher.newSecret()), Optional.of(this.stored));
    }

    @Test
    void anUnknownKeyIdIsRefusedAfterTheSameWorkAsAKnownOne() {
        assertRefused(presented(this.secret), Optional.empty());
    }

    @Test
    void aRevokedCredentialIsRefusedEvenWithItsRightSecret() {
        this.stored.revoke("admin", Instant.parse("2026-01-02T00:00:00Z"));
        assertRefused(presented(this.secret), Optional.of(this.stored));
    }

    private void assertRefused(PresentedCredential presented, Optional<ApiCredential> stored) {
        ApiAuthenticationException refused =
                assertThrows(ApiAuthenticationException.class, () -> this.check.verify(presented, stored));
        assertEquals(ApiAuthenticationException.Reason.REFUSED, refused.reason());
        assertEquals(1, this.hasher.hashes, "one HMAC on every path, accepted or refused");
    }

    private static PresentedCredential presented(String secret) {
        return new PresentedCredential("abcdefgh23456789", secret);
    }
}
