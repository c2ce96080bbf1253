package wms.shopify.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Webhook retries: 8 after the first attempt, doubling from one minute, about four hours in all, scalable. */
class RetryScheduleTest {

    @Test
    void eightRetriesDoublingFromOneMinute() {
        RetrySchedule schedule = new RetrySchedule(1.0);
        assertEquals(9, schedule.attempts());
        assertEquals(Duration.ofMinutes(1), schedule.delayBefore(2));
        assertEquals(Duration.ofMinutes(2), schedule.delayBefore(3));
        assertEquals(Duration.ofMinutes(128), schedule.delayBefore(9));
        assertThrows(IllegalArgumentException.class, () -> schedule.delayBefore(1));
        assertThrows(IllegalArgumentException.class, () -> schedule.delayBefore(10));
    }

    @Test
    void spansAboutFourHours() {
        Duration span = RetrySchedule.span();
        assertEquals(Duration.ofMinutes(255), span);
        assertTrue(span.compareTo(Duration.ofHours(4)) >= 0 && span.compareTo(Duration.ofHours(5)) < 0);
    }

    @Test
    void aTimeScaleShortensEveryInterval() {
        RetrySchedule fast = new RetrySchedule(0.001);
        assertEquals(Duration.ofMillis(60), fast.delayBefore(2));
        assertEquals(Duration.ofMillis(7680), fast.delayBefore(9));
    }
}
