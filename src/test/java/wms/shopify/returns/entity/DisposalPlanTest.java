package wms.shopify.returns.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisposalPlanTest {

    private static final Map<String, String> PRODUCTS = Map.of("FLI-1", "SHIRT", "FLI-2", "MUG");

    private static List<DisposalPlan.ReverseLine> reverse(int shirtsDisposed, int mugsDisposed) {
        return List.of(
                new DisposalPlan.ReverseLine("RL-1", "FLI-1", 2, shirtsDisposed),
                new DisposalPlan.ReverseLine("RL-2", "FLI-2", 1, mugsDisposed));
    }

    @Test
    void receivedUnitsTakeTheReverseLinesOfTheirProductWithUnitsLeft() {
        DisposalPlan.Plan plan = DisposalPlan.plan(
                List.of(new ReceiptLine("SHIRT", 1, true), new ReceiptLine("MUG", 1, false)), PRODUCTS, reverse(1, 0));
        assertTrue(plan.possible(), plan.shortfall());
        assertEquals(
                List.of(new DisposalPlan.Disposal("RL-1", 1, true), new DisposalPlan.Disposal("RL-2", 1, false)),
                plan.disposals());
        assertEquals("RL-1=1;RL-2=1", plan.planned());
    }

    @Test
    void moreThanIsLeftToDisposeOfIsAShortfall() {
        DisposalPlan.Plan plan = DisposalPlan.plan(List.of(new ReceiptLine("SHIRT", 2, true)), PRODUCTS, reverse(1, 0));
        assertFalse(plan.possible());
        assertTrue(plan.shortfall().contains("SHIRT: 1 of 2"), plan.shortfall());
    }

    @Test
    void anUnclearAttemptIsJudgedFromTheDisposedQuantities() {
        String baseline = DisposalPlan.disposed(reverse(0, 0));
        assertEquals("RL-1=0;RL-2=0", baseline);
        assertEquals(DisposalPlan.Verdict.APPLIED, DisposalPlan.judge(baseline, "RL-1=2;RL-2=1", reverse(2, 1)));
        assertEquals(DisposalPlan.Verdict.NOT_APPLIED, DisposalPlan.judge(baseline, "RL-1=2;RL-2=1", reverse(0, 0)));
        assertEquals(DisposalPlan.Verdict.UNKNOWN, DisposalPlan.judge(baseline, "RL-1=2;RL-2=1", reverse(1, 1)));
        assertEquals(
                DisposalPlan.Verdict.NOT_APPLIED,
                DisposalPlan.judge(null, null, reverse(1, 1)),
                "nothing was ever sent");
    }
}
