package wms.shopify.stock.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A stock policy refuses a coalescing window outside 0..3600 s with a message for the merchant, and needs a mode. */
class StockPolicyTest {

    @Test
    void theWindowsBoundsAreTaken() {
        assertEquals(0, new StockPolicy(true, StockSyncMode.DELTA, 0).coalescingWindowSeconds());
        assertEquals(3600, new StockPolicy(false, StockSyncMode.ABSOLUTE, 3600).coalescingWindowSeconds());
    }

    @Test
    void aWindowOutsideTheBoundsIsRefusedNamingThem() {
        for (int seconds : new int[] {-1, 3601}) {
            IllegalArgumentException refused = assertThrows(
                    IllegalArgumentException.class, () -> new StockPolicy(true, StockSyncMode.DELTA, seconds));
            assertEquals("The coalescing window must be between 0 and 3600 seconds.", refused.getMessage());
        }
    }

    @Test
    void aModeIsNeeded() {
        assertThrows(NullPointerException.class, () -> new StockPolicy(true, null, 30));
    }
}
