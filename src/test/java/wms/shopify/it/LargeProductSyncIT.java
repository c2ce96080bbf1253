package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Product;
import wms.shopify.sandbox.Shop;

/**
 * Sync Products against a store whose one product has 2 048 variants, Shopify's limit since October 2025: every
 * variant is read and mapped, none twice, and the variant not stocked at the mapped location is reported, whether the
 * sync reads cursor pages of 250 or a Bulk Operation. Run alone it reads pages (bulk only from 5 000 variants); after
 * another test that started the connector with a lower PRODUCT_SYNC_BULK_FROM_VARIANTS it reads in bulk. It prints
 * which.
 */
class LargeProductSyncIT {

    private static final String DOMAIN = "large-product-sync.myshopify.com";

    @Test
    void everyVariantOfA2048VariantProductIsReadAndMapped() throws Exception {
        SandboxConnector connector = SandboxConnector.get(List.of("PRODUCT_SYNC_BULK_FROM_VARIANTS=5000"));
        Shop shop = connector.sandbox().createShop(DOMAIN, Plan.STANDARD);
        Location main = shop.addLocation("Poster store");
        List<String> skus = IntStream.range(0, Product.MAX_VARIANTS)
                .mapToObj(i -> String.format("POSTER-%04d", i))
                .toList();
        shop.addProduct("Poster", skus.toArray(String[]::new));
        // All but the last are stocked at the mapped location.
        skus.subList(0, skus.size() - 1).forEach(sku -> shop.stock(sku, main, 2));
        WmsFixture wms = new WmsFixture(connector, "large-product-sync-it");
        wms.install(shop, main, "POSTER-WH");
        wms.registerProducts(skus);

        JsonObject result = wms.syncProducts(DOMAIN);

        assertEquals("succeeded", result.getString("state"), result.toString());
        assertEquals(2048, result.getInt("variantsRead"), result.toString());
        assertEquals(2048, result.getInt("matched"), result.toString());
        assertEquals(0, result.getInt("unmapped") + result.getInt("ambiguous"), result.toString());
        assertEquals(1, result.getInt("problems"), "the one not stocked at the mapped location: " + result);
        try (Connection db = connector.jdbc();
                ResultSet rows = db.createStatement()
                        .executeQuery("select count(*), "
                                + "count(distinct v.sku), count(*) filter (where not v.stocked_at_mapped), "
                                + "count(*) filter (where p.code = 'W-' || v.sku) from store_variant v join store s "
                                + "on s.id = v.store_id left join wms_product p on p.id = v.product_id where s.domain = '"
                                + DOMAIN
                                + "'")) {
            rows.next();
            assertEquals(2048, rows.getInt(1), "one row per variant");
            assertEquals(2048, rows.getInt(2), "none twice");
            assertEquals(1, rows.getInt(3), "POSTER-2047 is stocked elsewhere only");
            assertEquals(2048, rows.getInt(4), "each mapped to its own WMS product");
        }
        System.out.println("Sync Products read the 2048-variant store through "
                + shop.journal().requests().stream()
                        .filter(r -> "ProductVariants".equals(r.operationName()))
                        .count()
                + " ProductVariants pages and "
                + shop.journal().requests().stream()
                        .filter(r -> "BulkVariants".equals(r.operationName()))
                        .count()
                + " Bulk Operations");
    }
}
