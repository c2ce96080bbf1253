package wms.shopify.platform.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backOffGrowsAndIsCapped() {
        assertEquals(Duration.ofSeconds(5), RetryPolicy.backOff(1, 5, 600));
        assertEquals(Duration.ofSeconds(20), RetryPolicy.backOff(3, 5, 600));
        assertEquals(Duration.ofSeconds(600), RetryPolicy.backOff(12, 5, 600));
    }

    @Test
    void anAttemptOwnsItsRecordForTheSettingOrFiveMinutesAndSixRequestTimeouts() {
        assertEquals(Duration.ofSeconds(20), RetryPolicy.attemptLease(20, Duration.ofSeconds(30)));
        assertEquals(Duration.ofMinutes(8), RetryPolicy.attemptLease(0, Duration.ofSeconds(30)));
        assertEquals(Duration.ofMinutes(8), RetryPolicy.attemptLease(-1, Duration.ofSeconds(30)));
    }
}
