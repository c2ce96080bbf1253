package wms.shopify.platform.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The attempt state shipments and return receipts share: counting, back-off, unclear outcomes, parking, retry. */
class AttemptsTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void failedAttemptsAreRetriedUntilSpentThenTheReasonSaysWhy() {
        Attempts attempts = new Attempts();
        assertTrue(attempts.due(T0));
        attempts.start();
        assertTrue(attempts.failedForNow("503", false, 2, T0.plusSeconds(5), T0));
        assertEquals("Attempt 1 failed: 503", attempts.reason());
        assertFalse(attempts.due(T0.plusSeconds(4)));
        assertTrue(attempts.due(T0.plusSeconds(5)));
        attempts.start();
        assertFalse(attempts.failedForNow("timeout", false, 2, T0.plusSeconds(20), T0.plusSeconds(6)));
        assertEquals("Gave up after 2 attempts: timeout", attempts.reason());
        assertNull(attempts.nextAttemptAt());
        assertEquals(2, attempts.count());
        assertFalse(attempts.outcomeUnclear());
    }

    @Test
    void anUnclearOutcomeStaysUntilSuccessEvenAcrossARetry() {
        Attempts attempts = new Attempts();
        attempts.start();
        assertTrue(attempts.failedForNow("no answer", true, 8, T0.plusSeconds(5), T0));
        assertEquals(T0, attempts.unclearSince());
        attempts.start();
        attempts.interrupted(T0.plusSeconds(60));
        assertEquals(T0, attempts.unclearSince(), "the first unclear moment is kept");
        attempts.parked("refused");
        attempts.reset();
        assertEquals(0, attempts.count());
        assertNull(attempts.reason());
        assertTrue(attempts.outcomeUnclear(), "a retry checks Shopify first");
        attempts.succeeded();
        assertFalse(attempts.outcomeUnclear());
    }

    @Test
    void aDeferredAttemptIsNotCountedAndLongReasonsAreBounded() {
        Attempts attempts = new Attempts();
        attempts.start();
        attempts.deferred("x".repeat(1500), true, T0.plusSeconds(1));
        assertEquals(0, attempts.count());
        assertEquals(1000, attempts.reason().length());
        assertTrue(attempts.reason().endsWith("..."));
        assertEquals(T0.plusSeconds(1), attempts.nextAttemptAt());
    }

    @Test
    void theBackOffDoublesFromTheBaseUpToTheCap() {
        assertEquals(Duration.ofSeconds(5), RetryPolicy.backOff(1, 5, 600));
        assertEquals(Duration.ofSeconds(10), RetryPolicy.backOff(2, 5, 600));
        assertEquals(Duration.ofSeconds(600), RetryPolicy.backOff(30, 5, 600));
    }
}
