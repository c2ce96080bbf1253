package wms.shopify.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The fault switches' decisions, without HTTP: shares of 0 and 1 are certain, other shares replay exactly for the same
 * seed (so a failing scenario can be rerun), a THROTTLED burst counts down, webhook hold-backs stay within the delay
 * plus the reorder window, and {@code none()} clears everything.
 */
class FaultsTest {

    @Test
    void sharesOfZeroAndOneAreCertain() {
        Faults faults = new Faults(1, () -> {});
        faults.serverErrorShare(1.0).webhookDropShare(0.0);
        assertEquals(Set.of(true), draws(faults::serverErrorNow, 1000));
        assertEquals(Set.of(false), draws(faults::dropWebhookNow, 1000));
    }

    @Test
    void theSameSeedGivesTheSameDecisions() {
        Faults one = new Faults(42, () -> {}).serverErrorShare(0.3);
        Faults two = new Faults(42, () -> {}).serverErrorShare(0.3);
        List<Boolean> first =
                IntStream.range(0, 200).mapToObj(i -> one.serverErrorNow()).toList();
        List<Boolean> second =
                IntStream.range(0, 200).mapToObj(i -> two.serverErrorNow()).toList();
        assertEquals(first, second);
        long errors = first.stream().filter(b -> b).count();
        assertTrue(errors > 0 && errors < 200, "a share of 0.3 gives some errors, not all: " + errors);
    }

    @Test
    void aThrottledBurstAnswersThatManyRequestsThenStops() {
        Faults faults = new Faults(1, () -> {}).throttledBurst(2);
        assertEquals(
                List.of(true, true, false, false),
                IntStream.range(0, 4).mapToObj(i -> faults.throttledNow()).toList());
    }

    @Test
    void aBurstOf429AnswersThatManyRequestsWithItsRetryAfterThenStops() {
        Faults faults = new Faults(1, () -> {}).tooManyRequestsBurst(2, 1.5);
        assertEquals(
                List.of(true, true, false, false),
                IntStream.range(0, 4).mapToObj(i -> faults.tooManyRequestsNow()).toList());
        assertEquals(1.5, faults.retryAfterSeconds());
    }

    @Test
    void holdBacksAreTheDelayPlusAPartOfTheReorderWindow() {
        Faults faults = new Faults(7, () -> {})
                .webhookDelay(Duration.ofSeconds(1))
                .webhookReorderWindow(Duration.ofMillis(500));
        List<Duration> holdBacks =
                IntStream.range(0, 100).mapToObj(i -> faults.webhookHoldBack()).toList();
        assertTrue(
                holdBacks.stream()
                        .allMatch(d ->
                                d.compareTo(Duration.ofSeconds(1)) >= 0 && d.compareTo(Duration.ofMillis(1500)) < 0),
                holdBacks.toString());
        assertNotEquals(1, holdBacks.stream().distinct().count());
        assertEquals(
                Duration.ofSeconds(1),
                new Faults(7, () -> {}).webhookDelay(Duration.ofSeconds(1)).webhookHoldBack());
    }

    @Test
    void noneClearsEveryFaultAndRevokingRunsTheRevoker() {
        AtomicInteger revocations = new AtomicInteger();
        Faults faults = new Faults(1, revocations::incrementAndGet)
                .serverErrorShare(1)
                .serverErrorAfterWriteShare(1)
                .tooManyRequests(1, 3)
                .tooManyRequestsBurst(2, 3)
                .throttledBurst(5)
                .latency(Duration.ofSeconds(1))
                .webhookDropShare(1)
                .webhookDuplicateShare(1)
                .webhookDelay(Duration.ofSeconds(1))
                .webhookReorderWindow(Duration.ofSeconds(1));
        faults.revokeToken();
        assertEquals(1, revocations.get());
        faults.none();
        assertFalse(faults.serverErrorNow()
                || faults.serverErrorAfterWriteNow()
                || faults.tooManyRequestsNow()
                || faults.throttledNow()
                || faults.dropWebhookNow()
                || faults.duplicateWebhookNow());
        assertEquals(Duration.ZERO, faults.latency());
        assertEquals(Duration.ZERO, faults.webhookHoldBack());
    }

    private static Set<Boolean> draws(BooleanSupplier decision, int times) {
        return IntStream.range(0, times).mapToObj(i -> decision.getAsBoolean()).collect(Collectors.toSet());
    }
}
