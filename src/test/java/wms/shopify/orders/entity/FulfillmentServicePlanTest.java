package wms.shopify.orders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fulfillment-service mode's rules for an order: a fulfillment order at the WMS's service location is the WMS's to
 * ship only once the merchant requested it, and a rejection by the WMS takes the order out of the feed.
 */
class FulfillmentServicePlanTest {

    private static final String SERVICE = OrderRulesTest.OUTLET;
    private static final Instant T1 = OrderRulesTest.T0.plusSeconds(60);

    /** The order of {@link OrderRulesTest} with its fulfillment order at the service's location in a request status. */
    private static ShopifyOrderSnapshot atService(String requestStatus) {
        ShopifyOrderSnapshot order =
                OrderRulesTest.order(OrderRulesTest.T0, "paid", "unfulfilled", false, null, SERVICE, 2, 1);
        ShopifyOrderSnapshot.FulfillmentOrder fo = order.fulfillmentOrders().get(0);
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
                List.of(new ShopifyOrderSnapshot.FulfillmentOrder(
                        fo.id(), fo.status(), requestStatus, fo.locationId(), fo.lines())),
                true,
                Set.of());
    }

    private static OrderPlan plan(ShopifyOrderSnapshot order, Set<String> serviceLocations) {
        return OrderPlan.of(order, OrderRulesTest.MAPPED, OrderRulesTest.LOCATIONS, null, serviceLocations);
    }

    @Test
    void aFulfillmentOrderAtTheServiceCountsOnlyOnceTheMerchantRequestedIt() {
        assertTrue(plan(atService("UNSUBMITTED"), Set.of(SERVICE)).lines().isEmpty(), "not requested yet");
        assertTrue(plan(atService("REJECTED"), Set.of(SERVICE)).lines().isEmpty(), "rejected by the WMS");
        for (String requested : List.of("SUBMITTED", "ACCEPTED", "CANCELLATION_REQUESTED", "CANCELLATION_REJECTED")) {
            OrderPlan plan = plan(atService(requested), Set.of(SERVICE));
            assertEquals(2, plan.lines().size(), requested);
            assertEquals("WH-OUT", plan.destination().warehouseCode(), requested);
        }
    }

    @Test
    void unitsNotRequestedOfTheServiceAreDemandThoughNotLinesToShip() {
        ImportedOrder row = ImportedOrder.forTest(OrderRulesTest.ORDER, OrderRulesTest.T0);
        ShopifyOrderSnapshot waiting = atService("UNSUBMITTED");
        OrderPlan plan = plan(waiting, Set.of(SERVICE));
        assertEquals(
                3,
                plan.awaitingRequest().stream()
                        .mapToInt(AwaitingUnits::quantity)
                        .sum(),
                "2 + 1 units");
        assertTrue(plan.awaitingRequest().stream().allMatch(u -> SERVICE.equals(u.locationId())));
        assertEquals(
                ImportedOrder.Change.FILTERED, row.apply(waiting, OrderRulesTest.DEFAULTS, plan, T1, "orders/create"));
        assertTrue(row.lines().isEmpty(), "not the WMS's to ship yet");
        List<OrderDemand.Line> waitingDemand = row.demand();
        assertEquals(
                3, waitingDemand.stream().mapToLong(OrderDemand.Line::quantity).sum(), "but off sale on Shopify");

        ShopifyOrderSnapshot requested = atService("SUBMITTED");
        OrderPlan requestedPlan = plan(requested, Set.of(SERVICE));
        assertTrue(requestedPlan.awaitingRequest().isEmpty(), "requested: lines now");
        row.apply(requested, OrderRulesTest.DEFAULTS, requestedPlan, T1, "fulfillment request");
        assertEquals(waitingDemand, row.demand(), "the same units, counted once, as lines in the feed");

        assertTrue(plan(atService("UNSUBMITTED"), Set.of()).awaitingRequest().isEmpty(), "merchant-managed mode");
        assertTrue(
                plan(atService("REJECTED"), Set.of(SERVICE)).awaitingRequest().size() > 0, "rejected: still off sale");
    }

    @Test
    void inMerchantManagedModeTheRequestStatusDoesNotMatter() {
        assertEquals(2, plan(atService("UNSUBMITTED"), Set.of()).lines().size());
        assertEquals(
                2,
                plan(atService("UNSUBMITTED"), Set.of("gid://shopify/Location/99"))
                        .lines()
                        .size(),
                "another location's service");
    }

    @Test
    void anOrderWaitsUntilRequestedThenEntersTheFeedAndARejectionTakesItOut() {
        ImportedOrder row = ImportedOrder.forTest(OrderRulesTest.ORDER, OrderRulesTest.T0);
        ShopifyOrderSnapshot waiting = atService("UNSUBMITTED");
        assertEquals(
                ImportedOrder.Change.FILTERED,
                row.apply(waiting, OrderRulesTest.DEFAULTS, plan(waiting, Set.of(SERVICE)), T1, "orders/create"));
        ShopifyOrderSnapshot requested = atService("SUBMITTED");
        assertEquals(
                ImportedOrder.Change.TO_FEED,
                row.apply(
                        requested,
                        OrderRulesTest.DEFAULTS,
                        plan(requested, Set.of(SERVICE)),
                        T1,
                        "fulfillment request"));
        row.enterFeed(7);
        assertEquals(
                ImportedOrder.Change.NONE,
                row.apply(
                        requested,
                        OrderRulesTest.DEFAULTS,
                        plan(requested, Set.of(SERVICE)),
                        T1,
                        "fulfillment request"),
                "the same request read again changes nothing");

        List<OrderDemand.Line> requestedDemand = row.demand();
        assertTrue(row.fulfillmentRejected("The WMS rejected the fulfillment request (INVALID_SKU).", T1));
        assertEquals(OrderState.FILTERED, row.state());
        assertFalse(row.feedPending());
        assertTrue(row.lines().isEmpty(), "no longer the WMS's to ship");
        assertEquals(requestedDemand, row.demand(), "still off sale at the service's location: demand all the same");
        assertFalse(row.fulfillmentRejected("again", T1), "only an entry in the feed is rejected");
    }

    @Test
    void aCancellationRequestOfAnAcceptedOrderEntersTheFeedOnceAndTheAnswerSettlesIt() {
        ImportedOrder row = ImportedOrder.forTest(OrderRulesTest.ORDER, OrderRulesTest.T0);
        ShopifyOrderSnapshot requested = atService("SUBMITTED");
        row.apply(requested, OrderRulesTest.DEFAULTS, plan(requested, Set.of(SERVICE)), T1, "fulfillment request");
        assertFalse(row.cancellationRequested(T1), "not accepted by the WMS yet: nothing to ask");
        row.enterFeed(7);
        row.acknowledge(7, T1);
        assertEquals(OrderState.ACCEPTED, row.state());

        assertTrue(row.cancellationRequested(T1));
        assertFalse(row.cancellationRequested(T1), "the same request again is no news");
        row.enterFeedAsCancellationRequest(9);
        assertEquals(FeedKind.CANCELLATION_REQUEST, row.feedKind());
        assertEquals(ImportedOrder.Ack.DONE, row.acknowledge(9, T1));
        assertEquals(OrderState.ACCEPTED, row.state(), "an acknowledgement only says the WMS saw it");

        assertTrue(row.cancellationAnswered(false, "Already packed", T1));
        assertEquals(OrderState.ACCEPTED, row.state(), "refused: the WMS carries on");
        assertFalse(row.cancellationAnswered(true, "again", T1), "no request open any more");

        assertTrue(row.cancellationRequested(T1), "a new request");
        row.enterFeedAsCancellationRequest(11);
        assertTrue(row.cancellationAnswered(true, "Nothing picked", T1));
        assertEquals(OrderState.CANCELLED, row.state());
        assertFalse(row.feedPending(), "answered: out of the feed");
        assertTrue(row.lines().isEmpty());
    }

    @Test
    void aFulfillmentOrderKeepsItsRequestStatusAndAMerchantsOneIsUnsubmitted() {
        ShopifyOrderSnapshot.FulfillmentOrder merchants =
                new ShopifyOrderSnapshot.FulfillmentOrder("fo", "OPEN", OrderRulesTest.MAIN, List.of());
        assertEquals("UNSUBMITTED", merchants.requestStatus());
        assertFalse(merchants.requestedOfService());
    }
}
