package wms.shopify.credentials.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiCredentialTest {

    static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");

    ApiCredential credential = new ApiCredential("abcdefgh23456789", "WMS", new byte[32], "admin", CREATED);

    @Test
    void revocationKeepsTheFirstWhoAndWhen() {
        assertFalse(this.credential.revoked());
        assertTrue(this.credential.revoke("alice", CREATED.plusSeconds(60)));
        assertTrue(this.credential.revoked());
        assertFalse(this.credential.revoke("bob", CREATED.plusSeconds(120)), "already revoked");
        assertEquals("alice", this.credential.revokedBy());
        assertEquals(CREATED.plusSeconds(60), this.credential.revokedAt());
    }

    @Test
    void theSecretHashIsComparedWhole() {
        assertTrue(this.credential.secretHashMatches(new byte[32]));
        byte[] lastByteDiffers = new byte[32];
        lastByteDiffers[31] = 1;
        assertFalse(this.credential.secretHashMatches(lastByteDiffers));
        assertFalse(this.credential.secretHashMatches(new byte[31]), "a prefix is not a match");
    }

    @Test
    void lastUseIsWrittenAtMostOncePerPrecisionInterval() {
        Duration minute = Duration.ofMinutes(1);
        assertTrue(this.credential.markUsed(CREATED, minute), "never used before");
        assertFalse(this.credential.markUsed(CREATED.plusSeconds(59), minute), "within the minute: no write");
        assertEquals(CREATED, this.credential.lastUsedAt());
        assertTrue(this.credential.markUsed(CREATED.plusSeconds(60), minute));
        assertEquals(CREATED.plusSeconds(60), this.credential.lastUsedAt());
    }
}
