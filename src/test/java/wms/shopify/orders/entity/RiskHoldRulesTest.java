package wms.shopify.orders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.orders.entity.OrderRulesTest.DEFAULTS;
import static wms.shopify.orders.entity.OrderRulesTest.LOCATIONS;
import static wms.shopify.orders.entity.OrderRulesTest.MAPPED;
import static wms.shopify.orders.entity.OrderRulesTest.ORDER;
import static wms.shopify.orders.entity.OrderRulesTest.T0;
import static wms.shopify.orders.entity.OrderRulesTest.paid;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The store's risk hold: an order Shopify recommends cancelling (or investigating, as the store says) is held until the
 * recommendation changes or the merchant releases it, leaves the feed before the WMS acknowledged it, and is left alone
 * once the WMS has it.
 */
class RiskHoldRulesTest {

    /** The paid order of OrderRulesTest with Shopify's risk recommendation (null: read without one). */
    static ShopifyOrderSnapshot assessed(Instant updated, String recommendation) {
        ShopifyOrderSnapshot o = paid(updated);
        return new ShopifyOrderSnapshot(
                o.id(),
                o.name(),
                o.createdAt(),
                o.updatedAt(),
                o.test(),
                o.closed(),
                o.cancelledAt(),
                o.financialStatus(),
                o.fulfillmentStatus(),
                o.email(),
                o.phone(),
                o.note(),
                o.shipTo(),
                o.shippingMethod(),
                o.shippingCode(),
                o.lines(),
                o.fulfillmentOrders(),
                true,
                o.withheld(),
                recommendation,
                o.tags(),
                o.salesChannel());
    }

    private static ImportedOrder.Change apply(ImportedOrder row, ShopifyOrderSnapshot order, RiskHold hold) {
        return row.apply(
                order,
                DEFAULTS.withRiskHold(hold),
                OrderPlan.of(order, MAPPED, LOCATIONS, LOCATIONS.get(OrderRulesTest.OUTLET)),
                order.updatedAt(),
                "test");
    }

    @Test
    void theSettingNamesWhichRecommendationsHold() {
        assertFalse(RiskHold.OFF.holds("CANCEL"));
        assertTrue(RiskHold.CANCEL.holds("CANCEL"));
        assertFalse(RiskHold.CANCEL.holds("INVESTIGATE"));
        assertTrue(RiskHold.CANCEL_OR_INVESTIGATE.holds("INVESTIGATE"));
        assertFalse(RiskHold.CANCEL_OR_INVESTIGATE.holds("ACCEPT"));
        assertFalse(RiskHold.CANCEL_OR_INVESTIGATE.holds("NONE"));
        assertFalse(RiskHold.CANCEL_OR_INVESTIGATE.holds(null), "not read: not held");
        assertEquals(Optional.of(RiskHold.CANCEL_OR_INVESTIGATE), RiskHold.ofWord(" Cancel_Or_Investigate "));
        assertEquals(Optional.empty(), RiskHold.ofWord("high"));
        assertEquals(Optional.empty(), RiskHold.ofWord(null));
        assertEquals("cancel_or_investigate", RiskHold.CANCEL_OR_INVESTIGATE.word());
    }

    @Test
    void anOrderShopifyRecommendsCancellingIsHeldUntilTheRecommendationChanges() {
        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        assertEquals(ImportedOrder.Change.HELD, apply(row, assessed(T0, "CANCEL"), RiskHold.CANCEL));
        assertEquals(HoldReason.HIGH_RISK, row.holdReason());
        assertEquals("CANCEL", row.riskRecommendation());
        assertTrue(row.stateNote().contains("Shopify recommends cancelling it (CANCEL)"), row.stateNote());
        assertNull(row.feedSeq());
        assertFalse(row.demand().isEmpty(), "Shopify still holds its units");
        assertEquals(
                ImportedOrder.Change.HELD,
                apply(row, assessed(T0.plusSeconds(1), "CANCEL"), RiskHold.CANCEL),
                "still held: no feed entry");
        assertNull(row.feedSeq());

        assertEquals(ImportedOrder.Change.TO_FEED, apply(row, assessed(T0.plusSeconds(2), "ACCEPT"), RiskHold.CANCEL));
        assertEquals(OrderState.READY, row.state());
        assertNull(row.holdReason());
    }

