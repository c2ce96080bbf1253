package wms.shopify.retention.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void aKindIsPrunedOlderThanItsDays() {
        RetentionPolicy policy = RetentionPolicy.of(Map.of(DataKind.ACTIVITY, 90, DataKind.WEBHOOK_BODIES, 1));
        assertEquals(Optional.of(Instant.parse("2026-09-08T12:00:00Z")), policy.cutoff(DataKind.ACTIVITY, NOW));
        assertEquals(Optional.of(Instant.parse("2026-12-06T12:00:00Z")), policy.cutoff(DataKind.WEBHOOK_BODIES, NOW));
        assertEquals("90 days", policy.describe(DataKind.ACTIVITY));
        assertEquals("1 day", policy.describe(DataKind.WEBHOOK_BODIES));
    }

    @Test
    void zeroNegativeOrLeftOutKeepsForEver() {
        RetentionPolicy policy = RetentionPolicy.of(Map.of(DataKind.ACTIVITY, 0, DataKind.STOCK_PUSHES, -5));
        for (DataKind kind : DataKind.values()) {
            assertEquals(Optional.empty(), policy.cutoff(kind, NOW), kind.name());
            assertEquals("for ever", policy.describe(kind));
        }
    }

    @Test
    void webhookDeliveriesAreKeptThroughShopifysRetryWindow() {
        RetentionPolicy policy = RetentionPolicy.of(Map.of(DataKind.WEBHOOK_DELIVERIES, 1));
        assertEquals(2, policy.days(DataKind.WEBHOOK_DELIVERIES));
        assertEquals(
                Optional.of(Instant.parse("2026-12-05T12:00:00Z")), policy.cutoff(DataKind.WEBHOOK_DELIVERIES, NOW));
        assertTrue(RetentionPolicy.raised(DataKind.WEBHOOK_DELIVERIES, 1));
        assertFalse(RetentionPolicy.raised(DataKind.WEBHOOK_DELIVERIES, 0), "0 keeps them for ever");
        assertFalse(RetentionPolicy.raised(DataKind.WEBHOOK_DELIVERIES, 2));
        assertFalse(RetentionPolicy.raised(DataKind.ACTIVITY, 1), "other kinds may be kept a day");
        assertEquals(1, RetentionPolicy.of(Map.of(DataKind.ACTIVITY, 1)).days(DataKind.ACTIVITY));
    }

    @Test
    void aRoundSaysWhatItPrunedInOneLine() {
        RetentionPolicy policy = RetentionPolicy.of(Map.of(DataKind.WEBHOOK_BODIES, 30, DataKind.ACTIVITY, 90));
        RoundResult result = new RoundResult();
        assertFalse(result.prunedAnything());
        assertEquals("nothing was old enough to prune", result.describe(policy));
        result.add(DataKind.ACTIVITY, 4);
        result.add(DataKind.WEBHOOK_BODIES, 500);
        result.add(DataKind.WEBHOOK_BODIES, 20);
        result.add(DataKind.STOCK_PUSHES, 0);
        assertTrue(result.prunedAnything());
        assertEquals(520, result.pruned(DataKind.WEBHOOK_BODIES));
        assertEquals(
                "webhook bodies: 520 erased (older than 30 days); activity entries: 4 deleted (older than 90 days)",
                result.describe(policy));
        result.stoppedEarly("another instance took the round over");
        assertTrue(result.describe(policy).endsWith("; stopped early: another instance took the round over"));
    }

    @Test
    void sizesAreShownInMebibytes() {
        assertEquals("0.0", new TableSize("plugin", 1, 16_384).mib());
        assertEquals("27.5", new TableSize("webhook_delivery", 1000, 28_835_840).mib());
    }
}
