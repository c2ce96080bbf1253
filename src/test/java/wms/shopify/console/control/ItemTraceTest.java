package wms.shopify.console.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemTraceTest {

    private static final String ITEM = "gid://shopify/InventoryItem/11";

    @Test
    void anAbsolutePushShowsTheQuantityBeforeAndAfter() {
        String payload = """
                {"name":"available","reason":"correction","referenceDocumentUri":"x","quantities":[
                {"inventoryItemId":"gid://shopify/InventoryItem/1","locationId":"L1","quantity":3,"changeFromQuantity":1},
                {"inventoryItemId":"gid://shopify/InventoryItem/11","locationId":"L1","quantity":7,"changeFromQuantity":5},
                {"inventoryItemId":"gid://shopify/InventoryItem/11","locationId":"L2","quantity":2,"changeFromQuantity":null}]}
                """;
        assertEquals(List.of("location L1: 5 → 7", "location L2: unknown → 2"), ItemTrace.entries(payload, ITEM, true));
    }

    @Test
    void aDeltaPushShowsItsChange() {
        String payload = """
                {"name":"available","changes":[
                {"inventoryItemId":"gid://shopify/InventoryItem/11","locationId":"L1","delta":-2,"changeFromQuantity":null},
                {"inventoryItemId":"gid://shopify/InventoryItem/12","locationId":"L1","delta":4,"changeFromQuantity":null}]}
                """;
        assertEquals(List.of("location L1: -2"), ItemTrace.entries(payload, ITEM, false));
        assertEquals(
                List.of("no quantity of this item"),
                ItemTrace.entries(payload, "gid://shopify/InventoryItem/9", false));
        assertEquals(List.of("input not readable"), ItemTrace.entries("not json", ITEM, false));
    }

    @Test
    void theTimelineIsNewestFirst() {
        java.time.Instant t = java.time.Instant.parse("2026-12-07T10:00:00Z");
        List<TraceEvent> events = new java.util.ArrayList<>(List.of(
                new TraceEvent(t, "a", "first", "", 1),
                new TraceEvent(t.plusSeconds(5), "b", "latest", "", 0),
                new TraceEvent(t, "c", "second of the same instant", "", 2)));
        events.sort(TraceEvent.NEWEST_FIRST);
        assertEquals(
                List.of("latest", "second of the same instant", "first"),
                events.stream().map(TraceEvent::what).toList());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
