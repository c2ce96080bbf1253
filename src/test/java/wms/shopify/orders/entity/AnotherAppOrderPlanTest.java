package wms.shopify.orders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Orders Shopify split between the merchant's location and another app's fulfillment service location (a 3PL's):
 * the WMS gets only the merchant's part, the rest is listed as fulfilled by that app, and an order entirely at the
 * other app's location is not handed over (a decision with its reason, not a hold).
 */
class AnotherAppOrderPlanTest {

    static final String ORDER = "gid://shopify/Order/1";
    static final String MAIN = OrderRulesTest.MAIN;
    static final String THREE_PL = "gid://shopify/Location/99";
    static final Instant T0 = OrderRulesTest.T0;

    /** An order of 2 shirts and 1 mug whose fulfillment orders are as given. */
    static ShopifyOrderSnapshot order(Instant updated, List<ShopifyOrderSnapshot.FulfillmentOrder> fos) {
        List<ShopifyOrderSnapshot.Line> lines = List.of(
                new ShopifyOrderSnapshot.Line(
                        "gid://shopify/LineItem/1",
                        "gid://shopify/ProductVariant/1",
                        "gid://shopify/InventoryItem/1",
                        "SHIRT",
                        "Shirt",
                        2,
                        2,
                        true),
                new ShopifyOrderSnapshot.Line(
                        "gid://shopify/LineItem/2",
                        "gid://shopify/ProductVariant/2",
                        "gid://shopify/InventoryItem/2",
                        "MUG",
                        "Mug",
                        1,
                        1,
                        true));
        return new ShopifyOrderSnapshot(
                ORDER,
                "#1001",
                T0,
                updated,
                false,
                false,
                null,
                "paid",
                "unfulfilled",
                "bob@example.com",
                null,
                null,
                new ShopifyOrderSnapshot.ShipTo(
                        "Bob", null, "Chestnut 1", null, "Louisville", "Kentucky", "KY", "40202", "US", "+1 502"),
                "Standard",
                "STANDARD",
                lines,
                fos,
                true,
                java.util.Set.of());
    }

    static ShopifyOrderSnapshot.FulfillmentOrder at(String location, String handle, String service, String... lines) {
        List<ShopifyOrderSnapshot.FulfillmentLine> foLines = new ArrayList<>();
        for (String line : lines) {
            String n = line.substring(0, 1);
            int quantity = Integer.parseInt(line.substring(2));
            foLines.add(new ShopifyOrderSnapshot.FulfillmentLine(
                    "gid://shopify/LineItem/" + n, "gid://shopify/InventoryItem/" + n, quantity));
        }
        return new ShopifyOrderSnapshot.FulfillmentOrder(
                "gid://shopify/FulfillmentOrder/" + location.hashCode(),
                "OPEN",
                location,
                foLines,
                List.of(),
                handle,
                service);
    }

    static OrderPlan plan(ShopifyOrderSnapshot order, Map<String, OrderPlan.MappedVariant> variants) {
        return OrderPlan.of(order, variants, OrderRulesTest.LOCATIONS, OrderRulesTest.LOCATIONS.get(MAIN));
    }

    @Test
    void aSplitOrderHandsTheWmsOnlyItsOwnLinesAndListsTheOthers() {
        ShopifyOrderSnapshot order =
                order(T0, List.of(at(MAIN, null, null, "1:2"), at(THREE_PL, "shipfast", "ShipFast", "2:1")));
        OrderPlan plan = plan(order, OrderRulesTest.MAPPED);

        assertNull(plan.hold());
        assertEquals(1, plan.lines().size());
        assertEquals("W-SHIRT", plan.lines().get(0).productCode());
        assertEquals("WH-MAIN", plan.destination().warehouseCode());
        assertEquals(1, plan.anotherApps().size());
        AnotherAppLine theirs = plan.anotherApps().get(0);
        assertEquals("W-MUG", theirs.productCode());
        assertEquals(1, theirs.quantity());
        assertEquals(THREE_PL, theirs.locationId());
        assertEquals("fulfilled by ShipFast (another app)", theirs.fulfilledBy());
        assertFalse(plan.allAnotherApps());

        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        assertEquals(ImportedOrder.Change.TO_FEED, row.apply(order, OrderRulesTest.DEFAULTS, plan, T0, "test"));
        assertEquals(OrderState.READY, row.state());
        assertEquals(plan.anotherApps(), row.anotherAppLines());
        assertEquals(
                List.of(new OrderDemand.Line("gid://shopify/InventoryItem/1", MAIN, 2L)),
                row.demand(),
                "the WMS's demand is its own units; the other app's location is not one the WMS stocks");
    }

    @Test
    void theOtherAppsLocationNeverBecomesTheOrdersWarehouseEvenWhenItComesFirst() {
        ShopifyOrderSnapshot order =
                order(T0, List.of(at(THREE_PL, "shipfast", "ShipFast", "2:1"), at(MAIN, null, null, "1:2")));
        OrderPlan plan = plan(order, OrderRulesTest.MAPPED);
        assertEquals(MAIN, plan.destination().locationId());
        assertEquals(1, plan.lines().size());
    }

    @Test
    void anUnmappedVariantAtTheOtherAppsLocationDoesNotHoldTheOrder() {
        ShopifyOrderSnapshot order =
                order(T0, List.of(at(MAIN, null, null, "1:2"), at(THREE_PL, "shipfast", "ShipFast", "2:1")));
        OrderPlan plan = plan(
                order,
                Map.of(
                        "gid://shopify/ProductVariant/1",
                        new OrderPlan.MappedVariant("W-SHIRT", true, "gid://shopify/InventoryItem/1")));
        assertNull(plan.hold(), "the mug is the other app's: its mapping is not the WMS's concern");
        assertNull(plan.anotherApps().get(0).productCode());
    }

    @Test
    void anOrderEntirelyAtTheOtherAppsLocationIsNotHandedOverAndSaysWhy() {
        ShopifyOrderSnapshot order = order(T0, List.of(at(THREE_PL, "shipfast", "ShipFast", "1:2", "2:1")));
        OrderPlan plan = plan(order, OrderRulesTest.MAPPED);
        assertTrue(plan.allAnotherApps());
        assertNull(plan.hold(), "not a fault to fix");
        assertNull(plan.destination());

        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        assertEquals(ImportedOrder.Change.ANOTHER_APP, row.apply(order, OrderRulesTest.DEFAULTS, plan, T0, "test"));
        assertEquals(OrderState.ANOTHER_APP, row.state());
        assertNull(row.feedSeq());
        assertEquals("Not handed to the WMS: every unit is fulfilled by ShipFast (another app).", row.stateNote());
        assertTrue(row.lines().isEmpty());
        assertEquals(2, row.anotherAppLines().size());
        assertTrue(row.demand().isEmpty());

        // Read again unchanged: nothing new to say.
        ShopifyOrderSnapshot again = order(T0.plusSeconds(60), order.fulfillmentOrders());
        assertEquals(
                ImportedOrder.Change.NONE,
                row.apply(again, OrderRulesTest.DEFAULTS, plan(again, OrderRulesTest.MAPPED), T0, "test"));

        // The merchant moves it to their own location on Shopify: now it is the WMS's.
        ShopifyOrderSnapshot moved = order(T0.plusSeconds(120), List.of(at(MAIN, null, null, "1:2", "2:1")));
        assertEquals(
                ImportedOrder.Change.TO_FEED,
                row.apply(moved, OrderRulesTest.DEFAULTS, plan(moved, OrderRulesTest.MAPPED), T0, "test"));
        assertEquals(OrderState.READY, row.state());
        assertEquals(2, row.lines().size());
        assertTrue(row.anotherAppLines().isEmpty());
    }

    @Test
    void theFiltersComeFirst() {
        ShopifyOrderSnapshot order = order(T0, List.of(at(THREE_PL, "shipfast", "ShipFast", "1:2")));
        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        OrderFilters paidOnly = new OrderFilters(
                java.util.Set.of("open"), java.util.Set.of("pending"), java.util.Set.of("unfulfilled"), false);
        assertEquals(
                ImportedOrder.Change.FILTERED,
                row.apply(order, paidOnly, plan(order, OrderRulesTest.MAPPED), T0, "test"));
    }

    @Test
    void everyServiceLocationIsAnotherAppsForNowAndAMerchantLocationNever() {
        assertTrue(wms.shopify.stores.entity.StoreLocation.isAnotherAppsService(THREE_PL, "shipfast", Set.of()));
        assertFalse(wms.shopify.stores.entity.StoreLocation.isAnotherAppsService(MAIN, null, Set.of()));
        assertFalse(
                wms.shopify.stores.entity.StoreLocation.isAnotherAppsService(THREE_PL, "shipfast", Set.of(THREE_PL)),
                "the store's own fulfillment service (fulfillment-service mode) is the WMS's");
    }
}
