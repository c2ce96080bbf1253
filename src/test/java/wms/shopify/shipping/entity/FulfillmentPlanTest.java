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

    private static List<FulfillmentPlan.Portion> whole(Map<String, Integer> units) {
        return List.of(new FulfillmentPlan.Portion(null, units));
    }

    @Test
    void unitsComeFromOpenLinesOfTheOrdersLocationFirst() {
        FulfillmentPlan.Plan plan =
                FulfillmentPlan.plan(whole(wanted("SHIRT", 3, "MUG", 1)), ITEMS, HERE, state(List.of()));
        assertTrue(plan.possible(), plan.shortfall());
        assertEquals(1, plan.groups().size(), "all of it open at the order's location: one fulfillment");
        FulfillmentPlan.Group group = plan.groups().get(0);
        assertEquals(HERE, group.locationId());
        assertNull(group.parcel());
        assertEquals(Set.of("FO-here"), group.byFulfillmentOrder().keySet());
        assertEquals(
                List.of(
                        new FulfillmentPlan.Take("FOL-1", "LI-1", 2),
                        new FulfillmentPlan.Take("FOL-2", "LI-2", 1),
                        new FulfillmentPlan.Take("FOL-3", "LI-3", 1)),
                group.byFulfillmentOrder().get("FO-here"));
        assertEquals("LI-1=2;LI-2=1;LI-3=1", group.lineItemQuantities());
    }

    @Test
    void unitsOpenAtAnotherLocationBecomeAFulfillmentOfTheirOwnThere() {
        // 3 shirts open at the order's location (LI-1 ×2, LI-2 ×1), 5 more of LI-1 at the other one.
        FulfillmentPlan.Plan plan = FulfillmentPlan.plan(whole(wanted("SHIRT", 5)), ITEMS, HERE, state(List.of()));
        assertTrue(plan.possible(), plan.shortfall());
        assertEquals(2, plan.groups().size(), "fulfillmentCreate takes one location at a time");
        assertEquals(HERE, plan.groups().get(0).locationId());
        assertEquals("LI-1=2;LI-2=1", plan.groups().get(0).lineItemQuantities());
        assertEquals(THERE, plan.groups().get(1).locationId());
        assertEquals(
                Set.of("FO-there"), plan.groups().get(1).byFulfillmentOrder().keySet());
        assertEquals("LI-1=2", plan.groups().get(1).lineItemQuantities());
    }

    @Test
    void aFulfillmentOrderMovedAwayFromTheOrdersLocationIsShippedWhereItIsNow() {
        FulfillmentPlan.Plan plan =
                FulfillmentPlan.plan(whole(wanted("MUG", 1)), ITEMS, "gid://shopify/Location/9", state(List.of()));
        assertTrue(plan.possible(), plan.shortfall());
        assertEquals(HERE, plan.groups().get(0).locationId());
    }

    @Test
    void eachParcelIsAFulfillmentPerLocationAndNoUnitIsTakenTwice() {
        List<FulfillmentPlan.Portion> parcels = List.of(
                new FulfillmentPlan.Portion(0, wanted("SHIRT", 2)),
                new FulfillmentPlan.Portion(1, wanted("SHIRT", 2, "MUG", 4)));
        FulfillmentPlan.Plan plan = FulfillmentPlan.plan(parcels, ITEMS, HERE, state(List.of()));
        assertTrue(plan.possible(), plan.shortfall());
        assertEquals(3, plan.groups().size(), plan.groups().toString());
        assertEquals(0, plan.groups().get(0).parcel());
        assertEquals("LI-1=2", plan.groups().get(0).lineItemQuantities());
        assertEquals(1, plan.groups().get(1).parcel());
        assertEquals(HERE, plan.groups().get(1).locationId());
        assertEquals("LI-2=1;LI-3=4", plan.groups().get(1).lineItemQuantities(), "parcel 0 took both LI-1 here");
        assertEquals(1, plan.groups().get(2).parcel());
        assertEquals(THERE, plan.groups().get(2).locationId());
        assertEquals("LI-1=1", plan.groups().get(2).lineItemQuantities());
    }

    @Test
    void moreThanShopifyHasOpenIsAShortfallNotAPartialFulfillment() {
        FulfillmentPlan.Plan plan = FulfillmentPlan.plan(whole(wanted("SHIRT", 9)), ITEMS, HERE, state(List.of()));
        assertFalse(plan.possible());
        assertTrue(plan.shortfall().contains("SHIRT: 1 of 9"), plan.shortfall());
        assertTrue(plan.groups().isEmpty());
    }

    @Test
    void whatIsAlreadyOnShopifyIsDeductedPerParcel() {
        List<FulfillmentPlan.Portion> parcels = List.of(
                new FulfillmentPlan.Portion(0, wanted("SHIRT", 2)),
                new FulfillmentPlan.Portion(1, wanted("SHIRT", 2, "MUG", 4)));
        Map<String, String> products = Map.of("LI-1", "SHIRT", "LI-2", "SHIRT", "LI-3", "MUG");
        List<FulfillmentPlan.Portion> left = FulfillmentPlan.remaining(
                parcels, List.of(Map.entry(0, "LI-1=2"), Map.entry(1, "LI-2=1;LI-3=4")), products);
        assertEquals(List.of(new FulfillmentPlan.Portion(1, wanted("SHIRT", 1))), left);
        assertTrue(FulfillmentPlan.remaining(
                        whole(wanted("MUG", 4)),
                        List.of(new java.util.AbstractMap.SimpleEntry<>(null, "LI-3=4")),
                        products)
                .isEmpty());
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
