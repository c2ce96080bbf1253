package wms.shopify.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.normalized.ExecutableNormalizedOperation;
import graphql.parser.Parser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shopify's calculated query cost on sample queries, requested before execution and actual after it. */
class QueryCostTest {

    private static final AdminSchema SCHEMA = new AdminSchema(new BulkQueries(Runnable::run, op -> ""));
    private final QueryCost cost = new QueryCost(SCHEMA.schema());

    private ExecutableNormalizedOperation op(String query, Map<String, Object> variables) {
        return cost.normalize(Parser.parse(query), null, variables);
    }

    private int requested(String query) {
        return cost.requested(op(query, Map.of()));
    }

    @Test
    void scalarsAndEnumsAreFreeAnObjectCostsOne() {
        assertEquals(1, requested("{ shop { id name currencyCode } }"));
        assertEquals(2, requested("{ shop { name plan { publicDisplayName } } }"));
    }

    @Test
    void aConnectionCostsTwoPlusItsPageSizeTimesANode() {
        assertEquals(
                12,
                requested("{ products(first: 10) { edges { cursor node { id title } } pageInfo { hasNextPage } } }"));
        assertEquals(
                252,
                cost.requested(
                        op("query($n: Int) { productVariants(first: $n) { nodes { id sku } } }", Map.of("n", 250))));
        assertEquals(7, requested("{ locations(last: 5) { nodes { id name } } }"));
    }

    @Test
    void nestedConnectionsMultiplyThrough() {
        // per product: 1 + variants (2 + 5 x (1 variant + 1 inventoryItem)) = 13; 2 + 10 x 13
        assertEquals(
                132,
                requested("{ products(first: 10) { nodes { id variants(first: 5) { nodes { sku "
                        + "inventoryItem { id } } } } } }"));
        assertTrue(requested("{ products(first: 250) { nodes { variants(first: 250) { nodes { id } } } } }")
                > QueryCost.SINGLE_QUERY_LIMIT);
    }

    @Test
    void anInterfaceCostsItsMostExpensiveSelection() {
        assertEquals(
                6,
                requested("{ node(id: \"gid://shopify/Product/1\") { id ... on Product { title } "
                        + "... on InventoryItem { inventoryLevels(first: 3) { nodes { id } } } } }"));
    }

    @Test
    void aMutationCostsTenPlusItsPayloadSelection() {
        // 10 + inventoryAdjustmentGroup (1 + changes as one element (1 + item 1)) + userErrors as one element (1)
        assertEquals(
                14,
                requested("mutation { inventorySetQuantities(input: {name: \"available\", reason: "
                        + "\"correction\", quantities: []}) { inventoryAdjustmentGroup { id changes { delta item { id } } } "
                        + "userErrors { code } } }"));
        assertEquals(
                10,
                requested("mutation { returnClose(id: \"gid://shopify/Return/1\") { "
                                + "userErrors { field message } } }")
                        - 1);
    }

    @Test
    void nodesAreChargedPerIdAskedFor() {
        assertEquals(
                300,
                cost.requested(op(
                        "query($ids: [ID!]!) { nodes(ids: $ids) { ... on InventoryItem { id "
                                + "inventoryLevel(locationId: \"gid://shopify/Location/1\") { quantities(names: [\"available\"]) "
                                + "{ quantity } } } } }",
                        Map.of("ids", java.util.Collections.nCopies(100, "gid://shopify/InventoryItem/1")))));
    }

    @Test
    void theActualCostCountsWhatCameBack() {
        String query =
                "{ products(first: 10) { nodes { id variants(first: 5) { nodes { sku inventoryItem { id } } } } } }";
        Map<String, Object> variant = Map.of("sku", "A", "inventoryItem", Map.of("id", "i"));
        Map<String, Object> product = Map.of("id", "p", "variants", Map.of("nodes", List.of(variant)));
        Map<String, Object> data = Map.of("products", Map.of("nodes", List.of(product, product)));
        // 2 + 2 products x (1 + variants (2 + 1 x (1 + 1)))
        assertEquals(12, cost.actual(op(query, Map.of()), data));
        assertEquals(
                0, cost.actual(op("{ product(id: \"gid://shopify/Product/9\") { id } }", Map.of()), nullProduct()));
    }

    private static Map<String, Object> nullProduct() {
        Map<String, Object> data = new java.util.HashMap<>();
        data.put("product", null);
        return data;
    }
}
