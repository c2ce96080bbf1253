package wms.shopify.activity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActivityEventTest {

    @Test
    void anOverlongMessageIsCutToTheColumnNotRejected() {
        ActivityEvent event = new ActivityEvent(Instant.EPOCH, "system", "x".repeat(5000), null);
        assertEquals(ActivityEvent.MESSAGE_LIMIT, event.message().length());
        assertTrue(event.message().endsWith("…"));
    }
}
