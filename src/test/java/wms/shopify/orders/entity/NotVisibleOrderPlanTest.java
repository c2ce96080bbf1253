package wms.shopify.orders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.orders.entity.AnotherAppOrderPlanTest.MAIN;
import static wms.shopify.orders.entity.AnotherAppOrderPlanTest.ORDER;
import static wms.shopify.orders.entity.AnotherAppOrderPlanTest.T0;
import static wms.shopify.orders.entity.AnotherAppOrderPlanTest.at;
import static wms.shopify.orders.entity.AnotherAppOrderPlanTest.order;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A store whose token lacks {@code read_third_party_fulfillment_orders}: Shopify leaves another app's fulfillment
 * orders out of the order, so the units no visible fulfillment order covers are not the WMS's: they are kept apart as
 * "not visible to the connector", never handed over, and an order with nothing else is not the WMS's at all.
 */
class NotVisibleOrderPlanTest {

    private static OrderPlan plan(ShopifyOrderSnapshot order, boolean seesOtherApps) {
        return OrderPlan.of(
                order,
                OrderRulesTest.MAPPED,
                OrderRulesTest.LOCATIONS,
                OrderRulesTest.LOCATIONS.get(MAIN),
                Set.of(),
                seesOtherApps);
    }

    @Test
    void unitsNoVisibleFulfillmentOrderCoversAreKeptFromTheWms() {
        // 2 shirts at the merchant's location; the mug's fulfillment order is the other app's, hidden by Shopify.
        ShopifyOrderSnapshot order = order(T0, List.of(at(MAIN, null, null, "1:2")));
        OrderPlan plan = plan(order, false);

        assertNull(plan.hold());
        assertEquals(1, plan.lines().size());
        assertEquals("W-SHIRT", plan.lines().get(0).productCode());
        assertEquals(2, plan.lines().get(0).quantity());
        assertEquals(1, plan.anotherApps().size());
        AnotherAppLine hidden = plan.anotherApps().get(0);
        assertTrue(hidden.isNotVisible());
        assertEquals("W-MUG", hidden.productCode());
        assertEquals(1, hidden.quantity());
        assertNull(hidden.locationId());
        assertEquals(AnotherAppLine.NOT_VISIBLE, hidden.fulfilledBy());
        assertEquals(AnotherAppLine.NOT_VISIBLE, plan.anotherAppNote());
    }

    @Test
    void anOrderWhoseFulfillmentOrdersAreAllHiddenIsNotTheWmsAtAll() {
        OrderPlan plan = plan(order(T0, List.of()), false);
        assertTrue(plan.lines().isEmpty(), "the lines' own quantities are not handed over in their place");
        assertTrue(plan.allAnotherApps());
        assertEquals(2, plan.anotherApps().size());

        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        assertEquals(
                ImportedOrder.Change.ANOTHER_APP,
                row.apply(order(T0, List.of()), OrderRulesTest.DEFAULTS, plan, T0, "test"));
        assertEquals(OrderState.ANOTHER_APP, row.state());
        assertTrue(row.stateNote().contains("read_third_party_fulfillment_orders"), row.stateNote());
    }

    @Test
    void withTheScopeNothingIsLeftOutAndAnOrderWithoutFulfillmentOrdersShipsItsLines() {
        OrderPlan covered = plan(order(T0, List.of(at(MAIN, null, null, "1:2", "2:1"))), false);
        assertTrue(covered.anotherApps().isEmpty(), "every unit is covered by a visible fulfillment order");
        assertEquals(2, covered.lines().size());

        OrderPlan seeing = plan(order(T0, List.of()), true);
        assertTrue(seeing.anotherApps().isEmpty());
        assertEquals(2, seeing.lines().size(), "as before: Shopify gave no fulfillment orders, the lines ship");
    }
}
