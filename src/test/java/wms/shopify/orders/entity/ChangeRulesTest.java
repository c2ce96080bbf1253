package wms.shopify.orders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.orders.entity.OrderRulesTest.MAIN;
import static wms.shopify.orders.entity.OrderRulesTest.MAPPED;
import static wms.shopify.orders.entity.OrderRulesTest.ORDER;
import static wms.shopify.orders.entity.OrderRulesTest.T0;
import static wms.shopify.orders.entity.OrderRulesTest.apply;
import static wms.shopify.orders.entity.OrderRulesTest.order;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Edits after the WMS accepted an order: a change entry measured from what the WMS acknowledged, taken or rejected. */
class ChangeRulesTest {

    static ShopifyOrderSnapshot ordered(Instant at, int shirts, int mugs) {
        return order(at, "paid", "unfulfilled", false, null, MAIN, shirts, mugs);
    }

    /** Shirts ordered as given, some of them shipped: what remains to ship drops, what is ordered does not. */
    static ShopifyOrderSnapshot partlyShipped(Instant at, int shirts, int shippedShirts, int mugs) {
        ShopifyOrderSnapshot order = ordered(at, shirts, mugs);
        ShopifyOrderSnapshot.Line shirt = order.lines().get(0);
        List<ShopifyOrderSnapshot.Line> lines = List.of(
                new ShopifyOrderSnapshot.Line(
                        shirt.lineItemId(),
                        shirt.variantId(),
                        shirt.inventoryItemId(),
                        shirt.sku(),
                        shirt.title(),
                        shirts,
                        shirts - shippedShirts,
                        true,
                        shirts,
                        shirt.bundle()),
                order.lines().get(1));
        ShopifyOrderSnapshot.FulfillmentOrder fo = order.fulfillmentOrders().get(0);
        ShopifyOrderSnapshot.FulfillmentOrder shipped = new ShopifyOrderSnapshot.FulfillmentOrder(
                fo.id(),
                "IN_PROGRESS",
                fo.locationId(),
                List.of(
                        new ShopifyOrderSnapshot.FulfillmentLine(
                                shirt.lineItemId(), shirt.inventoryItemId(), shirts - shippedShirts),
                        fo.lines().get(1)));
        return new ShopifyOrderSnapshot(
                order.id(),
                order.name(),
                order.createdAt(),
                order.updatedAt(),
                false,
                false,
                null,
                "paid",
                "partially_fulfilled",
                order.email(),
                order.phone(),
                order.note(),
                order.shipTo(),
                order.shippingMethod(),
                order.shippingCode(),
                lines,
                List.of(shipped),
                true,
                order.withheld());
    }

    static ImportedOrder accepted() {
        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        apply(row, ordered(T0, 2, 1), MAPPED);
        row.enterFeed(5);
        row.acknowledge(5, T0);
        return row;
    }

    @Test
    void anEditIsOneChangeEntryAndTheSameEditAgainChangesNothing() {
        ImportedOrder row = accepted();
        assertEquals(
                ImportedOrder.Change.NONE,
                apply(row, partlyShipped(T0.plusSeconds(1), 2, 1, 1), MAPPED),
                "a shipment is no edit");
        assertEquals(ImportedOrder.Change.CHANGE_TO_FEED, apply(row, ordered(T0.plusSeconds(2), 3, 0), MAPPED));
        row.enterFeed(6);
        assertEquals(FeedKind.CHANGE, row.feedKind());
        assertEquals(
                List.of(
                        new LineChange("gid://shopify/LineItem/1", "W-SHIRT", 2, 3),
                        new LineChange("gid://shopify/LineItem/2", "W-MUG", 1, 0)),
                row.changes());
        assertEquals("W-SHIRT 2 → 3, W-MUG removed (1)", row.changesText());
        assertEquals(
                List.of(new OrderDemand.Line("gid://shopify/InventoryItem/1", MAIN, 1)),
                row.demand(),
                "the unit added is Shopify's until the WMS takes the change");
        assertEquals(ImportedOrder.Change.NONE, apply(row, ordered(T0.plusSeconds(3), 3, 0), MAPPED), "a duplicate");

        assertEquals(ImportedOrder.Change.CHANGE_TO_FEED, apply(row, ordered(T0.plusSeconds(4), 4, 0), MAPPED));
        row.enterFeed(7);
        assertEquals(ImportedOrder.Ack.OUTDATED, row.acknowledge(6, T0), "a second edit before the answer");
        assertEquals("W-SHIRT 2 → 4, W-MUG removed (1)", row.changesText(), "measured from what the WMS has");
        assertEquals(ImportedOrder.Ack.DONE, row.acknowledge(7, T0));
        assertEquals(OrderState.ACCEPTED, row.state());
        assertEquals(List.of(), row.changes());
        assertEquals(List.of(), row.demand(), "taken: the WMS allocates it");
    }

    @Test
    void aRejectedChangeStaysShownAndIsNotSentAgainUntilTheOrderChangesOnceMore() {
        ImportedOrder row = accepted();
        apply(row, ordered(T0.plusSeconds(1), 1, 1), MAPPED);
        row.enterFeed(6);
        assertEquals(ImportedOrder.Answer.OUTDATED, row.rejectChange(5, "shipped", T0));
        assertEquals(ImportedOrder.Answer.DONE, row.rejectChange(6, "2 shirts shipped already", T0));
        assertFalse(row.feedPending());
        assertEquals("2 shirts shipped already", row.changeRejection());
        assertTrue(row.stateNote().contains("W-SHIRT 2 → 1") && row.stateNote().contains("rejected"), row.stateNote());
        assertEquals(ImportedOrder.Answer.ALREADY, row.rejectChange(6, "2 shirts shipped already", T0));
        assertEquals(ImportedOrder.Answer.ANSWERED_OTHERWISE, row.rejectChange(6, "another", T0));
        assertEquals(ImportedOrder.Ack.ALREADY, row.acknowledge(6, T0), "the rejection stands");
        assertEquals(ImportedOrder.Change.NONE, apply(row, ordered(T0.plusSeconds(2), 1, 1), MAPPED));

        assertEquals(ImportedOrder.Change.CHANGE_TO_FEED, apply(row, ordered(T0.plusSeconds(3), 1, 2), MAPPED));
        row.enterFeed(8);
        assertNull(row.changeRejection(), "a new change is a new question");
        assertEquals("W-SHIRT 2 → 1, W-MUG 1 → 2", row.changesText());
        assertEquals(ImportedOrder.Answer.WRONG_KIND, accepted().rejectChange(5, "x", T0));
    }
}
