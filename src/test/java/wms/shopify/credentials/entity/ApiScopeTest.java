package wms.shopify.credentials.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import wms.shopify.credentials.control.ApiCredentials;

/** A credential's scope: full by default, read-only, limited to stores, kept in two columns and typed by an admin. */
class ApiScopeTest {

    @Test
    void withoutLimitsEveryStoreIsReached() {
        assertFalse(ApiScope.FULL.limitedToStores());
        assertTrue(ApiScope.FULL.reaches("any.myshopify.com"));
        assertEquals("read and write · every store", ApiScope.FULL.describe());
        assertNull(ApiScope.FULL.storesColumn());
        assertEquals(ApiScope.FULL, ApiScope.of(false, null, null));
        assertTrue(ApiScope.FULL.reachesWarehouse("WH-1"));
    }

    @Test
    void aStoreLimitReachesOnlyThoseStores() {
        ApiScope scope = new ApiScope(true, Set.of("b.myshopify.com", "a.myshopify.com"), Set.of());
        assertTrue(scope.reaches("a.myshopify.com"));
        assertTrue(scope.reaches(" A.myshopify.com"), "the path's spelling of the domain does not matter");
        assertFalse(scope.reaches("c.myshopify.com"));
        assertFalse(scope.reaches(null));
        assertEquals("read only · stores a.myshopify.com, b.myshopify.com", scope.describe());
        assertEquals("a.myshopify.com,b.myshopify.com", scope.storesColumn());
        assertEquals(scope, ApiScope.of(true, scope.storesColumn(), null), "kept and read back unchanged");
    }

    @Test
    void aWarehouseLimitReachesOnlyThoseWarehousesByTheirExactCode() {
        ApiScope scope = new ApiScope(false, Set.of(), Set.of("WH-2", "WH-1"));
        assertTrue(scope.limitedToWarehouses());
        assertTrue(scope.reachesWarehouse("WH-1"));
        assertFalse(scope.reachesWarehouse("wh-1"));
        assertFalse(scope.reachesWarehouse("WH-3"));
        assertEquals("read and write · every store · warehouses WH-1, WH-2", scope.describe());
        assertEquals(scope, ApiScope.of(false, null, scope.warehousesColumn()));
        assertEquals(Set.of("WH-1", "WH-2"), ApiCredentials.checkWarehouses("WH-1, WH-2 WH-1"));
        assertThrows(IllegalArgumentException.class, () -> ApiCredentials.checkWarehouses("WH-1,\u0000x"));
    }

    @Test
    void storesAreTypedAsShopDomainsAndAnythingElseIsNamed() {
        assertEquals(
                Set.of("a.myshopify.com", "b.myshopify.com"),
                ApiCredentials.checkStores(" A.myshopify.com,  b.myshopify.com "));
        assertEquals(Set.of(), ApiCredentials.checkStores("  "));
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> ApiCredentials.checkStores("a.myshopify.com, evil.example.com"));
        assertTrue(refused.getMessage().contains("evil.example.com"), refused.getMessage());
    }
}
