package wms.shopify.orders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of an order's life: filters, mapping and holds, feed, acknowledgement, cancellation, demand. */
class OrderRulesTest {

    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    static final String ORDER = "gid://shopify/Order/1";
    static final String MAIN = "gid://shopify/Location/10";
    static final String OUTLET = "gid://shopify/Location/11";
    static final OrderFilters DEFAULTS =
            new OrderFilters(Set.of("open"), Set.of("paid"), Set.of("unfulfilled", "partially_fulfilled"), false);
    static final Map<String, OrderPlan.MappedVariant> MAPPED = Map.of(
            "gid://shopify/ProductVariant/1",
                    new OrderPlan.MappedVariant("W-SHIRT", true, "gid://shopify/InventoryItem/1"),
            "gid://shopify/ProductVariant/2",
                    new OrderPlan.MappedVariant("W-MUG", true, "gid://shopify/InventoryItem/2"));
    static final Map<String, OrderPlan.Destination> LOCATIONS = Map.of(
            MAIN, new OrderPlan.Destination(MAIN, "WH-MAIN", "PARCEL"),
            OUTLET, new OrderPlan.Destination(OUTLET, "WH-OUT", null));

    static ShopifyOrderSnapshot order(
            Instant updated,
            String financial,
            String fulfillment,
            boolean test,
            Instant cancelled,
            String location,
            int shirts,
            int mugs) {
        List<ShopifyOrderSnapshot.Line> lines = List.of(
                new ShopifyOrderSnapshot.Line(
                        "gid://shopify/LineItem/1",
                        "gid://shopify/ProductVariant/1",
                        "gid://shopify/InventoryItem/1",
                        "SHIRT",
                        "Shirt",
                        shirts,
                        shirts,
                        true,
                        shirts,
                        null),
                new ShopifyOrderSnapshot.Line(
                        "gid://shopify/LineItem/2",
                        "gid://shopify/ProductVariant/2",
                        "gid://shopify/InventoryItem/2",
                        "MUG",
                        "Mug",
                        mugs,
                        mugs,
                        true,
                        mugs,
                        null));
        List<ShopifyOrderSnapshot.FulfillmentOrder> fos = List.of(new ShopifyOrderSnapshot.FulfillmentOrder(
                "gid://shopify/FulfillmentOrder/1",
                cancelled == null ? "OPEN" : "CLOSED",
                location,
                List.of(
                        new ShopifyOrderSnapshot.FulfillmentLine(
                                "gid://shopify/LineItem/1", "gid://shopify/InventoryItem/1", shirts),
                        new ShopifyOrderSnapshot.FulfillmentLine(
                                "gid://shopify/LineItem/2", "gid://shopify/InventoryItem/2", mugs))));
        return new ShopifyOrderSnapshot(
                ORDER,
                "#1001",
                T0,
                updated,
                test,
                cancelled != null,
                cancelled,
                financial,
                fulfillment,
                "bob@example.com",
                null,
                "Leave at the door",
                new ShopifyOrderSnapshot.ShipTo(
                        "Bob", null, "Chestnut 1", null, "Louisville", "Kentucky", "KY", "40202", "US", "+1 502"),
                "Standard",
                "STANDARD",
                lines,
                fos,
                true,
                java.util.Set.of());
    }

    static ShopifyOrderSnapshot paid(Instant updated) {
        return order(updated, "paid", "unfulfilled", false, null, MAIN, 2, 1);
    }

    static ImportedOrder.Change apply(
            ImportedOrder row, ShopifyOrderSnapshot order, Map<String, OrderPlan.MappedVariant> variants) {
        return row.apply(
                order,
                DEFAULTS,
                OrderPlan.of(order, variants, LOCATIONS, LOCATIONS.get(OUTLET)),
                order.updatedAt(),
                "test");
    }

