package wms.shopify.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.sandbox.AdminClient.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bundles as Shopify has them: a variant that requires components ({@code requiresComponents}, its
 * {@code productVariantComponents} with the units per bundle), whose stock Shopify computes from the components' at
 * each location (the whole bundles they make up), whose inventory writes Shopify refuses as
 * NON_MUTABLE_INVENTORY_ITEM (the code's description: "if the inventory item is a parent bundle") naming the entry
 * by its index, and which an order sells as its components: one line per component, grouped by
 * {@code lineItemGroup}, with fulfillment-order lines for the components.
 */
class BundlesTest {

    private static final String SET = "mutation Set($input: InventorySetQuantitiesInput!, $key: String!) { "
            + "inventorySetQuantities(input: $input) @idempotent(key: $key) { inventoryAdjustmentGroup { id } "
            + "userErrors { code field message } } }";
    private static final String ADJUST = "mutation Adjust($input: InventoryAdjustQuantitiesInput!, $key: String!) { "
            + "inventoryAdjustQuantities(input: $input) @idempotent(key: $key) { inventoryAdjustmentGroup { id } "
            + "userErrors { code field message } } }";

    private ShopifySandbox sandbox;
    private Shop shop;
    private Location warehouse;
    private Location popUp;
    private AdminClient admin;

    @BeforeEach
    void start() throws IOException {
        sandbox = ShopifySandbox.start(SandboxSettings.defaults());
        shop = sandbox.createShop("bundles.myshopify.com", Plan.STANDARD);
        warehouse = shop.addLocation("Main warehouse");
        popUp = shop.addLocation("Pop-up");
        shop.addProduct("Mug", "MUG");
        shop.addProduct("Coffee", "COFFEE");
        Map<String, Integer> units = new LinkedHashMap<>();
        units.put("MUG", 2);
        units.put("COFFEE", 3);
        shop.addBundle("Coffee gift set", "GIFT", units);
        shop.stock("MUG", warehouse, 9);
        shop.stock("COFFEE", warehouse, 10);
        shop.stock("MUG", popUp, 4);
        admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theVariantReadsAsABundleWithItsComponents() throws Exception {
        JsonNode variant = admin.graphQl(
                        "query V($id: ID!) { productVariant(id: $id) { sku requiresComponents "
                                + "product { hasVariantsThatRequiresComponents } "
                                + "productVariantComponents(first: 10) { nodes { quantity productVariant { sku } } } } }",
                        Map.of("id", shop.item("GIFT").variant().id()))
                .at("/data/productVariant");
        assertTrue(variant.get("requiresComponents").asBoolean(), variant.toString());
        assertTrue(variant.at("/product/hasVariantsThatRequiresComponents").asBoolean());
        List<String> components = new ArrayList<>();
        variant.at("/productVariantComponents/nodes")
                .forEach(c -> components.add(c.at("/productVariant/sku").asText() + "x"
                        + c.get("quantity").asInt()));
        assertEquals(List.of("MUGx2", "COFFEEx3"), components);
        JsonNode mug = admin.graphQl(
                        "query V($id: ID!) { productVariant(id: $id) { requiresComponents "
                                + "productVariantComponents(first: 10) { nodes { id } } } }",
                        Map.of("id", shop.item("MUG").variant().id()))
                .at("/data/productVariant");
        assertFalse(mug.get("requiresComponents").asBoolean());
        assertEquals(0, mug.at("/productVariantComponents/nodes").size());
    }

    @Test
    void itsStockIsTheWholeBundlesTheComponentsMakeUpWhereAllAreStocked() throws Exception {
        // min(⌊9 ÷ 2⌋, ⌊10 ÷ 3⌋) = min(4, 3) = 3 at the warehouse; the pop-up has no coffee, so no bundle level.
        assertEquals(3, shop.quantity("GIFT", warehouse, "available"));
        assertEquals(0, shop.quantity("GIFT", popUp, "available"));
        JsonNode levels = admin.graphQl(
                        "query I($id: ID!) { inventoryItem(id: $id) { inventoryLevels(first: 10) { nodes { "
                                + "location { name } quantities(names: [\"available\"]) { quantity } } } } }",
                        Map.of("id", shop.item("GIFT").id()))
                .at("/data/inventoryItem/inventoryLevels/nodes");
        assertEquals(1, levels.size(), levels.toString());
        assertEquals("Main warehouse", levels.at("/0/location/name").asText());
        assertEquals(3, levels.at("/0/quantities/0/quantity").asInt());

        shop.stock("COFFEE", warehouse, 30); // now the mugs limit it: ⌊9 ÷ 2⌋ = 4
        assertEquals(4, shop.quantity("GIFT", warehouse, "available"));
        shop.stock("COFFEE", popUp, 3);
        assertEquals(1, shop.quantity("GIFT", popUp, "available"));
    }

    @Test
    void theSandboxRefusesToStockABundleByHand() {
        assertThrows(IllegalStateException.class, () -> shop.stock("GIFT", warehouse, 5));
    }

    @Test
    void aSetOfABundleParentIsRefusedNamingItsEntryAndChangesNothing() throws Exception {
        JsonNode answer = admin.graphQl(
                SET,
                Map.of(
                        "key",
                        "set-1",
                        "input",
                        input(
                                "name",
                                "available",
                                "reason",
                                "correction",
                                "quantities",
                                List.of(
                                        quantity("MUG", warehouse, 8, 9),
                                        quantity("GIFT", warehouse, 10, 3),
                                        quantity("COFFEE", warehouse, 11, 10)))));
        JsonNode errors = answer.at("/data/inventorySetQuantities/userErrors");
        assertEquals(1, errors.size(), answer.toString());
        assertEquals("NON_MUTABLE_INVENTORY_ITEM", errors.at("/0/code").asText());
        assertEquals(
                "[\"input\",\"quantities\",\"1\",\"inventoryItemId\"]",
                errors.at("/0/field").toString());
        assertEquals(
                "The specified inventory item is not allowed to be adjusted via API. "
                        + "Example: if the inventory item is a parent bundle.",
                errors.at("/0/message").asText());
        assertEquals(9, shop.quantity("MUG", warehouse, "available"), "one refused entry fails the whole call");
        assertEquals(3, shop.quantity("GIFT", warehouse, "available"));
    }

    @Test
    void anAdjustmentOfABundleParentIsRefusedToo() throws Exception {
        Map<String, Object> change = new LinkedHashMap<>(
                input("delta", 2, "inventoryItemId", shop.item("GIFT").id(), "locationId", warehouse.id()));
        change.put("changeFromQuantity", null);
        JsonNode answer = admin.graphQl(
                ADJUST,
                Map.of(
                        "key",
                        "adjust-1",
                        "input",
                        input("name", "available", "reason", "correction", "changes", List.of(change))));
        JsonNode errors = answer.at("/data/inventoryAdjustQuantities/userErrors");
        assertEquals("NON_MUTABLE_INVENTORY_ITEM", errors.at("/0/code").asText(), answer.toString());
        assertEquals(
                "[\"input\",\"changes\",\"0\",\"inventoryItemId\"]",
                errors.at("/0/field").toString());
    }

    @Test
    void anOrderOfABundleIsItsComponentsGroupedByTheBundle() throws Exception {
        Order order = shop.placeOrder(warehouse, true, Map.of("GIFT", 2));
        JsonNode read = admin.graphQl(
                        "query O($id: ID!) { order(id: $id) { lineItems(first: 10) { nodes { id sku quantity "
                                + "lineItemGroup { id title quantity variantSku variantId productId } } } "
                                + "fulfillmentOrders(first: 5) { nodes { lineItems(first: 10) { nodes { "
                                + "remainingQuantity lineItem { sku } } } } } } }",
                        Map.of("id", order.id()))
                .at("/data/order");
        JsonNode lines = read.at("/lineItems/nodes");
        assertEquals(2, lines.size(), read.toString());
        assertEquals("MUG", lines.at("/0/sku").asText());
        assertEquals(4, lines.at("/0/quantity").asInt());
        assertEquals("COFFEE", lines.at("/1/sku").asText());
        assertEquals(6, lines.at("/1/quantity").asInt());
        JsonNode group = lines.at("/0/lineItemGroup");
        assertEquals(group, lines.at("/1/lineItemGroup"), "both components name the one bundle bought");
        assertEquals("Coffee gift set", group.get("title").asText());
        assertEquals(2, group.get("quantity").asInt());
        assertEquals("GIFT", group.get("variantSku").asText());
        assertEquals(shop.item("GIFT").variant().id(), group.get("variantId").asText());
        assertTrue(group.get("id").asText().startsWith("gid://shopify/LineItemGroup/"));
        JsonNode foLines = read.at("/fulfillmentOrders/nodes/0/lineItems/nodes");
        assertEquals(List.of("MUG:4", "COFFEE:6"), List.of(describe(foLines.get(0)), describe(foLines.get(1))));
        // The components' units are committed; the bundle's stock follows them: min(⌊5 ÷ 2⌋, ⌊4 ÷ 3⌋) = 1.
        assertEquals(5, shop.quantity("MUG", warehouse, "available"));
        assertEquals(4, shop.quantity("MUG", warehouse, "committed"));
        assertEquals(4, shop.quantity("COFFEE", warehouse, "available"));
        assertEquals(1, shop.quantity("GIFT", warehouse, "available"));
    }

    @Test
    void aLineBoughtOnItsOwnHasNoGroup() throws Exception {
        Order order = shop.placeOrder(warehouse, true, Map.of("MUG", 1));
        JsonNode line = admin.graphQl(
                        "query O($id: ID!) { order(id: $id) { lineItems(first: 5) { nodes { sku lineItemGroup { id } } } } }",
                        Map.of("id", order.id()))
                .at("/data/order/lineItems/nodes/0");
        assertEquals("MUG", line.get("sku").asText());
        assertTrue(line.get("lineItemGroup").isNull(), line.toString());
    }

    private Map<String, Object> quantity(String sku, Location location, int quantity, Integer changeFrom) {
        Map<String, Object> entry = new LinkedHashMap<>(
                input("inventoryItemId", shop.item(sku).id(), "locationId", location.id(), "quantity", quantity));
        entry.put("changeFromQuantity", changeFrom);
        return entry;
    }

    private static String describe(JsonNode foLine) {
        return foLine.at("/lineItem/sku").asText() + ":"
                + foLine.get("remainingQuantity").asInt();
    }
}
