package wms.shopify.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import wms.shopify.catalog.entity.ShopifyVariant;

/**
 * A variant node of the ProductVariants answer read into what the sync needs, nulls included; the lines of the
 * BulkVariants result (variants, each followed by its inventory levels) read into pages of variants.
 */
class ShopifyCatalogTest {

    private static JsonObject node(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void aFullNodeIsReadWithItsStockedFlagFromTheLocations() {
        ShopifyVariant variant = ShopifyCatalog.variant(
                node("{\"id\":\"gid://shopify/ProductVariant/1\","
                        + "\"title\":\"M\",\"sku\":\"SH-M\",\"barcode\":\"123\",\"product\":{\"title\":\"Shirt\"},"
                        + "\"inventoryItem\":{\"id\":\"gid://shopify/InventoryItem/9\",\"tracked\":true}}"),
                "gid://shopify/InventoryItem/9"::equals);
        assertEquals(
                new ShopifyVariant(
                        "gid://shopify/ProductVariant/1",
                        "gid://shopify/InventoryItem/9",
                        "Shirt",
                        "M",
                        "SH-M",
                        "123",
                        true,
                        true,
                        false),
                variant);
    }

    @Test
    void nullSkuBarcodeAndAnUnstockedUntrackedItemAreReadAsSuch() {
        ShopifyVariant variant = ShopifyCatalog.variant(
                node("{\"id\":\"gid://shopify/ProductVariant/2\","
                        + "\"title\":\"Default Title\",\"sku\":null,\"barcode\":null,\"product\":{\"title\":\"Mug\"},"
                        + "\"inventoryItem\":{\"id\":\"gid://shopify/InventoryItem/8\",\"tracked\":false}}"),
                item -> false);
        assertNull(variant.sku());
        assertNull(variant.barcode());
        assertFalse(variant.tracked());
        assertFalse(variant.stockedAtMappedLocations());
        assertTrue(variant.productTitle().equals("Mug"));
    }

    @Test
    void aVariantThatRequiresComponentsIsReadAsABundle() {
        ShopifyVariant variant = ShopifyCatalog.variant(
                node("{\"id\":\"gid://shopify/ProductVariant/3\",\"title\":\"Default Title\",\"sku\":\"GIFT\","
                        + "\"barcode\":null,\"requiresComponents\":true,\"product\":{\"title\":\"Gift set\"},"
                        + "\"inventoryItem\":{\"id\":\"gid://shopify/InventoryItem/7\",\"tracked\":true}}"),
                item -> true);
        assertTrue(variant.bundle());
        assertFalse(ShopifyCatalog.variant(
                        node("{\"id\":\"gid://shopify/ProductVariant/4\",\"requiresComponents\":false,"
                                + "\"inventoryItem\":null,\"product\":null}"),
                        item -> true)
                .bundle());
    }

    @Test
    void filtersAreReadFromLinksAndAnythingElseShowsAll() {
        assertEquals(Mappings.Filter.AMBIGUOUS, Mappings.Filter.of("ambiguous"));
        assertEquals(Mappings.Filter.ALL, Mappings.Filter.of("drop table"));
        assertEquals(Mappings.Filter.ALL, Mappings.Filter.of(null));
    }

    private static final String A = "gid://shopify/Location/1";
    private static final String B = "gid://shopify/Location/2";
    private static final String ELSEWHERE = "gid://shopify/Location/3";

    private static String variantLine(int n) {
        return "{\"id\":\"gid://shopify/ProductVariant/" + n + "\",\"title\":\"V\",\"sku\":\"S-" + n
                + "\",\"barcode\":null,\"product\":{\"title\":\"P\"},\"inventoryItem\":{\"id\":"
                + "\"gid://shopify/InventoryItem/" + n + "\",\"tracked\":true}}";
    }

    private static String levelLine(String parent, String location) {
        return "{\"location\":{\"id\":\"" + location + "\"},\"__parentId\":\"" + parent + "\"}";
    }

    @Test
    void bulkLinesTellWhichVariantsAreStockedAtEveryMappedLocation() {
        List<List<ShopifyVariant>> pages = new ArrayList<>();
        ShopifyCatalog.BulkLines lines = new ShopifyCatalog.BulkLines(Set.of(A, B), pages::add);
        lines.line(node(variantLine(1)));
        lines.line(node(levelLine("gid://shopify/ProductVariant/1", A)));
        lines.line(node(levelLine("gid://shopify/ProductVariant/1", ELSEWHERE)));
        lines.line(node(levelLine("gid://shopify/ProductVariant/1", B)));
        lines.line(node(variantLine(2)));
        lines.line(node(levelLine("gid://shopify/ProductVariant/2", A)));
        lines.line(node(levelLine("gid://shopify/ProductVariant/2", ELSEWHERE)));
        lines.line(node(variantLine(3)));
        // A parent given as the inventory item (the object the connection sits in) is read the same way.
        lines.line(node(levelLine("gid://shopify/InventoryItem/3", B)));
        lines.line(node(levelLine("gid://shopify/InventoryItem/3", A)));
        lines.line(node(variantLine(4)));
        lines.end();
        assertEquals(1, pages.size());
        assertEquals(
                List.of(true, false, true, false),
                pages.get(0).stream()
                        .map(ShopifyVariant::stockedAtMappedLocations)
                        .toList());
        assertEquals("S-3", pages.get(0).get(2).sku());
    }

    @Test
    void withNoMappedLocationEveryVariantCountsAsStockedAndPagesHold250() {
        List<List<ShopifyVariant>> pages = new ArrayList<>();
        ShopifyCatalog.BulkLines lines = new ShopifyCatalog.BulkLines(Set.of(), pages::add);
        for (int n = 1; n <= 251; n++) {
            lines.line(node(variantLine(n)));
        }
        assertEquals(1, pages.size(), "a page is handed on as soon as it is full");
        lines.end();
        assertEquals(List.of(250, 1), pages.stream().map(List::size).toList());
        assertTrue(pages.stream().flatMap(List::stream).allMatch(ShopifyVariant::stockedAtMappedLocations));
    }

    @Test
    void aLevelAwayFromItsVariantIsRefusedRatherThanCountedWrong() {
        ShopifyCatalog.BulkLines lines = new ShopifyCatalog.BulkLines(Set.of(A), page -> {});
        lines.line(node(variantLine(1)));
        lines.line(node(variantLine(2)));
        IllegalStateException refused = assertThrows(
                IllegalStateException.class, () -> lines.line(node(levelLine("gid://shopify/ProductVariant/1", A))));
        assertTrue(refused.getMessage().contains("not grouped"), refused.getMessage());
    }
}