    @Test
    void aPaidOrderOfMappedLinesGoesToTheFeedFromItsLocationsWarehouse() {
        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        assertEquals(ImportedOrder.Change.TO_FEED, apply(row, paid(T0), MAPPED));
        row.enterFeed(5);
        assertEquals(OrderState.READY, row.state());
        assertEquals("WH-MAIN", row.warehouseCode());
        assertEquals("PARCEL", row.shippingProcessCode());
        assertEquals(
                List.of("W-SHIRT", "W-MUG"),
                row.lines().stream().map(OrderLine::productCode).toList());
        assertEquals("Chestnut 1", row.shipAddress1());
        assertEquals("Standard", row.shippingMethod());
        assertEquals("Leave at the door", row.note());
        assertEquals(
                List.of(
                        new OrderDemand.Line("gid://shopify/InventoryItem/1", MAIN, 2),
                        new OrderDemand.Line("gid://shopify/InventoryItem/2", MAIN, 1)),
                row.demand());
        assertEquals(ImportedOrder.Change.NONE, apply(row, paid(T0), MAPPED), "a duplicate changes nothing");
    }

    @Test
    void anUnmappedLocationShipsFromTheDefaultLocation() {
        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        ShopifyOrderSnapshot order = order(T0, "paid", "unfulfilled", false, null, "gid://shopify/Location/99", 1, 1);
        apply(row, order, MAPPED);
        assertEquals("WH-OUT", row.warehouseCode());
        assertEquals("gid://shopify/Location/99", row.lines().get(0).locationId(), "demand stays where Shopify has it");
    }

    @Test
    void eachFilterDimensionRefusesAndALaterUpdateIsDecidedAgain() {
        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        assertEquals(
                ImportedOrder.Change.FILTERED,
                apply(row, order(T0, "pending", "unfulfilled", false, null, MAIN, 1, 1), MAPPED));
        assertTrue(row.stateNote().contains("financial status pending"), row.stateNote());
        assertEquals(2, row.demand().size(), "filtered out but open: Shopify committed its units, they are demand");
        assertEquals(
                ImportedOrder.Change.FILTERED,
                apply(row, order(T0.plusSeconds(1), "paid", "unfulfilled", true, null, MAIN, 1, 1), MAPPED));
        assertTrue(row.stateNote().contains("test order"), row.stateNote());
        assertEquals(
                ImportedOrder.Change.FILTERED,
                apply(row, order(T0.plusSeconds(2), "paid", "fulfilled", false, null, MAIN, 1, 1), MAPPED));
        assertTrue(row.stateNote().contains("fulfillment status fulfilled"), row.stateNote());
        ShopifyOrderSnapshot closed = new ShopifyOrderSnapshot(
                ORDER,
                "#1001",
                T0,
                T0.plusSeconds(3),
                false,
                true,
                null,
                "paid",
                "unfulfilled",
                null,
                null,
                null,
                null,
                null,
                null,
                paid(T0).lines(),
                paid(T0).fulfillmentOrders(),
                true,
                java.util.Set.of());
        assertEquals(ImportedOrder.Change.FILTERED, apply(row, closed, MAPPED));
        assertTrue(row.stateNote().contains("order status closed"), row.stateNote());
        assertEquals(ImportedOrder.Change.TO_FEED, apply(row, paid(T0.plusSeconds(4)), MAPPED), "paid later: imported");
    }

    @Test
    void emptyFiltersLetEverythingThrough() {
        OrderFilters any = new OrderFilters(Set.of(), Set.of(), Set.of(), true);
        assertTrue(any.refusal(order(T0, "pending", "fulfilled", true, null, MAIN, 1, 1))
                .isEmpty());
    }

    @Test
    void anUnmappedLineHoldsTheOrderWithAReasonUntilReleasedAfterMapping() {
        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        Map<String, OrderPlan.MappedVariant> shirtOnly =
                Map.of("gid://shopify/ProductVariant/1", MAPPED.get("gid://shopify/ProductVariant/1"));
        assertEquals(ImportedOrder.Change.HELD, apply(row, paid(T0), shirtOnly));
        assertEquals(HoldReason.UNMAPPED_LINE, row.holdReason());
        assertTrue(row.stateNote().contains("Mug (SKU MUG)"), row.stateNote());
        assertEquals(2, row.demand().size(), "held: Shopify committed the units, the WMS has not");
        assertEquals(ImportedOrder.Change.TO_FEED, apply(row, paid(T0), MAPPED), "released after mapping");
        assertNull(row.holdReason());
    }

