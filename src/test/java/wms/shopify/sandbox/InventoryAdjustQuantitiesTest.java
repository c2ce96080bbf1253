package wms.shopify.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.sandbox.AdminClient.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code inventoryAdjustQuantities} with the 2026-04+ rules: deltas move {@code on_hand} with the named quantity,
 * {@code changeFromQuantity} is mandatory on every {@code InventoryChangeInput} (null opts out, a stale value fails the
 * whole call), {@code @idempotent} keys replay instead of writing twice, untracked and unstocked items and input
 * arrays over 250 are refused, and the ledger-document rules hold. Messages are Shopify's own (SDL enum descriptions).
 */
class InventoryAdjustQuantitiesTest {

    private static final String ADJUST = "mutation Adjust($input: InventoryAdjustQuantitiesInput!, $key: String!) { "
            + "inventoryAdjustQuantities(input: $input) @idempotent(key: $key) { inventoryAdjustmentGroup { reason "
            + "referenceDocumentUri changes { name delta quantityAfterChange ledgerDocumentUri } } "
            + "userErrors { code field message } } }";

    private ShopifySandbox sandbox;
    private Shop shop;
    private Location warehouse;
    private Location store;
    private AdminClient admin;

    @BeforeEach
    void start() throws IOException {
        sandbox = ShopifySandbox.start(SandboxSettings.defaults());
        shop = sandbox.createShop("adjust.myshopify.com", Plan.STANDARD);
        warehouse = shop.addLocation("Main warehouse");
        store = shop.addLocation("High street");
        shop.addProduct("T-shirt", "TS-S", "TS-M", "TS-L");
        shop.stock("TS-S", warehouse, 5);
        shop.stock("TS-M", store, 7);
        admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void appliesTheDeltaAndMovesOnHandWithAvailable() throws Exception {
        JsonNode answer = adjust("available", "k-1", change("TS-S", warehouse, -2, 5));
        JsonNode changes = answer.at("/data/inventoryAdjustQuantities/inventoryAdjustmentGroup/changes");
        assertEquals(
                List.of("available:-2:3", "on_hand:-2:3"), List.of(describe(changes.get(0)), describe(changes.get(1))));
        assertEquals(3, shop.quantity("TS-S", warehouse, "available"));
        assertEquals(3, shop.quantity("TS-S", warehouse, "on_hand"));
        assertEquals(1, shop.journal().applied("inventoryAdjustQuantities").size());
    }

    @Test
    void aNullChangeFromQuantitySkipsTheCompareAndSwap() throws Exception {
        JsonNode answer = adjust("available", "k-1", change("TS-S", warehouse, 10, null));
        assertTrue(errors(answer).isEmpty(), answer.toString());
        assertEquals(15, shop.quantity("TS-S", warehouse, "available"));
    }

    @Test
    void refusesAChangeWithoutChangeFromQuantityBeforeAnyUserError() throws Exception {
        Map<String, Object> withoutCas =
                input("delta", 1, "inventoryItemId", shop.item("TS-S").id(), "locationId", warehouse.id());
        JsonNode answer = adjust("available", "k-1", withoutCas);
        assertEquals(
                "INVALID_FIELD_ARGUMENTS",
                answer.at("/errors/0/extensions/code").asText());
        assertEquals(
                "InventoryChangeInput must include the following argument: changeFromQuantity.",
                answer.at("/errors/0/message").asText());
        assertTrue(answer.at("/data/inventoryAdjustQuantities").isNull());
        assertEquals(5, shop.quantity("TS-S", warehouse, "available"));
        assertEquals(Journal.Outcome.REJECTED, shop.journal().mutations().get(0).outcome());
    }

    @Test
    void aStaleChangeFromQuantityFailsTheWholeCallAndChangesNothing() throws Exception {
        JsonNode answer = adjust("available", "k-1", change("TS-S", warehouse, -1, 5), change("TS-M", store, -1, 6));
        JsonNode error = errors(answer).get(0);
        assertEquals("CHANGE_FROM_QUANTITY_STALE", error.get("code").asText());
        assertEquals(
                "The changeFromQuantity argument no longer matches the persisted quantity.",
                error.get("message").asText());
        assertEquals(
                "[\"input\",\"changes\",\"1\",\"changeFromQuantity\"]",
                error.get("field").toString());
        assertTrue(answer.at("/data/inventoryAdjustQuantities/inventoryAdjustmentGroup")
                .isNull());
        assertEquals(5, shop.quantity("TS-S", warehouse, "available"));
        assertEquals(7, shop.quantity("TS-M", store, "available"));
    }

    @Test
    void replaysAnIdempotencyKeyInsteadOfAdjustingTwice() throws Exception {
        JsonNode first = adjust("available", "k-1", change("TS-S", warehouse, -2, 5));
        JsonNode retry = adjust("available", "k-1", change("TS-S", warehouse, -2, 5));
        assertEquals(first.get("data"), retry.get("data"));
        assertEquals(3, shop.quantity("TS-S", warehouse, "available"));
        assertEquals(
                List.of(Journal.Outcome.APPLIED, Journal.Outcome.REPLAYED),
                shop.journal().mutations("inventoryAdjustQuantities").stream()
                        .map(Journal.Mutation::outcome)
                        .toList());
        assertEquals("k-1", shop.journal().mutations().get(1).idempotencyKey());

        JsonNode otherParameters = adjust("available", "k-1", change("TS-S", warehouse, -1, 3));
        assertEquals(
                "IDEMPOTENCY_KEY_PARAMETER_MISMATCH",
                errors(otherParameters).get(0).get("code").asText());
        assertEquals(3, shop.quantity("TS-S", warehouse, "available"));
    }

    @Test
    void refusesACallWithoutOrWithABlankIdempotencyKey() throws Exception {
        JsonNode noDirective = admin.graphQl(
                ADJUST.replace(" @idempotent(key: $key)", "").replace(", $key: String!", ""),
                Map.of("input", adjustInput("available", change("TS-S", warehouse, 1, 5))));
        assertEquals("BAD_REQUEST", noDirective.at("/errors/0/extensions/code").asText());
        assertEquals(
                "The @idempotent directive is required for this mutation but was not provided.",
                noDirective.at("/errors/0/message").asText());
        JsonNode blank = adjust("available", "  ", change("TS-S", warehouse, 1, 5));
        assertEquals("BAD_REQUEST", blank.at("/errors/0/extensions/code").asText());
        assertEquals(5, shop.quantity("TS-S", warehouse, "available"));
    }

    @Test
    void refusesUntrackedItemsAndItemsNotStockedAtTheLocation() throws Exception {
        JsonNode notStocked = adjust("available", "k-1", change("TS-L", warehouse, 1, null));
        assertEquals(
                "ITEM_NOT_STOCKED_AT_LOCATION",
                errors(notStocked).get(0).get("code").asText());
        assertEquals(
                "The inventory item is not stocked at the location.",
                errors(notStocked).get(0).get("message").asText());
        shop.stopTracking("TS-S");
        JsonNode untracked = adjust("available", "k-2", change("TS-S", warehouse, 1, null));
        assertEquals(
                "NON_MUTABLE_INVENTORY_ITEM",
                errors(untracked).get(0).get("code").asText());
        assertEquals(5, shop.quantity("TS-S", warehouse, "available"));
        assertEquals(0, shop.journal().applied("inventoryAdjustQuantities").size());
    }

    @Test
    void takes250ChangesButRefuses251AndJournalsTheSize() throws Exception {
        JsonNode at250 = adjust("available", "k-250", unknownItems(250));
        assertTrue(at250.at("/errors").isMissingNode(), at250.toString());
        assertEquals("INVALID_INVENTORY_ITEM", errors(at250).get(0).get("code").asText());

        JsonNode at251 = adjust("available", "k-251", unknownItems(251));
        assertEquals(
                "MAX_INPUT_SIZE_EXCEEDED", at251.at("/errors/0/extensions/code").asText());
        assertEquals(
                "The input array size of 251 is greater than the maximum allowed of 250.",
                at251.at("/errors/0/message").asText());
        Journal.Mutation refused = shop.journal().mutations().get(1);
        assertEquals(251, refused.largestInputArray());
        assertEquals(Journal.Outcome.REJECTED, refused.outcome());
        assertEquals(251, shop.journal().largestInputArray());
    }

    @Test
    void ledgerDocumentsAreRequiredForOtherNamesRefusedForAvailableAndNeverShopifys() throws Exception {
        assertEquals("INVALID_QUANTITY_DOCUMENT", firstCode(adjust("damaged", "k-1", change("TS-S", warehouse, 1, 0))));
        assertEquals(
                "INVALID_AVAILABLE_DOCUMENT",
                firstCode(adjust(
                        "available", "k-2", withLedger(change("TS-S", warehouse, 1, 5), "gid://wms/Movement/1"))));
        assertEquals(
                "INTERNAL_LEDGER_DOCUMENT",
                firstCode(adjust(
                        "damaged", "k-3", withLedger(change("TS-S", warehouse, 1, 0), "gid://shopify/Order/1"))));
        assertEquals(
                "MAX_ONE_LEDGER_DOCUMENT",
                firstCode(adjust(
                        "damaged",
                        "k-4",
                        withLedger(change("TS-S", warehouse, 1, 0), "gid://wms/Movement/1"),
                        withLedger(change("TS-M", store, 1, 0), "gid://wms/Movement/2"))));

        JsonNode damaged =
                adjust("damaged", "k-5", withLedger(change("TS-S", warehouse, 2, 0), "gid://wms/Movement/1"));
        assertTrue(errors(damaged).isEmpty(), damaged.toString());
        assertEquals(
                "gid://wms/Movement/1",
                damaged.at("/data/inventoryAdjustQuantities/inventoryAdjustmentGroup/changes/0/ledgerDocumentUri")
                        .asText());
        assertEquals(2, shop.quantity("TS-S", warehouse, "damaged"));
        assertEquals(5, shop.quantity("TS-S", warehouse, "available"));
        assertEquals(7, shop.quantity("TS-S", warehouse, "on_hand"));
    }

    @Test
    void refusesAResultAbove2000000000() throws Exception {
        JsonNode answer = adjust("available", "k-1", change("TS-S", warehouse, 2_000_000_000, 5));
        assertEquals("INVALID_QUANTITY_TOO_HIGH", firstCode(answer));
        assertEquals(
                "The quantity can't be higher than 2,000,000,000.",
                errors(answer).get(0).get("message").asText());
        assertEquals(5, shop.quantity("TS-S", warehouse, "available"));
    }

    @SafeVarargs
    private JsonNode adjust(String name, String key, Map<String, Object>... changes) throws Exception {
        return admin.graphQl(ADJUST, Map.of("key", key, "input", adjustInput(name, changes)));
    }

    private JsonNode adjust(String name, String key, List<Map<String, Object>> changes) throws Exception {
        return admin.graphQl(
                ADJUST,
                Map.of(
                        "key",
                        key,
                        "input",
                        Map.of(
                                "name",
                                name,
                                "reason",
                                "correction",
                                "referenceDocumentUri",
                                "gid://wms/StockCount/1",
                                "changes",
                                changes)));
    }

    @SafeVarargs
    private static Map<String, Object> adjustInput(String name, Map<String, Object>... changes) {
        return Map.of(
                "name",
                name,
                "reason",
                "correction",
                "referenceDocumentUri",
                "gid://wms/StockCount/1",
                "changes",
                List.of(changes));
    }

    /** An {@code InventoryChangeInput}; a null {@code changeFromQuantity} is sent as an explicit null. */
    private Map<String, Object> change(String sku, Location location, int delta, Integer changeFrom) {
        return input(
                "delta",
                delta,
                "inventoryItemId",
                shop.item(sku).id(),
                "locationId",
                location.id(),
                "changeFromQuantity",
                changeFrom);
    }

    private static Map<String, Object> withLedger(Map<String, Object> change, String ledgerDocumentUri) {
        change.put("ledgerDocumentUri", ledgerDocumentUri);
        return change;
    }

    private List<Map<String, Object>> unknownItems(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> input(
                        "delta",
                        1,
                        "inventoryItemId",
                        "gid://shopify/InventoryItem/" + (900_000_000 + i),
                        "locationId",
                        warehouse.id(),
                        "changeFromQuantity",
                        null))
                .toList();
    }

    private static JsonNode errors(JsonNode answer) {
        return answer.at("/data/inventoryAdjustQuantities/userErrors");
    }

    private static String firstCode(JsonNode answer) {
        return errors(answer).get(0).get("code").asText();
    }

    private static String describe(JsonNode change) {
        return change.get("name").asText() + ":" + change.get("delta").asInt() + ":"
                + change.get("quantityAfterChange").asInt();
    }
}
