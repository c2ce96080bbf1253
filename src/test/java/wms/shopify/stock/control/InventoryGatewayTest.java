package wms.shopify.stock.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stock's Shopify JSON: the writes' input, and what a write's answer means for the push. */
class InventoryGatewayTest {

    private static final String ITEM = "gid://shopify/InventoryItem/7";
    private static final String LOCATION = "gid://shopify/Location/3";

    @Test
    void absoluteInputSetsWithCompareAndSetAndNamesThePush() {
        String input = InventoryGateway.input(true, 42, List.of(new InventoryGateway.Entry(ITEM, LOCATION, 12, 9L, 5)));
        assertEquals(
                "{\"name\":\"available\",\"reason\":\"correction\",\"referenceDocumentUri\":"
                        + "\"gid://wms-shopify-connector/StockPush/42\",\"quantities\":[{\"inventoryItemId\":\"" + ITEM
                        + "\",\"locationId\":\"" + LOCATION + "\",\"quantity\":12,\"changeFromQuantity\":9}]}",
                input);
    }

    @Test
    void deltaInputAddsAndSaysThereIsNoCompareAndSet() {
        String input =
                InventoryGateway.input(false, 43, List.of(new InventoryGateway.Entry(ITEM, LOCATION, 0, null, -4)));
        assertEquals(
                "{\"name\":\"available\",\"reason\":\"correction\",\"referenceDocumentUri\":"
                        + "\"gid://wms-shopify-connector/StockPush/43\",\"changes\":[{\"inventoryItemId\":\"" + ITEM
                        + "\",\"locationId\":\"" + LOCATION + "\",\"delta\":-4,\"changeFromQuantity\":null}]}",
                input);
    }

    @Test
    void anAnswerWithoutUserErrorsIsAppliedWithTheQuantitiesAfterTheWrite() {
        InventoryGateway.Answer answer = InventoryGateway.answer(json("""
                {"inventoryAdjustmentGroup":{"changes":[
                  {"name":"available","quantityAfterChange":12,"item":{"id":"%s"},"location":{"id":"%s"}},
                  {"name":"on_hand","quantityAfterChange":30,"item":{"id":"%s"},"location":{"id":"%s"}}]},
                 "userErrors":[]}""".formatted(ITEM, LOCATION, ITEM, LOCATION)));
        assertEquals(InventoryGateway.Outcome.APPLIED, answer.outcome());
        assertEquals(Map.of(ITEM + "\n" + LOCATION, 12L), answer.after(), "only \"available\" is taken");
    }

    @Test
    void userErrorCodesDecideWhatThePushDoesNext() {
        assertEquals(InventoryGateway.Outcome.STALE, outcome("CHANGE_FROM_QUANTITY_STALE"));
        assertEquals(InventoryGateway.Outcome.REFUSED, outcome("INVALID_QUANTITY_NAME"));
    }

    @Test
    void aRefusalNamesTheEntriesByTheirPositionAndKeepsShopifysWords() {
        InventoryGateway.Answer answer = InventoryGateway.answer(json("""
                {"userErrors":[
                 {"field":["input","changes","3","locationId"],"message":"not stocked","code":"ITEM_NOT_STOCKED_AT_LOCATION"},
                 {"field":["input","reason"],"message":"bad","code":"INVALID_REASON"},
                 {"field":null,"message":"x","code":"OTHER"}]}"""));
        assertEquals(InventoryGateway.Outcome.REFUSED, answer.outcome());
        assertEquals(Map.of(3, "ITEM_NOT_STOCKED_AT_LOCATION: not stocked"), answer.refusedPositions());
        assertEquals("ITEM_NOT_STOCKED_AT_LOCATION: not stocked; INVALID_REASON: bad; OTHER: x", answer.reason());
    }