    @Test
    void anInactiveProductOrNoWarehouseHoldsToo() {
        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        Map<String, OrderPlan.MappedVariant> inactive = Map.of(
                "gid://shopify/ProductVariant/1",
                new OrderPlan.MappedVariant("W-SHIRT", false, null),
                "gid://shopify/ProductVariant/2",
                MAPPED.get("gid://shopify/ProductVariant/2"));
        apply(row, paid(T0), inactive);
        assertEquals(HoldReason.INACTIVE_PRODUCT, row.holdReason());
        ShopifyOrderSnapshot order = order(T0, "paid", "unfulfilled", false, null, "gid://shopify/Location/99", 1, 1);
        ImportedOrder other = ImportedOrder.forTest(ORDER, T0);
        other.apply(order, DEFAULTS, OrderPlan.of(order, MAPPED, LOCATIONS, null), T0, "test");
        assertEquals(HoldReason.NO_WAREHOUSE, other.holdReason());
    }

    @Test
    void anOlderReadIsIgnored() {
        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        apply(row, paid(T0.plusSeconds(10)), MAPPED);
        assertEquals(
                ImportedOrder.Change.STALE,
                apply(row, order(T0, "pending", "unfulfilled", false, null, MAIN, 1, 1), MAPPED));
        assertEquals(OrderState.READY, row.state());
    }

    @Test
    void theWmsAcknowledgesARevisionAndTheDemandEnds() {
        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        apply(row, paid(T0), MAPPED);
        row.enterFeed(5);
        apply(row, order(T0.plusSeconds(1), "paid", "unfulfilled", false, null, MAIN, 3, 1), MAPPED);
        row.enterFeed(9);
        assertEquals(ImportedOrder.Ack.OUTDATED, row.acknowledge(5, T0), "the order changed since revision 5");
        assertEquals(ImportedOrder.Ack.DONE, row.acknowledge(9, T0));
        assertEquals(ImportedOrder.Ack.ALREADY, row.acknowledge(9, T0));
        assertEquals(OrderState.ACCEPTED, row.state());
        assertEquals(List.of(), row.demand());
        assertEquals(
                ImportedOrder.Change.NONE,
                apply(row, order(T0.plusSeconds(2), "paid", "unfulfilled", false, null, MAIN, 3, 1), MAPPED),
                "once accepted, the same order again changes nothing");
        assertEquals(
                ImportedOrder.Change.CHANGE_TO_FEED,
                apply(row, order(T0.plusSeconds(3), "paid", "unfulfilled", false, null, MAIN, 4, 1), MAPPED),
                "an edit after acceptance is a change entry (ChangeRulesTest)");
    }

    @Test
    void aCancellationBeforeShippingCancelsAndGoesToTheFeedAfterShippingItIsOnlyReported() {
        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        apply(row, paid(T0), MAPPED);
        row.enterFeed(5);
        row.acknowledge(5, T0);
        assertEquals(
                ImportedOrder.Change.CANCELLATION_TO_FEED,
                apply(
                        row,
                        order(T0.plusSeconds(1), "paid", "unfulfilled", false, T0.plusSeconds(1), MAIN, 2, 1),
                        MAPPED));
        row.enterFeed(6);
        assertEquals(FeedKind.CANCELLATION, row.feedKind());
        assertEquals(OrderState.CANCELLED, row.state());

        ImportedOrder shipped = ImportedOrder.forTest(ORDER, T0);
        apply(shipped, paid(T0), MAPPED);
        shipped.enterFeed(7);
        shipped.acknowledge(7, T0);
        assertEquals(
                ImportedOrder.Change.CANCELLATION_REPORTED,
                apply(
                        shipped,
                        order(T0.plusSeconds(1), "paid", "partially_fulfilled", false, T0.plusSeconds(1), MAIN, 1, 1),
                        MAPPED));
        assertEquals(OrderState.ACCEPTED, shipped.state());
        assertTrue(shipped.cancelNote().contains("not applied"));

        ImportedOrder neverSent = ImportedOrder.forTest(ORDER, T0);
        assertEquals(
                ImportedOrder.Change.CANCELLED,
                apply(neverSent, order(T0, "pending", "unfulfilled", false, T0, MAIN, 1, 1), MAPPED));
        assertEquals(List.of(), neverSent.demand());
    }

