package wms.shopify.stores.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import wms.shopify.adminapi.entity.ShopDomain;
import wms.shopify.warehouses.entity.Warehouse;

/** A location another app's fulfillment service operates (a 3PL's) is never mapped to a warehouse. */
class AnotherAppsLocationTest {

    static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    private static StoreLocation location(String name) {
        Store store = new Store(
                new ShopDomain("acme.myshopify.com"),
                new SealedTokens("v1:a", T0.plusSeconds(3600), "v1:refresh", null, "read_orders"),
                T0,
                "admin");
        return new StoreLocation(store, "gid://shopify/Location/7", name, true);
    }

    @Test
    void mappingAnotherAppsLocationIsRefusedWithItsNameAndChangesNothing() {
        StoreLocation threePl = location("ShipFast");
        threePl.operatedBy("shipfast", "ShipFast");
        assertTrue(threePl.isAnotherAppsService());
        assertEquals("fulfilled by ShipFast (another app)", threePl.anotherAppNote());
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> threePl.mapTo(new Warehouse("WH-1", "Main", true, T0), null));
        assertTrue(
                refused.getMessage().startsWith("ShipFast is fulfilled by ShipFast (another app)"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("cannot be mapped to a warehouse"), refused.getMessage());
        assertNull(threePl.warehouse());
        threePl.mapTo(null, null); // leaving it unmapped is fine
    }

    @Test
    void aMappedLocationThatTurnsOutToBeAnotherAppsLosesItsWarehouse() {
        StoreLocation location = location("Annex");
        location.mapTo(new Warehouse("WH-1", "Main", true, T0), null);
        assertFalse(location.operatedBy(null, null), "a merchant-managed location keeps its mapping");
        assertEquals("WH-1", location.warehouse().code());
        assertTrue(location.operatedBy("shipfast", "ShipFast"));
        assertNull(location.warehouse());
        assertEquals("fulfilled by ShipFast (another app)", location.anotherAppNote());
    }
}