    @Test
    void investigateHoldsOnlyWhenTheStoreSaysSoAndOffHoldsNothing() {
        ImportedOrder lenient = ImportedOrder.forTest(ORDER, T0);
        assertEquals(ImportedOrder.Change.TO_FEED, apply(lenient, assessed(T0, "INVESTIGATE"), RiskHold.CANCEL));
        ImportedOrder strict = ImportedOrder.forTest(ORDER, T0);
        assertEquals(
                ImportedOrder.Change.HELD, apply(strict, assessed(T0, "INVESTIGATE"), RiskHold.CANCEL_OR_INVESTIGATE));
        assertTrue(strict.stateNote().contains("investigating it (INVESTIGATE)"), strict.stateNote());
        ImportedOrder off = ImportedOrder.forTest(ORDER, T0);
        assertEquals(ImportedOrder.Change.TO_FEED, apply(off, assessed(T0, "CANCEL"), RiskHold.OFF));
    }

    @Test
    void anAssessmentAfterTheOrderEnteredTheFeedTakesItOutButNotOnceTheWmsHasIt() {
        ImportedOrder ready = ImportedOrder.forTest(ORDER, T0);
        assertEquals(ImportedOrder.Change.TO_FEED, apply(ready, assessed(T0, "NONE"), RiskHold.CANCEL));
        ready.enterFeed(5);
        assertEquals(
                ImportedOrder.Change.LEFT_FEED, apply(ready, assessed(T0.plusSeconds(1), "CANCEL"), RiskHold.CANCEL));
        assertEquals(HoldReason.HIGH_RISK, ready.holdReason());
        assertFalse(ready.feedPending());
        assertEquals(ImportedOrder.Ack.OUTDATED, ready.acknowledge(5, T0), "the revision read before the assessment");

        ImportedOrder accepted = ImportedOrder.forTest(ORDER, T0);
        apply(accepted, assessed(T0, null), RiskHold.CANCEL);
        accepted.enterFeed(7);
        accepted.acknowledge(7, T0);
        assertEquals(
                ImportedOrder.Change.NONE,
                apply(accepted, assessed(T0.plusSeconds(1), "CANCEL"), RiskHold.CANCEL),
                "the WMS has it: not taken back");
        assertEquals(OrderState.ACCEPTED, accepted.state());
    }

    @Test
    void anOrderTheMerchantReleasedIsNeverHeldForRiskAgain() {
        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        apply(row, assessed(T0, "CANCEL"), RiskHold.CANCEL);
        assertTrue(row.releaseRisk(T0.plusSeconds(5), "admin"));
        assertEquals("admin", row.riskReleasedBy());
        assertEquals(ImportedOrder.Change.TO_FEED, apply(row, assessed(T0.plusSeconds(6), "CANCEL"), RiskHold.CANCEL));
        row.enterFeed(9);
        assertEquals(ImportedOrder.Change.NONE, apply(row, assessed(T0.plusSeconds(7), "CANCEL"), RiskHold.CANCEL));
        assertFalse(row.releaseRisk(T0.plusSeconds(8), "admin"), "not held for risk: nothing to release");
    }

    @Test
    void aReadWithoutARecommendationKeepsTheLastOne() {
        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        apply(row, assessed(T0, "CANCEL"), RiskHold.CANCEL);
        assertEquals(ImportedOrder.Change.HELD, apply(row, assessed(T0.plusSeconds(1), null), RiskHold.CANCEL));
        assertEquals("CANCEL", row.riskRecommendation());
        assertEquals(HoldReason.HIGH_RISK, row.holdReason());
    }
}