    @Test
    void redactionErasesTheCustomerButNotTheGoods() {
        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        apply(row, paid(T0), MAPPED);
        assertTrue(row.redact(T0));
        assertNull(row.shipName());
        assertNull(row.contactEmail());
        assertNull(row.note());
        assertEquals(2, row.lines().size());
        apply(row, paid(T0.plusSeconds(1)), MAPPED);
        assertNull(row.shipAddress1(), "a later read does not bring it back");
    }

    @Test
    void aDataRequestIsToldWhichPersonalFieldsAnOrderHoldsAndNothingOnceRedacted() {
        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        assertEquals(List.of(), row.personalData(), "nothing imported yet");
        apply(row, paid(T0), MAPPED);
        assertEquals(List.of("name", "shipping address", "e-mail", "phone", "note"), row.personalData());
        assertTrue(row.redact(T0));
        assertEquals(List.of(), row.personalData());
    }

    @Test
    void shopifysAnswerIsRead() {
        String json = """
                {"id":"gid://shopify/Order/7","name":"#1007","createdAt":"2026-11-01T10:00:00Z",
                 "updatedAt":"2026-11-01T10:05:00Z","test":false,"closed":false,"cancelledAt":null,
                 "displayFinancialStatus":"PAID","displayFulfillmentStatus":"UNFULFILLED","email":"a@b.c","phone":null,
                 "note":null,"shippingAddress":{"name":"Bob","company":null,"address1":"A 1","address2":"",
                 "city":"L","province":"K","provinceCode":"KY","zip":"1","countryCodeV2":"US","phone":null},
                 "shippingLine":{"title":"Standard","code":"STD","carrierIdentifier":null},
                 "lineItems":{"nodes":[{"id":"gid://shopify/LineItem/1","sku":"S","name":"Shirt","quantity":2,
                   "unfulfilledQuantity":2,"requiresShipping":true,
                   "variant":{"id":"gid://shopify/ProductVariant/1","inventoryItem":{"id":"gid://shopify/InventoryItem/1"}}}]},
                 "fulfillmentOrders":{"nodes":[{"id":"gid://shopify/FulfillmentOrder/1","status":"OPEN",
                   "assignedLocation":{"location":{"id":"gid://shopify/Location/10"}},
                   "lineItems":{"nodes":[{"remainingQuantity":2,"inventoryItemId":"gid://shopify/InventoryItem/1",
                     "lineItem":{"id":"gid://shopify/LineItem/1"}}]}}]}}
                """;
        ShopifyOrderSnapshot order = ShopifyOrderSnapshot.from(
                Json.createReader(new StringReader(json)).readObject());
        assertEquals("paid", order.financialStatus());
        assertEquals("unfulfilled", order.fulfillmentStatus());
        assertEquals("open", order.orderStatus());
        assertEquals(MAIN, order.fulfillmentOrders().get(0).locationId());
        assertEquals("Standard", order.shippingMethod());
        assertEquals("KY", order.shipTo().provinceCode());
        OrderPlan plan = OrderPlan.of(
                order,
                Map.of(
                        "gid://shopify/ProductVariant/1",
                        new OrderPlan.MappedVariant("W", true, "gid://shopify/InventoryItem/1")),
                LOCATIONS,
                null);
        assertEquals("WH-MAIN", plan.destination().warehouseCode());
        assertEquals(2, plan.lines().get(0).quantity());
    }

