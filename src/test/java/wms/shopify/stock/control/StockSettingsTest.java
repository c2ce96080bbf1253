package wms.shopify.stock.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bounds of what Shopify takes in a push, as its 2026-07 schema states them. */
class StockSettingsTest {

    @Test
    void absoluteModeSetsAtMostAThousandMillion() {
        assertTrue(StockSettings.shopifySets(1_000_000_000));
        assertTrue(StockSettings.shopifySets(0));
        assertFalse(StockSettings.shopifySets(1_000_000_001));
        assertFalse(StockSettings.shopifySets(Long.MAX_VALUE));
    }

    @Test
    void deltaModeAppliesAChangeWhoseLevelStaysWithinTwoThousandMillion() {
        assertTrue(StockSettings.shopifyAdjusts(2_000_000_000, null));
        assertFalse(StockSettings.shopifyAdjusts(2_000_000_001, null));
        assertFalse(StockSettings.shopifyAdjusts(-2_000_000_001, null));
        assertFalse(StockSettings.shopifyAdjusts(Long.MIN_VALUE, null), "never wrapped by Math.abs");
        assertTrue(StockSettings.shopifyAdjusts(5, 1_999_999_995L));
        assertFalse(StockSettings.shopifyAdjusts(6, 1_999_999_995L), "the level it leads to counts");
        assertFalse(StockSettings.shopifyAdjusts(-10, -1_999_999_995L));
    }
}
