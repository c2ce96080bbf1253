package wms.shopify.orders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.orders.entity.OrderRulesTest.MAPPED;
import static wms.shopify.orders.entity.OrderRulesTest.ORDER;
import static wms.shopify.orders.entity.OrderRulesTest.T0;
import static wms.shopify.orders.entity.OrderRulesTest.apply;
import static wms.shopify.orders.entity.OrderRulesTest.paid;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fulfillment holds on Shopify: out of the feed before the WMS has the order, HOLD and RELEASE entries after. */
class HoldRulesTest {

    /** The paid order of OrderRulesTest with its fulfillment order on hold (or not, with null). */
    static ShopifyOrderSnapshot held(Instant updated, String reason, String notes) {
        ShopifyOrderSnapshot order = paid(updated);
        ShopifyOrderSnapshot.FulfillmentOrder fo = order.fulfillmentOrders().get(0);
        ShopifyOrderSnapshot.FulfillmentOrder now = reason == null
                ? fo
                : new ShopifyOrderSnapshot.FulfillmentOrder(
                        fo.id(),
                        "ON_HOLD",
                        fo.locationId(),
                        fo.lines(),
                        List.of(new ShopifyOrderSnapshot.Hold("gid://shopify/FulfillmentHold/1", "", reason, notes)),
                        null,
                        null);
        return new ShopifyOrderSnapshot(
                order.id(),
                order.name(),
                order.createdAt(),
                order.updatedAt(),
                order.test(),
                order.closed(),
                order.cancelledAt(),
                order.financialStatus(),
                order.fulfillmentStatus(),
                order.email(),
                order.phone(),
                order.note(),
                order.shipTo(),
                order.shippingMethod(),
                order.shippingCode(),
                order.lines(),
                List.of(now),
                true,
                order.withheld());
    }

    @Test
    void aHoldBeforeAcknowledgementTakesTheOrderOutOfTheFeedAndTheReleaseBringsItBack() {
        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        apply(row, paid(T0), MAPPED);
        row.enterFeed(5);
        assertEquals(
                ImportedOrder.Change.LEFT_FEED, apply(row, held(T0.plusSeconds(1), "AWAITING_PAYMENT", null), MAPPED));
        assertEquals(OrderState.HELD, row.state());
        assertEquals(HoldReason.ON_HOLD_AT_SHOPIFY, row.holdReason());
        assertFalse(row.feedPending());
        assertEquals(ImportedOrder.Ack.OUTDATED, row.acknowledge(5, T0), "the revision read before the hold");
        assertFalse(row.demand().isEmpty(), "Shopify still holds its units");
        assertEquals(
                ImportedOrder.Change.HELD,
                apply(row, held(T0.plusSeconds(2), "AWAITING_PAYMENT", null), MAPPED),
                "still held: no feed entry");

        assertEquals(ImportedOrder.Change.TO_FEED, apply(row, held(T0.plusSeconds(3), null, null), MAPPED));
        row.enterFeed(9);
        assertEquals(FeedKind.ORDER, row.feedKind());
        assertNull(row.shopifyHoldReason());
    }

    @Test
    void aNewOrderOnHoldIsHeldAndNeverInTheFeed() {
        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        assertEquals(ImportedOrder.Change.HELD, apply(row, held(T0, "HIGH_RISK_OF_FRAUD", "check"), MAPPED));
        assertEquals(HoldReason.ON_HOLD_AT_SHOPIFY, row.holdReason());
        assertTrue(row.stateNote().contains("HIGH_RISK_OF_FRAUD (check)"), row.stateNote());
        assertNull(row.feedSeq());
    }

    @Test
    void afterAcknowledgementAHoldAndItsReleaseAreFeedEntriesEachOnce() {
        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        apply(row, paid(T0), MAPPED);
        row.enterFeed(5);
        row.acknowledge(5, T0);
        assertEquals(
                ImportedOrder.Change.HOLD_TO_FEED,
                apply(row, held(T0.plusSeconds(1), "HIGH_RISK_OF_FRAUD", "card declined"), MAPPED));
        row.enterFeed(6);
        assertEquals(FeedKind.HOLD, row.feedKind());
        assertEquals("HIGH_RISK_OF_FRAUD", row.shopifyHoldReason());
        assertEquals("card declined", row.shopifyHoldNotes());
        assertEquals(
                ImportedOrder.Change.NONE,
                apply(row, held(T0.plusSeconds(1), "HIGH_RISK_OF_FRAUD", "card declined"), MAPPED),
                "the same hold again");
        assertEquals(ImportedOrder.Ack.DONE, row.acknowledge(6, T0));
        assertEquals(OrderState.ACCEPTED, row.state());
        assertEquals(List.of(), row.demand());

        assertEquals(
                ImportedOrder.Change.HOLD_TO_FEED,
                apply(row, held(T0.plusSeconds(2), "OTHER", null), MAPPED),
                "another reason is a new hold entry");
        row.enterFeed(7);
        assertEquals(ImportedOrder.Change.RELEASE_TO_FEED, apply(row, held(T0.plusSeconds(3), null, null), MAPPED));
        row.enterFeed(8);
        assertEquals(FeedKind.RELEASE, row.feedKind());
        assertEquals(
                ImportedOrder.Change.STALE,
                apply(row, held(T0.plusSeconds(2), "OTHER", null), MAPPED),
                "a read older than the release");
        assertEquals(ImportedOrder.Change.NONE, apply(row, held(T0.plusSeconds(4), null, null), MAPPED));
        assertEquals(ImportedOrder.Ack.DONE, row.acknowledge(8, T0));
        assertEquals(OrderState.ACCEPTED, row.state());
    }
}
