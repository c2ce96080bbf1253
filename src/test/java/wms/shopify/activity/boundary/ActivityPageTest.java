package wms.shopify.activity.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ActivityPageTest {

    @Test
    void thePageParameterIsReadDefensively() {
        assertEquals(0, ActivityPage.parsePage(null));
        assertEquals(0, ActivityPage.parsePage("abc"));
        assertEquals(0, ActivityPage.parsePage("-4"));
        assertEquals(3, ActivityPage.parsePage(" 3 "));
        assertEquals(1_000_000, ActivityPage.parsePage("999999999"));
    }
}
