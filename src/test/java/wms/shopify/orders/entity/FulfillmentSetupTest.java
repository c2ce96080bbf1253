package wms.shopify.orders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The WMS's own service locations of a store, with one service for all warehouses or one per warehouse. */
class FulfillmentSetupTest {

    private static final WarehouseService EAST =
            new WarehouseService("WH-EAST", "gid://shopify/FulfillmentService/8", "gid://shopify/Location/91");
    private static final WarehouseService WEST =
            new WarehouseService("WH-WEST", "gid://shopify/FulfillmentService/9", "gid://shopify/Location/92");

    @Test
    void oneServiceForAllWarehousesHasItsOneLocation() {
        FulfillmentSetup one = new FulfillmentSetup(
                FulfillmentMode.FULFILLMENT_SERVICE, "gid://shopify/FulfillmentService/7", "gid://shopify/Location/88");
        assertEquals(FulfillmentScope.ONE_FOR_ALL, one.scope());
        assertEquals(Set.of("gid://shopify/Location/88"), one.locationIds());
        assertFalse(one.isPerWarehouse());
        assertThrows(
                IllegalArgumentException.class,
                () -> new FulfillmentSetup(FulfillmentMode.FULFILLMENT_SERVICE, null, null),
                "one service for all is recorded with its ids");
    }

    @Test
    void oneServicePerWarehouseHasEveryWarehousesLocation() {
        FulfillmentSetup perWarehouse = new FulfillmentSetup(
                FulfillmentMode.FULFILLMENT_SERVICE, null, null, FulfillmentScope.PER_WAREHOUSE, List.of(EAST, WEST));
        assertTrue(perWarehouse.isPerWarehouse());
        assertEquals(Set.of("gid://shopify/Location/91", "gid://shopify/Location/92"), perWarehouse.locationIds());
    }

    @Test
    void aServiceRegisteredBeforeASwitchFailedHalfwayIsStillTheWmss() {
        FulfillmentSetup halfway = FulfillmentSetup.MERCHANT_MANAGED.withWarehouseServices(List.of(EAST));
        assertFalse(halfway.isFulfillmentService());
        assertEquals(Set.of("gid://shopify/Location/91"), halfway.locationIds(), "its location is not another app's");
        assertEquals(Set.of(), FulfillmentSetup.MERCHANT_MANAGED.locationIds());
    }
}
