package wms.shopify.stock.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A rule says something, has one product scope, holds values in range, and describes itself in words. */
class StockRuleTest {

    @Test
    void boundsAreTaken() {
        StockRule rule = new StockRule(null, null, null, 0L, 100, StockRule.LARGEST_QUANTITY, 0L);
        assertEquals(100, rule.sharePercent());
        assertEquals(0, new StockRule(null, null, null, null, 0, null, null).sharePercent());
    }

    @Test
    void outOfRangeValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new StockRule(null, null, null, -1L, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new StockRule(null, null, null, null, 101, null, null));
        assertThrows(IllegalArgumentException.class, () -> new StockRule(null, null, null, null, -1, null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new StockRule(null, null, null, null, null, StockRule.LARGEST_QUANTITY + 1, null));
        assertThrows(IllegalArgumentException.class, () -> new StockRule(null, null, null, null, null, null, -3L));
    }

    @Test
    void aRuleThatSaysNothingOrHasTwoProductScopesIsRefused() {
        assertEquals(
                "A rule sets at least one of buffer, sharePercent, maximum and outOfStockBelow.",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new StockRule("gid://shopify/Location/1", "P-1", null, null, null, null, null))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StockRule(null, "P-1", "P-", 1L, null, null, null));
    }

    @Test
    void scopeAndEffectInWords() {
        StockRule all = new StockRule(null, null, null, 2L, 50, 20L, 5L);
        assertEquals("every product at every location", all.scope());
        assertEquals("share 50 %, buffer 2, out of stock below 5, maximum 20", all.effect());
        assertEquals(
                "product P-1 at gid://shopify/Location/1",
                new StockRule("gid://shopify/Location/1", "P-1", null, 1L, null, null, null).scope());
        assertEquals(
                "products TSHIRT-* at every location",
                new StockRule(null, null, "TSHIRT-", null, null, 9L, null).scope());
        assertEquals("maximum 9", new StockRule(null, null, "TSHIRT-", null, null, 9L, null).effect());
    }

    @Test
    void onlyABufferIsShownAsSafetyStockAndTheEffectSaysSo() {
        assertEquals(
                "Only a buffer can be shown as safety stock: set the buffer too.",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new StockRule(null, null, null, null, null, 9L, null, true))
                        .getMessage());
        StockRule shown = new StockRule(null, "P-1", null, 2L, 50, null, null, true);
        assertEquals("share 50 %, buffer 2 shown as safety stock", shown.effect());
        assertEquals(false, new StockRule(null, "P-1", null, 2L, null, null, null).bufferAsSafetyStock(), "hidden");
    }
}
