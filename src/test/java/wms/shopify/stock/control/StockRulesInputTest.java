package wms.shopify.stock.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;
import wms.shopify.stock.entity.StockRule;

/** The rules' body is read whole: every wrong field named by its path, or the rules as given. */
class StockRulesInputTest {

    @Test
    void rulesAreReadWithTheirScopes() {
        List<StockRule> rules = StockRulesInput.read(body("""
                {"rules": [{"buffer": 2}, {"location": "gid://shopify/Location/7", "product": " P-1 ",
                  "sharePercent": 50, "maximum": 10, "outOfStockBelow": 3}, {"productGroup": "TSHIRT-",
                  "maximum": null, "buffer": 0}]}
                """));
        assertEquals(
                List.of(
                        new StockRule(null, null, null, 2L, null, null, null),
                        new StockRule("gid://shopify/Location/7", "P-1", null, null, 50, 10L, 3L),
                        new StockRule(null, null, "TSHIRT-", 0L, null, null, null)),
                rules);
        assertEquals(List.of(), StockRulesInput.read(body("{\"rules\": []}")), "an empty list removes all");
    }

    @Test
    void everyWrongFieldIsNamed() {
        InvalidRequestException refused =
                assertThrows(InvalidRequestException.class, () -> StockRulesInput.read(body("""
                {"rules": [{"buffer": -1}, {"sharePercent": 101}, {"maximum": "5"}, {"location": "Main", "buffer": 1},
                  {}, {"product": "A", "productGroup": "B", "buffer": 1}, {"colour": "red", "buffer": 1},
                  {"buffer": 1.5}, 7, {"product": "", "buffer": 1}, {"maximum": 1000000001}]}
                """)));
        assertEquals(
                List.of(
                        "rules[0].buffer",
                        "rules[1].sharePercent",
                        "rules[2].maximum",
                        "rules[3].location",
                        "rules[4]",
                        "rules[5].productGroup",
                        "rules[6].colour",
                        "rules[7].buffer",
                        "rules[8]",
                        "rules[9].product",
                        "rules[10].maximum"),
                refused.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aBufferIsHiddenUnlessShownAsSafetyStockWhichNeedsABuffer() {
        List<StockRule> rules = StockRulesInput.read(body("""
                {"rules": [{"product": "P-1", "buffer": 2, "bufferShownAs": "safety_stock"},
                  {"product": "P-2", "buffer": 2, "bufferShownAs": "hidden"}, {"product": "P-3", "buffer": 2}]}
                """));
        assertEquals(
                List.of(true, false, false),
                rules.stream().map(StockRule::bufferAsSafetyStock).toList());
        InvalidRequestException refused =
                assertThrows(InvalidRequestException.class, () -> StockRulesInput.read(body("""
                {"rules": [{"maximum": 5, "bufferShownAs": "safety_stock"},
                  {"buffer": 1, "bufferShownAs": "damaged"}, {"buffer": 1, "bufferShownAs": 3}]}
                """)));
        assertEquals(
                List.of("rules[0].bufferShownAs", "rules[1].bufferShownAs", "rules[2].bufferShownAs"),
                refused.errors().stream().map(FieldError::field).toList());
        assertEquals(
                "needs a buffer: only a buffer is shown as safety stock",
                refused.errors().get(0).message());
    }

    @Test
    void twoRulesOfOneScopeAreRefused() {
        InvalidRequestException refused =
                assertThrows(InvalidRequestException.class, () -> StockRulesInput.read(body("""
                {"rules": [{"product": "P-1", "buffer": 1}, {"product": "P-1", "maximum": 5}]}
                """)));
        assertEquals("rules[1]", refused.errors().get(0).field());
        assertEquals(
                "has the same scope as rules[0] (product P-1 at every location)",
                refused.errors().get(0).message());
    }

    @Test
    void aBodyWithoutTheListIsRefused() {
        for (String text : List.of("{}", "{\"rules\": {}}", "{\"rules\": null}")) {
            InvalidRequestException refused =
                    assertThrows(InvalidRequestException.class, () -> StockRulesInput.read(body(text)));
            assertEquals("rules", refused.errors().get(0).field());
        }
        assertThrows(InvalidRequestException.class, () -> StockRulesInput.read(null));
    }

    private static JsonObject body(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
