package wms.shopify.stock.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import wms.shopify.platform.api.FieldError;
import wms.shopify.stock.control.StockMovementInput.OrderReference;

class MovementRulesTest {

    private static StockMovementInput movement(String id, String type, Long delta, Long sellable, Long sequence) {
        return new StockMovementInput(id, type, "P-1", "WH-1", n(delta), n(sellable), n(sequence), null);
    }

    /** A number as JSON-B hands it over: a JSON number, or null when left out. */
    private static JsonValue n(Long value) {
        return value == null ? null : Json.createValue(value);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aValidCallHasNoErrors() {
        assertEquals(
                List.of(),
                MovementRules.check(
                        List.of(
                                movement("M-1", "receiving", 5L, 10L, 1L),
                                movement("M-2", "RETURN_RECEIPT", 0L, 10L, 2L),
                                new StockMovementInput(
                                        "M-3",
                                        "allocation",
                                        "P-1",
                                        "WH-1",
                                        n(-2L),
                                        n(8L),
                                        n(3L),
                                        new OrderReference("acme.myshopify.com", "5550001"))),
                        1000));
    }

    @Test
    void everyMissingFieldIsNamed() {
        List<FieldError> errors = MovementRules.check(
                List.of(new StockMovementInput(null, null, null, " ", null, null, null, null)), 1000);
        assertEquals(
                List.of(
                        "[0].movementId",
                        "[0].type",
                        "[0].product",
                        "[0].warehouse",
                        "[0].delta",
                        "[0].sellableAfter",
                        "[0].sequence"),
                fields(errors));
    }

    @Test
    void absurdQuantitiesUnknownTypesAndRepeatedIdsAreRefused() {
        List<FieldError> errors = MovementRules.check(
                List.of(
                        movement("M-1", "teleport", 1_000_001L, -1L, -5L),
                        movement("M-1", "picking", -1L, 1_000_000_001L, 1L)),
                1000);
        assertEquals(
                List.of(
                        "[0].type",
                        "[0].delta",
                        "[0].sellableAfter",
                        "[0].sequence",
                        "[1].movementId",
                        "[1].sellableAfter"),
                fields(errors));
        assertTrue(errors.get(4).message().contains("more than once"));
    }

    @Test
    void numbersThatDoNotFitAreRefusedNamingTheFieldNeverWrapped() {
        List<FieldError> errors = MovementRules.check(
                List.of(
                        new StockMovementInput(
                                "M-1",
                                "receiving",
                                "P-1",
                                "WH-1",
                                number("9223372036854775808"),
                                number("1e999999999"),
                                number("1.5"),
                                null),
                        new StockMovementInput(
                                "M-2",
                                "receiving",
                                "P-1",
                                "WH-1",
                                Json.createValue("12"),
                                number("-9223372036854775809"),
                                number("1e2"),
                                null)),
                1000);
        assertEquals(
                List.of("[0].delta", "[0].sellableAfter", "[0].sequence", "[1].delta", "[1].sellableAfter"),
                fields(errors),
                errors.toString());
    }

    private static JsonValue number(String json) {
        return Json.createReader(new java.io.StringReader("[" + json + "]"))
                .readArray()
                .get(0);
    }

    @Test
    void anOrderReferenceNeedsAStoreAndAShopifyOrderId() {
        List<FieldError> errors = MovementRules.check(
                List.of(new StockMovementInput(
                        "M-1", "picking", "P-1", "WH-1", n(-1L), n(1L), n(1L), new OrderReference(null, "#1001"))),
                1000);
        assertEquals(List.of("[0].order.store", "[0].order.orderId"), fields(errors));
        assertEquals("gid://shopify/Order/42", MovementRules.orderGid(" 42 "));
        assertEquals("gid://shopify/Order/42", MovementRules.orderGid("gid://shopify/Order/42"));
    }

    @Test
    void anEmptyOrOversizedCallIsRefusedAsAWhole() {
        assertEquals(List.of("body"), fields(MovementRules.check(List.of(), 1000)));
        assertEquals(List.of("body"), fields(MovementRules.check(null, 1000)));
        List<StockMovementInput> many = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            many.add(movement("M-" + i, "receiving", 1L, 1L, (long) i));
        }
        assertTrue(MovementRules.check(many, 2).get(0).message().contains("at most 2"));
    }
}
