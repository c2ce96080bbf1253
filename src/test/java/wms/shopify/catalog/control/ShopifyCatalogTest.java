package wms.shopify.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import wms.shopify.catalog.entity.ShopifyVariant;

/** A variant node of the ProductVariants answer read into what the sync needs, nulls included. */
class ShopifyCatalogTest {

    private static JsonObject node(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void aFullNodeIsReadWithItsStockedFlagFromTheLocations() {
        ShopifyVariant variant = ShopifyCatalog.variant(node("{\"id\":\"gid://shopify/ProductVariant/1\","
                + "\"title\":\"M\",\"sku\":\"SH-M\",\"barcode\":\"123\",\"product\":{\"title\":\"Shirt\"},"
                + "\"inventoryItem\":{\"id\":\"gid://shopify/InventoryItem/9\",\"tracked\":true}}"),
                "gid://shopify/InventoryItem/9"::equals);
        assertEquals(new ShopifyVariant("gid://shopify/ProductVariant/1", "gid://shopify/InventoryItem/9", "Shirt",
                "M", "SH-M", "123", true, true), variant);
    }

    @Test
    void nullSkuBarcodeAndAnUnstockedUntrackedItemAreReadAsSuch() {
        ShopifyVariant variant = ShopifyCatalog.variant(node("{\"id\":\"gid://shopify/ProductVariant/2\","
                + "\"title\":\"Default Title\",\"sku\":null,\"barcode\":null,\"product\":{\"title\":\"Mug\"},"
                + "\"inventoryItem\":{\"id\":\"gid://shopify/InventoryItem/8\",\"tracked\":false}}"), item -> false);
        assertNull(variant.sku());
        assertNull(variant.barcode());
        assertFalse(variant.tracked());
        assertFalse(variant.stockedAtMappedLocations());
        assertTrue(variant.productTitle().equals("Mug"));
    }

    @Test
    void filtersAreReadFromLinksAndAnythingElseShowsAll() {
        assertEquals(Mappings.Filter.AMBIGUOUS, Mappings.Filter.of("ambiguous"));
        assertEquals(Mappings.Filter.ALL, Mappings.Filter.of("drop table"));
        assertEquals(Mappings.Filter.ALL, Mappings.Filter.of(null));
    }
}
