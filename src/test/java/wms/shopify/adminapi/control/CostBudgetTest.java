package wms.shopify.adminapi.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pacing arithmetic of a store's budget, with the time given, never measured. */
class CostBudgetTest {

    private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

    @Test
    void nothingKnownMeansNoWait() {
        assertEquals(Duration.ZERO, new CostBudget().waitBefore(500, T0));
    }

    @Test
    void aShortBudgetWaitsForTheRestoreRateToRefillTheDifference() {
        CostBudget budget = new CostBudget();
        budget.observe(50, 2000, 100, T0);
        assertEquals(Duration.ofMillis(500), budget.waitBefore(100, T0));
        assertEquals(Duration.ZERO, budget.waitBefore(100, T0.plusMillis(500)), "refilled by then");
        assertEquals(2000, budget.availableAt(T0.plusSeconds(3600)), "never above the bucket");
    }

    @Test
    void aCallCostlierThanTheBucketWaitsOnlyForAFullBucket() {
        CostBudget budget = new CostBudget();
        budget.observe(0, 1000, 50, T0);
        assertEquals(Duration.ofSeconds(20), budget.waitBefore(5000, T0));
    }

    @Test
    void retryAfterPausesEvenWithPointsAvailable() {
        CostBudget budget = new CostBudget();
        budget.observe(2000, 2000, 100, T0);
        budget.pauseUntil(T0.plusSeconds(2));
        assertEquals(Duration.ofSeconds(2), budget.waitBefore(10, T0));
        assertEquals(Duration.ofMillis(1500), AdminApi.retryAfter("1.5"));
        assertEquals(Duration.ofSeconds(1), AdminApi.retryAfter("soon"));
    }

    @Test
    void callsUnderWayHoldTheirPointsSoThatTogetherTheyNeverAskForMoreThanTheBucket() {
        CostBudget budget = new CostBudget();
        budget.observe(25, 2000, 100, T0);
        assertEquals(Duration.ZERO, budget.reserve(10, T0));
        assertEquals(Duration.ZERO, budget.reserve(10, T0));
        assertEquals(Duration.ofMillis(50), budget.reserve(10, T0), "5 points left: 5 more in 50 ms");
        assertEquals(Duration.ofMillis(50), budget.waitBefore(10, T0), "the refused reservation held nothing");
        budget.settle(10);
        assertEquals(Duration.ZERO, budget.reserve(10, T0), "an answered call gives its hold back");
        budget.settle(10);
        budget.settle(10);
        budget.settle(10);
        assertEquals(Duration.ZERO, budget.waitBefore(25, T0), "never held below nothing");
    }

    @Test
    void waitsAreCountedForTheOperator() {
        CostBudget budget = new CostBudget();
        budget.waited(Duration.ZERO);
        budget.waited(Duration.ofMillis(300));
        budget.waited(Duration.ofMillis(200));
        assertEquals(new CostBudget.Waits(2, Duration.ofMillis(500)), budget.waits());
    }
}