    @Test
    void theComponentLinesOfABundleNameTheBundleBySkuElseTitleAndOtherLinesNone() {
        String json = """
                {"id":"gid://shopify/Order/9","name":"#1009","createdAt":"2026-11-01T10:00:00Z",
                 "updatedAt":"2026-11-01T10:05:00Z","displayFinancialStatus":"PAID",
                 "displayFulfillmentStatus":"UNFULFILLED",
                 "lineItems":{"nodes":[
                  {"id":"gid://shopify/LineItem/1","sku":"S","name":"Shirt","quantity":2,"unfulfilledQuantity":2,
                   "requiresShipping":true,"lineItemGroup":{"title":"Gift set","variantSku":"GIFT"},
                   "variant":{"id":"gid://shopify/ProductVariant/1","inventoryItem":{"id":"gid://shopify/InventoryItem/1"}}},
                  {"id":"gid://shopify/LineItem/2","sku":"M","name":"Mug","quantity":1,"unfulfilledQuantity":1,
                   "requiresShipping":true,"lineItemGroup":{"title":"Mug set","variantSku":null},
                   "variant":{"id":"gid://shopify/ProductVariant/2","inventoryItem":{"id":"gid://shopify/InventoryItem/2"}}},
                  {"id":"gid://shopify/LineItem/3","sku":"S","name":"Shirt","quantity":1,"unfulfilledQuantity":1,
                   "requiresShipping":true,"lineItemGroup":null,
                   "variant":{"id":"gid://shopify/ProductVariant/1","inventoryItem":{"id":"gid://shopify/InventoryItem/1"}}}]},
                 "fulfillmentOrders":{"nodes":[{"id":"gid://shopify/FulfillmentOrder/1","status":"OPEN",
                   "assignedLocation":{"location":{"id":"gid://shopify/Location/10"}},
                   "lineItems":{"nodes":[
                    {"remainingQuantity":2,"inventoryItemId":"gid://shopify/InventoryItem/1",
                     "lineItem":{"id":"gid://shopify/LineItem/1"}},
                    {"remainingQuantity":1,"inventoryItemId":"gid://shopify/InventoryItem/2",
                     "lineItem":{"id":"gid://shopify/LineItem/2"}},
                    {"remainingQuantity":1,"inventoryItemId":"gid://shopify/InventoryItem/1",
                     "lineItem":{"id":"gid://shopify/LineItem/3"}}]}}]}}
                """;
        ShopifyOrderSnapshot order = ShopifyOrderSnapshot.from(
                Json.createReader(new StringReader(json)).readObject());
        OrderPlan plan = OrderPlan.of(order, MAPPED, LOCATIONS, null);
        assertEquals(
                List.of("W-SHIRT x2 GIFT", "W-MUG x1 Mug set", "W-SHIRT x1 null"),
                plan.lines().stream()
                        .map(l -> l.productCode() + " x" + l.quantity() + " " + l.bundle())
                        .toList());
    }

    @Test
    void anOrderStillLargerThanTheMostOneReadHoldsIsHeldWithWhyAndWhatToDo() {
        // ShopifyOrders leaves hasNextPage true only where it stopped at the bound (2500 lines, 50 fulfillment orders).
        String json = """
                {"id":"gid://shopify/Order/8","name":"#1008","createdAt":"2026-11-01T10:00:00Z",
                 "updatedAt":"2026-11-01T10:05:00Z","displayFinancialStatus":"PAID",
                 "displayFulfillmentStatus":"UNFULFILLED",
                 "lineItems":{"pageInfo":{"hasNextPage":true},"nodes":[{"id":"gid://shopify/LineItem/1","sku":"S",
                   "name":"Shirt","quantity":2,"unfulfilledQuantity":2,"requiresShipping":true,
                   "variant":{"id":"gid://shopify/ProductVariant/1","inventoryItem":{"id":"gid://shopify/InventoryItem/1"}}}]},
                 "fulfillmentOrders":{"pageInfo":{"hasNextPage":false},"nodes":[{"id":"gid://shopify/FulfillmentOrder/1",
                   "status":"OPEN","assignedLocation":{"location":{"id":"gid://shopify/Location/10"}},
                   "lineItems":{"pageInfo":{"hasNextPage":false},"nodes":[{"remainingQuantity":2,
                     "inventoryItemId":"gid://shopify/InventoryItem/1","lineItem":{"id":"gid://shopify/LineItem/1"}}]}}]}}
                """;
        ShopifyOrderSnapshot order = ShopifyOrderSnapshot.from(
                Json.createReader(new StringReader(json)).readObject());
        assertFalse(order.complete());
        OrderPlan plan = OrderPlan.of(
                order,
                Map.of(
                        "gid://shopify/ProductVariant/1",
                        new OrderPlan.MappedVariant("W", true, "gid://shopify/InventoryItem/1")),
                LOCATIONS,
                null);
        assertEquals(HoldReason.TOO_LARGE, plan.hold());
        assertTrue(plan.holdNote().contains("more than 2500 lines or 50 fulfillment orders"), plan.holdNote());
        assertTrue(plan.holdNote().contains("Ship it from Shopify's admin"), plan.holdNote());
    }
}
