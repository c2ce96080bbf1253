package wms.shopify.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.sandbox.AdminClient.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The named quantities of an inventory level as Shopify keeps them, for the unavailable state {@code safety_stock}
 * (issue #18: a buffer shown on Shopify instead of hidden): {@code on_hand} = {@code available} + {@code committed} +
 * the unavailable states; only {@code inventoryAdjustQuantities} writes {@code safety_stock}, with a
 * {@code ledgerDocumentUri} (required for every name but {@code available}); {@code inventorySetQuantities} takes
 * only {@code available} and {@code on_hand}; an unknown name is refused; and one request may carry the
 * {@code available} write and the {@code safety_stock} write as two mutations, each with its own idempotency key,
 * replayed together without writing twice. The SDL of 2026-07 is the source of every rule and message.
 */
class InventoryStatesTest {

    private static final String SET = "inventorySetQuantities(input: $available) @idempotent(key: $availableKey) { "
            + "inventoryAdjustmentGroup { changes { name delta quantityAfterChange } } "
            + "userErrors { code field message } }";
    private static final String SAFETY = "inventoryAdjustQuantities(input: $safety) @idempotent(key: $safetyKey) { "
            + "inventoryAdjustmentGroup { changes { name delta quantityAfterChange ledgerDocumentUri } } "
            + "userErrors { code field message } }";

    private ShopifySandbox sandbox;
    private Shop shop;
    private Location warehouse;
    private AdminClient admin;

    @BeforeEach
    void start() throws IOException {
        sandbox = ShopifySandbox.start(SandboxSettings.defaults());
        shop = sandbox.createShop("states.myshopify.com", Plan.STANDARD);
        warehouse = shop.addLocation("Main warehouse");
        shop.addProduct("Mug", "MUG");
        shop.stock("MUG", warehouse, 10);
        admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void safetyStockIsWrittenWithALedgerDocumentAndIsPartOfOnHandNotAvailable() throws Exception {
        JsonNode answer = safety("k-1", "safety_stock", "gid://wms-shopify-connector/StockPush/1", 2);
        assertTrue(errors(answer, "inventoryAdjustQuantities").isEmpty(), answer.toString());
        JsonNode changes = answer.at("/data/inventoryAdjustQuantities/inventoryAdjustmentGroup/changes");
        assertEquals(List.of("safety_stock:2:2", "on_hand:2:12"), describe(changes));
        assertEquals(
                "gid://wms-shopify-connector/StockPush/1",
                changes.get(0).get("ledgerDocumentUri").asText());
        assertEquals(10, shop.quantity("MUG", warehouse, "available"));
        assertEquals(2, shop.quantity("MUG", warehouse, "safety_stock"));
        assertEquals(12, shop.quantity("MUG", warehouse, "on_hand"));

        // Lowered again (a smaller buffer): on_hand follows, available stays.
        safety("k-2", "safety_stock", "gid://wms-shopify-connector/StockPush/2", -1);
        assertEquals(1, shop.quantity("MUG", warehouse, "safety_stock"));
        assertEquals(11, shop.quantity("MUG", warehouse, "on_hand"));
        assertEquals(10, shop.quantity("MUG", warehouse, "available"));
    }

    @Test
    void aSafetyStockWriteWithoutLedgerDocumentOrWithAnUnknownNameChangesNothing() throws Exception {
        JsonNode noLedger = safety("k-1", "safety_stock", null, 2);
        assertEquals("INVALID_QUANTITY_DOCUMENT", firstCode(noLedger, "inventoryAdjustQuantities"));
        assertEquals(
                "A ledger document URI is required except when adjusting available.",
                errors(noLedger, "inventoryAdjustQuantities")
                        .get(0)
                        .get("message")
                        .asText());
        JsonNode shopifys = safety("k-2", "safety_stock", "gid://shopify/Order/1", 2);
        assertEquals("INTERNAL_LEDGER_DOCUMENT", firstCode(shopifys, "inventoryAdjustQuantities"));
        JsonNode unknown = safety("k-3", "safetystock", "gid://wms-shopify-connector/StockPush/1", 2);
        assertEquals("INVALID_QUANTITY_NAME", firstCode(unknown, "inventoryAdjustQuantities"));
        assertEquals(
                "[\"input\",\"name\"]",
                errors(unknown, "inventoryAdjustQuantities").get(0).get("field").toString());
        assertEquals(0, shop.quantity("MUG", warehouse, "safety_stock"));
        assertEquals(10, shop.quantity("MUG", warehouse, "on_hand"));
    }

    @Test
    void inventorySetQuantitiesRefusesTheSafetyStockName() throws Exception {
        JsonNode answer = admin.graphQl(
                "mutation Set($available: InventorySetQuantitiesInput!, $availableKey: String!) { " + SET + " }",
                Map.of("availableKey", "k-1", "available", setInput("safety_stock", 3, 0)));
        assertEquals("INVALID_NAME", firstCode(answer, "inventorySetQuantities"));
        assertEquals(
                "The quantity name must be either 'available' or 'on_hand'.",
                errors(answer, "inventorySetQuantities").get(0).get("message").asText());
        assertEquals(0, shop.quantity("MUG", warehouse, "safety_stock"));
    }

    @Test
    void oneRequestSetsAvailableAndAdjustsSafetyStockAndItsReplayWritesNothingTwice() throws Exception {
        String both = "mutation Push($available: InventorySetQuantitiesInput!, $availableKey: String!, "
                + "$safety: InventoryAdjustQuantitiesInput!, $safetyKey: String!) { " + SET + " " + SAFETY + " }";
        Map<String, Object> variables = Map.of(
                "availableKey",
                "push-7",
                "available",
                setInput("available", 8, 10),
                "safetyKey",
                "push-7:safety_stock",
                "safety",
                adjustInput("safety_stock", "gid://wms-shopify-connector/StockPush/7", 2));
        JsonNode first = admin.graphQl(both, variables);
        assertTrue(errors(first, "inventorySetQuantities").isEmpty(), first.toString());
        assertTrue(errors(first, "inventoryAdjustQuantities").isEmpty(), first.toString());
        assertEquals(8, shop.quantity("MUG", warehouse, "available"));
        assertEquals(2, shop.quantity("MUG", warehouse, "safety_stock"));
        assertEquals(10, shop.quantity("MUG", warehouse, "on_hand"), "the buffer's 2 units are on hand");

        JsonNode replay = admin.graphQl(both, variables);
        assertEquals(first.get("data"), replay.get("data"));
        assertEquals(8, shop.quantity("MUG", warehouse, "available"));
        assertEquals(2, shop.quantity("MUG", warehouse, "safety_stock"));
        assertEquals(
                List.of(
                        Journal.Outcome.APPLIED,
                        Journal.Outcome.APPLIED,
                        Journal.Outcome.REPLAYED,
                        Journal.Outcome.REPLAYED),
                shop.journal().mutations().stream()
                        .map(Journal.Mutation::outcome)
                        .toList());
    }

    private JsonNode safety(String key, String name, String ledger, int delta) throws Exception {
        return admin.graphQl(
                "mutation Safety($safety: InventoryAdjustQuantitiesInput!, $safetyKey: String!) { " + SAFETY + " }",
                Map.of("safetyKey", key, "safety", adjustInput(name, ledger, delta)));
    }

    private Map<String, Object> adjustInput(String name, String ledger, int delta) {
        Map<String, Object> change = input(
                "delta",
                delta,
                "inventoryItemId",
                shop.item("MUG").id(),
                "locationId",
                warehouse.id(),
                "changeFromQuantity",
                null);
        if (ledger != null) {
            change.put("ledgerDocumentUri", ledger);
        }
        return Map.of(
                "name",
                name,
                "reason",
                "safety_stock",
                "referenceDocumentUri",
                "gid://wms-shopify-connector/StockPush/1",
                "changes",
                List.of(change));
    }

    private Map<String, Object> setInput(String name, int quantity, int changeFrom) {
        return Map.of(
                "name",
                name,
                "reason",
                "correction",
                "referenceDocumentUri",
                "gid://wms-shopify-connector/StockPush/1",
                "quantities",
                List.of(input(
                        "inventoryItemId",
                        shop.item("MUG").id(),
                        "locationId",
                        warehouse.id(),
                        "quantity",
                        quantity,
                        "changeFromQuantity",
                        changeFrom)));
    }

    private static JsonNode errors(JsonNode answer, String mutation) {
        return answer.at("/data/" + mutation + "/userErrors");
    }

    private static String firstCode(JsonNode answer, String mutation) {
        return errors(answer, mutation).get(0).get("code").asText();
    }

    private static List<String> describe(JsonNode changes) {
        List<String> described = new ArrayList<>();
        changes.forEach(change -> described.add(
                change.get("name").asText() + ":" + change.get("delta").asInt() + ":"
                        + change.get("quantityAfterChange").asInt()));
        return described;
    }
}
