package wms.shopify.shipping.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoreBreakerTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void theBreakerOpensAfterFailuresInARowThenLetsOneTrialThrough() {
        StoreBreaker guard = new StoreBreaker(3, Duration.ofSeconds(60), 2);
        for (int i = 0; i < 3; i++) {
            StoreBreaker.Entry entry = guard.enter(T0);
            assertTrue(entry.granted().isPresent());
            guard.failed(T0);
            entry.pass().close();
        }
        assertTrue(guard.open(T0.plusSeconds(59)));
        assertTrue(guard.enter(T0.plusSeconds(59)).refusal().startsWith("Circuit open"));
        StoreBreaker.Entry trial = guard.enter(T0.plusSeconds(61));
        assertTrue(trial.granted().isPresent(), "half open: one trial");
        assertTrue(guard.enter(T0.plusSeconds(61)).refusal().contains("trial call"));
        guard.succeeded();
        trial.pass().close();
        assertFalse(guard.open(T0.plusSeconds(62)));
        assertTrue(guard.enter(T0.plusSeconds(62)).granted().isPresent());
    }

    @Test
    void theBulkheadLetsAStoreHoldAtMostItsShareOfThreads() {
        StoreBreaker guard = new StoreBreaker(5, Duration.ofSeconds(60), 2);
        StoreBreaker.Entry one = guard.enter(T0);
        StoreBreaker.Entry two = guard.enter(T0);
        StoreBreaker.Entry three = guard.enter(T0);
        assertTrue(one.granted().isPresent() && two.granted().isPresent());
        assertNotNull(three.refusal());
        assertEquals(0, guard.available());
        one.pass().close();
        assertTrue(guard.enter(T0).granted().isPresent(), "a thread freed is a thread for this store again");
    }
}
