package wms.shopify.plugins.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PluginTest {

    @Test
    void switchingRecordsWhoAndWhenOnlyWhenTheStateChanges() {
        Plugin plugin = new Plugin("shopify", "Marketplaces", "Shopify");
        Instant first = Instant.parse("2026-11-27T10:00:00Z");
        assertTrue(plugin.switchTo(true, "alice", first));
        assertTrue(plugin.active());
        assertEquals("alice", plugin.changedBy());

        assertFalse(plugin.switchTo(true, "bob", first.plusSeconds(60)), "already active");
        assertEquals("alice", plugin.changedBy(), "a repeated activation does not rewrite the record");
        assertEquals(first, plugin.changedAt());

        assertTrue(plugin.switchTo(false, "bob", first.plusSeconds(120)));
        assertFalse(plugin.active());
        assertEquals("bob", plugin.changedBy());
    }
}
