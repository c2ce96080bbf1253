package wms.shopify.orders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An order over two warehouses (issue #19 §3): its lines carry the warehouse of their location, it is one part per
 * warehouse, each part is acknowledged on its own (the entry takes effect once every part is), a part acknowledged
 * is no longer unallocated demand and may ship while the other waits; and in fulfillment-service mode a fulfillment
 * order requested after the WMS accepted the order becomes a change.
 */
class OrderPartsTest {

    private static final String MAIN = OrderRulesTest.MAIN;
    private static final String OUTLET = OrderRulesTest.OUTLET;
    private static final String SHIRT_ITEM = "gid://shopify/LineItem/1";
    private static final String MUG_ITEM = "gid://shopify/LineItem/2";
    private static final Instant T1 = OrderRulesTest.T0.plusSeconds(60);

    /** The order of {@link OrderRulesTest} (2 shirts, 1 mug) with these fulfillment orders instead. */
    private static ShopifyOrderSnapshot with(Instant updated, ShopifyOrderSnapshot.FulfillmentOrder... fos) {
        ShopifyOrderSnapshot order = OrderRulesTest.order(updated, "paid", "unfulfilled", false, null, MAIN, 2, 1);
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
                List.of(fos),
                true,
                Set.of());
    }

    private static ShopifyOrderSnapshot.FulfillmentOrder fo(
            String id, String requestStatus, String location, String lineItem, String item, int quantity) {
        return new ShopifyOrderSnapshot.FulfillmentOrder(
                "gid://shopify/FulfillmentOrder/" + id,
                "OPEN",
                requestStatus,
                location,
                List.of(new ShopifyOrderSnapshot.FulfillmentLine(lineItem, item, quantity)));
    }

    /** The shirts at the main location (WH-MAIN), the mug at the outlet (WH-OUT). */
    private static ShopifyOrderSnapshot split(Instant updated, int shirts) {
        return with(
                updated,
                fo("1", "UNSUBMITTED", MAIN, SHIRT_ITEM, "gid://shopify/InventoryItem/1", shirts),
                fo("2", "UNSUBMITTED", OUTLET, MUG_ITEM, "gid://shopify/InventoryItem/2", 1));
    }

    private static OrderPlan plan(ShopifyOrderSnapshot order, Map<String, OrderPlan.Destination> locations) {
        return OrderPlan.of(order, OrderRulesTest.MAPPED, locations, null);
    }

    private static ImportedOrder.Change apply(ImportedOrder row, ShopifyOrderSnapshot order) {
        return row.apply(
                order, OrderRulesTest.DEFAULTS, plan(order, OrderRulesTest.LOCATIONS), order.updatedAt(), "test");
    }

    @Test
    void eachLineShipsFromItsOwnLocationsWarehouseWithItsShippingProcess() {
        OrderPlan plan = plan(split(OrderRulesTest.T0, 2), OrderRulesTest.LOCATIONS);
        assertEquals(List.of("WH-MAIN", "WH-OUT"), plan.warehouses());
        OrderLine shirts = plan.lines().get(0);
        assertEquals("WH-MAIN", shirts.warehouseCode());
        assertEquals("PARCEL", shirts.shippingProcessCode());
        OrderLine mug = plan.lines().get(1);
        assertEquals("WH-OUT", mug.warehouseCode());
        assertEquals(null, mug.shippingProcessCode());
        assertEquals("WH-MAIN", plan.destination().warehouseCode(), "the order's warehouse: its first line's");
    }

    @Test
    void anOrderAtOneWarehouseIsOnePartAsBefore() {
        OrderPlan plan = plan(OrderRulesTest.paid(OrderRulesTest.T0), OrderRulesTest.LOCATIONS);
        assertEquals(List.of("WH-MAIN"), plan.warehouses());
        ImportedOrder row = ImportedOrder.forTest(OrderRulesTest.ORDER, OrderRulesTest.T0);
        assertEquals(ImportedOrder.Change.TO_FEED, apply(row, OrderRulesTest.paid(OrderRulesTest.T0)));
        row.enterFeed(7);
        assertFalse(row.parted());
        assertTrue(row.partProblem(null).isEmpty(), "no warehouse needs naming");
        assertTrue(row.partProblem("WH-MAIN").isEmpty(), "its own may be named");
        assertTrue(row.partProblem("WH-OUT").orElseThrow().contains("'WH-OUT' is not a warehouse of order #1001"));
        assertEquals(ImportedOrder.Ack.DONE, row.acknowledge(7, null, T1));
        assertEquals(OrderState.ACCEPTED, row.state());
    }

    @Test
    void aLineAtALocationMappedToNoWarehouseGoesWithTheOrdersWarehouse() {
        OrderPlan plan =
                plan(split(OrderRulesTest.T0, 2), Map.of(MAIN, new OrderPlan.Destination(MAIN, "WH-MAIN", "PARCEL")));
        assertEquals(List.of("WH-MAIN"), plan.warehouses());
        assertEquals(2, plan.lines().size());
    }

    @Test
    void eachWarehouseAcknowledgesItsPartAndTheOrderIsAcceptedOnceBothDid() {
        ImportedOrder row = ImportedOrder.forTest(OrderRulesTest.ORDER, OrderRulesTest.T0);
        assertEquals(ImportedOrder.Change.TO_FEED, apply(row, split(OrderRulesTest.T0, 2)));
        row.enterFeed(7);
        assertTrue(row.parted());
        assertEquals(List.of("WH-MAIN", "WH-OUT"), row.warehouses());
        assertEquals(List.of("WH-MAIN", "WH-OUT"), row.pendingParts());
        assertEquals(1, row.linesOf("WH-OUT").size());
        assertEquals(MUG_ITEM, row.linesOf("WH-OUT").get(0).lineItemId());
        assertTrue(row.partProblem(null).orElseThrow().contains("ships from WH-MAIN and WH-OUT"));
        assertTrue(row.partProblem("WH-EAST").isPresent());
        assertEquals(3, units(row.demand()), "both parts are Shopify's demand until acknowledged");

        assertEquals(ImportedOrder.Ack.DONE, row.acknowledge(7, "WH-MAIN", T1));
        assertEquals(OrderState.READY, row.state(), "the other part still waits");
        assertTrue(row.feedPending());
        assertEquals(List.of("WH-OUT"), row.pendingParts());
        assertEquals(
                List.of(new OrderDemand.Line("gid://shopify/InventoryItem/2", OUTLET, 1)),
                row.demand(),
                "the part acknowledged is the WMS's to allocate");
        assertTrue(row.shippableFrom("WH-MAIN"), "acknowledged: it may ship");
        assertFalse(row.shippableFrom("WH-OUT"), "not acknowledged yet");
        assertEquals(ImportedOrder.Ack.ALREADY, row.acknowledge(7, "WH-MAIN", T1), "again: harmless");
        assertEquals(
                ImportedOrder.Change.NONE,
                apply(row, split(OrderRulesTest.T0.plusSeconds(5), 1)),
                "once a warehouse took its part, the lines stay as given");
        assertEquals(2, row.linesOf("WH-MAIN").get(0).quantity());
        assertEquals(ImportedOrder.Ack.OUTDATED, row.acknowledge(6, "WH-OUT", T1));

        assertEquals(ImportedOrder.Ack.DONE, row.acknowledge(7, "WH-OUT", T1));
        assertEquals(OrderState.ACCEPTED, row.state());
        assertFalse(row.feedPending());
        assertTrue(row.pendingParts().isEmpty());
        assertTrue(row.demand().isEmpty());
        assertEquals(ImportedOrder.Ack.ALREADY, row.acknowledge(7, "WH-OUT", T1));
    }

    @Test
    void aLaterEntryOfThePartedOrderIsAcknowledgedPartByPartAgain() {
        ImportedOrder row = ImportedOrder.forTest(OrderRulesTest.ORDER, OrderRulesTest.T0);
        apply(row, split(OrderRulesTest.T0, 2));
        row.enterFeed(7);
        row.acknowledge(7, "WH-MAIN", T1);
        row.acknowledge(7, "WH-OUT", T1);
        ShopifyOrderSnapshot held = with(
                OrderRulesTest.T0.plusSeconds(9),
                new ShopifyOrderSnapshot.FulfillmentOrder(
                        "gid://shopify/FulfillmentOrder/1",
                        "ON_HOLD",
                        MAIN,
                        List.of(new ShopifyOrderSnapshot.FulfillmentLine(
                                SHIRT_ITEM, "gid://shopify/InventoryItem/1", 2)),
                        List.of(new ShopifyOrderSnapshot.Hold(
                                "gid://shopify/FulfillmentHold/1", "", "HIGH_RISK_OF_FRAUD", null)),
                        null,
                        null),
                fo("2", "UNSUBMITTED", OUTLET, MUG_ITEM, "gid://shopify/InventoryItem/2", 1));
        assertEquals(ImportedOrder.Change.HOLD_TO_FEED, apply(row, held));
        row.enterFeed(9);
        assertEquals(FeedKind.HOLD, row.feedKind());
        assertEquals(List.of("WH-MAIN", "WH-OUT"), row.pendingParts(), "every part is told");
        assertEquals(ImportedOrder.Ack.DONE, row.acknowledge(9, "WH-OUT", T1));
        assertTrue(row.feedPending());
        assertEquals(ImportedOrder.Ack.DONE, row.acknowledge(9, "WH-MAIN", T1));
        assertFalse(row.feedPending());
    }

    @Test
    void aFulfillmentOrderRequestedAfterTheWmsAcceptedTheOrderIsAChangeThatCarriesIt() {
        Set<String> service = Set.of(OUTLET);
        ImportedOrder row = ImportedOrder.forTest(OrderRulesTest.ORDER, OrderRulesTest.T0);
        ShopifyOrderSnapshot first = with(
                OrderRulesTest.T0,
                fo("1", "SUBMITTED", OUTLET, SHIRT_ITEM, "gid://shopify/InventoryItem/1", 2),
                fo("2", "UNSUBMITTED", OUTLET, MUG_ITEM, "gid://shopify/InventoryItem/2", 1));
        OrderPlan firstPlan = OrderPlan.of(first, OrderRulesTest.MAPPED, OrderRulesTest.LOCATIONS, null, service);
        assertTrue(firstPlan.requestPending());
        assertEquals(ImportedOrder.Change.TO_FEED, row.apply(first, OrderRulesTest.DEFAULTS, firstPlan, T1, "test"));
        row.enterFeed(7);
        assertEquals(1, row.lines().size(), "only what was requested");
        row.acknowledge(7, T1);
        assertEquals(OrderState.ACCEPTED, row.state());

        ShopifyOrderSnapshot second = with(
                OrderRulesTest.T0.plusSeconds(30),
                fo("1", "ACCEPTED", OUTLET, SHIRT_ITEM, "gid://shopify/InventoryItem/1", 2),
                fo("2", "SUBMITTED", OUTLET, MUG_ITEM, "gid://shopify/InventoryItem/2", 1));
        OrderPlan secondPlan = OrderPlan.of(second, OrderRulesTest.MAPPED, OrderRulesTest.LOCATIONS, null, service);
        assertEquals(
                ImportedOrder.Change.CHANGE_TO_FEED,
                row.apply(second, OrderRulesTest.DEFAULTS, secondPlan, T1, "fulfillment request"));
        row.enterFeed(9);
        assertEquals(FeedKind.CHANGE, row.feedKind());
        assertEquals(2, row.lines().size(), "the second request's lines reach the WMS");
        assertTrue(row.changes().isEmpty(), "nothing ordered changed: only what is requested of the WMS");
        assertEquals(
                ImportedOrder.Change.NONE,
                row.apply(second, OrderRulesTest.DEFAULTS, secondPlan, T1, "fulfillment request"),
                "the same request read again is not news");
        assertEquals(ImportedOrder.Ack.DONE, row.acknowledge(9, T1));
        assertEquals(OrderState.ACCEPTED, row.state());

        ShopifyOrderSnapshot accepted = with(
                OrderRulesTest.T0.plusSeconds(40),
                fo("1", "ACCEPTED", OUTLET, SHIRT_ITEM, "gid://shopify/InventoryItem/1", 2),
                fo("2", "ACCEPTED", OUTLET, MUG_ITEM, "gid://shopify/InventoryItem/2", 1));
        OrderPlan acceptedPlan = OrderPlan.of(accepted, OrderRulesTest.MAPPED, OrderRulesTest.LOCATIONS, null, service);
        assertFalse(acceptedPlan.requestPending());
        assertEquals(
                ImportedOrder.Change.NONE,
                row.apply(accepted, OrderRulesTest.DEFAULTS, acceptedPlan, T1, "orders/updated"),
                "accepted on Shopify: nothing more for the WMS");
    }

    @Test
    void inMerchantManagedModeNoRequestIsPending() {
        assertFalse(plan(split(OrderRulesTest.T0, 2), OrderRulesTest.LOCATIONS).requestPending());
    }

    private static long units(List<OrderDemand.Line> demand) {
        return demand.stream().mapToLong(OrderDemand.Line::quantity).sum();
    }
}