    private static InventoryGateway.Outcome outcome(String code) {
        return InventoryGateway.answer(
                        json("{\"userErrors\":[{\"field\":null,\"message\":\"m\",\"code\":\"" + code + "\"}]}"))
                .outcome();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void aBundleParentRefusedInABatchIsNamedByItsPositionAndTheActivitySaysTheOthersGoOutAgain() {
        JsonObject payload = Json.createReader(new StringReader("{\"inventoryAdjustmentGroup\":null,\"userErrors\":["
                        + "{\"code\":\"NON_MUTABLE_INVENTORY_ITEM\",\"field\":[\"input\",\"changes\",\"17\","
                        + "\"inventoryItemId\"],\"message\":\"The specified inventory item is not allowed to be "
                        + "adjusted via API. Example: if the inventory item is a parent bundle.\"}]}"))
                .readObject();
        InventoryGateway.Answer answer = InventoryGateway.answer(payload);
        assertEquals(InventoryGateway.Outcome.REFUSED, answer.outcome());
        assertEquals(
                Map.of(
                        17,
                        "NON_MUTABLE_INVENTORY_ITEM: The specified inventory item is not allowed to be adjusted via "
                                + "API. Example: if the inventory item is a parent bundle."),
                answer.refusedPositions());
        String activity = StockPusher.refusal(
                new wms.shopify.stores.entity.Store(
                        new wms.shopify.adminapi.entity.ShopDomain("acme.myshopify.com"),
                        new wms.shopify.stores.entity.SealedTokens("v1:a", null, null, null, "write_inventory"),
                        java.time.Instant.EPOCH,
                        null),
                new wms.shopify.stock.entity.OpenPush(9, 1, "DELTA", "k", "{}", 250, 1, null),
                answer);
        assertEquals(
                "Shopify refused 1 of the 250 quantities of stock push 9 to acme.myshopify.com "
                        + "(NON_MUTABLE_INVENTORY_ITEM: The specified inventory item is not allowed to be adjusted via "
                        + "API. Example: if the inventory item is a parent bundle.): it is parked on the Stock page "
                        + "with the reason; the other 249 go out again now. A bundle's parent or an untracked item: run "
                        + "Sync Products; not stocked at the location: stock it there on Shopify; then retry.",
                activity);
    }

    @Test
    void theSafetyStockInputAddsTheBuffersChangesWithTheLedgerDocumentShopifyRequires() {
        String input =
                InventoryGateway.safetyStockInput(44, List.of(new InventoryGateway.Entry(ITEM, LOCATION, 3, null, -1)));
        assertEquals(
                "{\"name\":\"safety_stock\",\"reason\":\"safety_stock\",\"referenceDocumentUri\":"
                        + "\"gid://wms-shopify-connector/StockPush/44\",\"changes\":[{\"inventoryItemId\":\"" + ITEM
                        + "\",\"locationId\":\"" + LOCATION + "\",\"delta\":-1,\"changeFromQuantity\":null,"
                        + "\"ledgerDocumentUri\":\"gid://wms-shopify-connector/StockPush/44\"}]}",
                input);
    }

    @Test
    void aPushIsWrittenWithTheOperationOfItsParts() {
        assertEquals(
                wms.shopify.adminapi.control.AdminOperation.INVENTORY_SET,
                InventoryGateway.operation(push("ABSOLUTE", "{}", null)));
        assertEquals(
                wms.shopify.adminapi.control.AdminOperation.INVENTORY_ADJUST_WITH_SAFETY_STOCK,
                InventoryGateway.operation(push("DELTA", "{}", "{}")));
        assertEquals(
                wms.shopify.adminapi.control.AdminOperation.INVENTORY_SET_WITH_SAFETY_STOCK,
                InventoryGateway.operation(push("ABSOLUTE", "{}", "{}")));
        assertEquals(
                wms.shopify.adminapi.control.AdminOperation.INVENTORY_SAFETY_STOCK,
                InventoryGateway.operation(push("ABSOLUTE", "", "{}")));
        assertEquals("key-1:safety_stock", push("DELTA", "{}", "{}").safetyIdempotencyKey());
    }

    @Test
    void theTwoPartsOfAnAnswerAreReadEachOnItsOwn() {
        wms.shopify.stock.entity.OpenPush both = push("ABSOLUTE", "{}", "{}");
        JsonObject staleButShown = json("""
                {"available":{"inventoryAdjustmentGroup":null,"userErrors":[
                   {"field":["input","quantities","0","changeFromQuantity"],"message":"m",
                    "code":"CHANGE_FROM_QUANTITY_STALE"}]},
                 "safetyStock":{"inventoryAdjustmentGroup":{"id":"g"},"userErrors":[]}}""");
        assertEquals(
                InventoryGateway.Outcome.STALE,
                InventoryGateway.answer(staleButShown, both).outcome());
        assertTrue(InventoryGateway.safetyStockApplied(staleButShown, both), "no compare-and-set: applied");
        JsonObject shownRefused = json("""
                {"available":{"inventoryAdjustmentGroup":{"changes":[]},"userErrors":[]},
                 "safetyStock":{"inventoryAdjustmentGroup":null,"userErrors":[
                   {"field":["input","name"],"message":"The specified quantity name is invalid.",
                    "code":"INVALID_QUANTITY_NAME"}]}}""");
        assertEquals(
                InventoryGateway.Outcome.APPLIED,
                InventoryGateway.answer(shownRefused, both).outcome());
        assertEquals(false, InventoryGateway.safetyStockApplied(shownRefused, both));
        assertEquals(
                "INVALID_QUANTITY_NAME: The specified quantity name is invalid.",
                InventoryGateway.safetyStockRefusal(shownRefused, both));
        wms.shopify.stock.entity.OpenPush onlyShown = push("DELTA", "", "{}");
        JsonObject applied = json("{\"safetyStock\":{\"inventoryAdjustmentGroup\":{\"id\":\"g\"},\"userErrors\":[]}}");
        assertEquals(
                InventoryGateway.Outcome.APPLIED,
                InventoryGateway.answer(applied, onlyShown).outcome());
        assertTrue(InventoryGateway.safetyStockApplied(applied, onlyShown));
        wms.shopify.stock.entity.OpenPush availableOnly = push("DELTA", "{}", null);
        assertEquals(false, InventoryGateway.safetyStockApplied(applied, availableOnly));
        assertNull(InventoryGateway.safetyStockRefusal(applied, availableOnly));
    }

    private static wms.shopify.stock.entity.OpenPush push(String mode, String payload, String safetyPayload) {
        return new wms.shopify.stock.entity.OpenPush(1, 2, mode, "key-1", payload, 1, 1, null, safetyPayload);
    }
}
