package wms.shopify.shipping.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FulfillmentPlanTest {

    private static final String HERE = "gid://shopify/Location/1";
    private static final String THERE = "gid://shopify/Location/2";

    private static FulfillmentPlan.ShopifyState state(List<FulfillmentPlan.Existing> existing) {
        return new FulfillmentPlan.ShopifyState(
                List.of(
                        new FulfillmentPlan.FulfillmentOrder(
                                "FO-there",
                                "OPEN",
                                THERE,
                                List.of(new FulfillmentPlan.FulfillmentOrderLine("FOL-x", "LI-1", 5))),
                        new FulfillmentPlan.FulfillmentOrder(
                                "FO-closed",
                                "CLOSED",
                                HERE,
                                List.of(new FulfillmentPlan.FulfillmentOrderLine("FOL-c", "LI-1", 5))),
                        new FulfillmentPlan.FulfillmentOrder(
                                "FO-here",
                                "IN_PROGRESS",
                                HERE,
                                List.of(
                                        new FulfillmentPlan.FulfillmentOrderLine("FOL-1", "LI-1", 2),
                                        new FulfillmentPlan.FulfillmentOrderLine("FOL-2", "LI-2", 1),
                                        new FulfillmentPlan.FulfillmentOrderLine("FOL-3", "LI-3", 4)))),
                existing);
    }

    private static Map<String, Integer> wanted(Object... pairs) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            wanted.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return wanted;
    }

    private static final Map<String, List<String>> ITEMS =
            Map.of("SHIRT", List.of("LI-1", "LI-2"), "MUG", List.of("LI-3"));

    @Test
    void unitsComeFromOpenLinesOfTheOrdersLocationOnly() {
        FulfillmentPlan.Plan plan = FulfillmentPlan.plan(wanted("SHIRT", 3, "MUG", 1), ITEMS, HERE, state(List.of()));
        assertTrue(plan.possible(), plan.shortfall());
        assertEquals(Set.of("FO-here"), plan.byFulfillmentOrder().keySet());
        assertEquals(
                List.of(
                        new FulfillmentPlan.Take("FOL-1", "LI-1", 2),
                        new FulfillmentPlan.Take("FOL-2", "LI-2", 1),
                        new FulfillmentPlan.Take("FOL-3", "LI-3", 1)),
                plan.byFulfillmentOrder().get("FO-here"));
        assertEquals("LI-1=2;LI-2=1;LI-3=1", plan.lineItemQuantities());
    }

    @Test
    void moreThanShopifyHasOpenIsAShortfallNotAPartialFulfillment() {
        FulfillmentPlan.Plan plan = FulfillmentPlan.plan(wanted("SHIRT", 4), ITEMS, HERE, state(List.of()));
        assertFalse(plan.possible());
        assertTrue(plan.shortfall().contains("SHIRT: 1 of 4"), plan.shortfall());
        assertTrue(plan.byFulfillmentOrder().isEmpty());
    }

    @Test
    void noOpenFulfillmentOrderAtTheLocationIsSaid() {
        FulfillmentPlan.Plan plan =
                FulfillmentPlan.plan(wanted("MUG", 1), ITEMS, "gid://shopify/Location/9", state(List.of()));
        assertFalse(plan.possible());
        assertTrue(plan.shortfall().contains("no open fulfillment order"), plan.shortfall());
    }

    @Test
    void anExistingFulfillmentMatchesOnTheSameUnitsAndTrackingAndIsNeverClaimedTwice() {
        FulfillmentPlan.Existing mine =
                new FulfillmentPlan.Existing("F-1", "SUCCESS", Map.of("LI-1", 2, "LI-3", 1), List.of("T2", "T1"));
        FulfillmentPlan.Existing other =
                new FulfillmentPlan.Existing("F-2", "SUCCESS", Map.of("LI-1", 2, "LI-3", 1), List.of("X"));
        FulfillmentPlan.ShopifyState shopify = state(List.of(other, mine));
        assertEquals(
                "F-1",
                FulfillmentPlan.match("LI-1=2;LI-3=1", List.of("T1", "T2"), shopify, Set.of())
                        .id());
        assertNull(FulfillmentPlan.match("LI-1=2;LI-3=1", List.of("T1", "T2"), shopify, Set.of("F-1")));
        assertNull(FulfillmentPlan.match("LI-1=1;LI-3=1", List.of("T1", "T2"), shopify, Set.of()));
        assertEquals(
                "F-2",
                FulfillmentPlan.match("LI-1=2;LI-3=1", List.of(), shopify, Set.of())
                        .id(),
                "without tracking the units decide");
        assertNull(FulfillmentPlan.match(null, List.of(), shopify, Set.of()), "nothing was ever sent");
    }

    @Test
    void carriersAreSentInShopifysSpellingWhenKnown() {
        assertEquals("DHL Express", Carriers.trackingCompany("dhl express"));
        assertEquals("FedEx", Carriers.trackingCompany(" FEDEX "));
        assertEquals("DPD UK", Carriers.trackingCompany("dpd-uk"));
        assertEquals("Acme Couriers", Carriers.trackingCompany(" Acme Couriers "));
        assertNull(Carriers.trackingCompany("  "));
    }
}
