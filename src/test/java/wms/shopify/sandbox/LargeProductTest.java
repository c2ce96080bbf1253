package wms.shopify.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A product of 2 048 variants, Shopify's limit since October 2025: the sandbox holds it, pages its variants connection
 * at most 250 at a time, to the last one, and refuses a page size above 250 and a product with more variants.
 */
class LargeProductTest {

    private static final String[] SKUS = IntStream.range(0, Product.MAX_VARIANTS)
            .mapToObj(i -> String.format("POSTER-%04d", i))
            .toArray(String[]::new);

    private ShopifySandbox sandbox;
    private Shop shop;
    private Product poster;
    private AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        sandbox = ShopifySandbox.start(SandboxSettings.defaults());
        // Plus: a bucket of 20 000 points holds the nine pages (253 each) without waiting for the restore.
        shop = sandbox.createShop("large-product.myshopify.com", Plan.PLUS);
        poster = shop.addProduct("Poster", SKUS);
        admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theVariantsOfOneProductComeInPagesOf250ToTheLast() throws Exception {
        String query = "query($id: ID!, $after: String) { product(id: $id) { "
                + "variants(first: 250, after: $after) { pageInfo { hasNextPage endCursor } nodes { sku } } } }";
        List<String> read = new ArrayList<>();
        String after = null;
        int pages = 0;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("id", poster.id());
            variables.put("after", after);
            JsonNode page = admin.graphQl(query, variables);
            assertFalse(page.has("errors"), page.toString());
            JsonNode variants = page.at("/data/product/variants");
            variants.get("nodes").forEach(n -> read.add(n.get("sku").asText()));
            assertTrue(variants.get("nodes").size() <= 250);
            more = variants.at("/pageInfo/hasNextPage").asBoolean();
            after = variants.at("/pageInfo/endCursor").asText();
            pages++;
        }
        assertEquals(9, pages, "8 full pages and one of 48");
        assertEquals(List.of(SKUS), read);
    }

    @Test
    void theStoresVariantsConnectionPagesThemTooAndNoPageIsLargerThan250() throws Exception {
        JsonNode last = admin.graphQl(
                "{ productVariants(last: 250, sortKey: ID) { nodes { sku } } " + "productVariantsCount { count } }",
                Map.of());
        assertEquals(
                "POSTER-2047", last.at("/data/productVariants/nodes/249/sku").asText(), last.toString());
        assertEquals(2048, last.at("/data/productVariantsCount/count").asInt());

        JsonNode tooLarge = admin.graphQl(
                "query($id: ID!) { product(id: $id) { variants(first: 251) { nodes { id } " + "} } }",
                Map.of("id", poster.id()));
        assertTrue(tooLarge.at("/errors/0/message").asText().contains("250"), tooLarge.toString());
    }

    @Test
    void aProductOfMoreThan2048VariantsCannotBeMade() {
        String[] more = IntStream.range(0, Product.MAX_VARIANTS + 1)
                .mapToObj(i -> "X-" + i)
                .toArray(String[]::new);
        assertThrows(IllegalArgumentException.class, () -> shop.addProduct("Too many", more));
    }
}
