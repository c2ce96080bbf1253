package wms.shopify.warehouses.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.RegistrationRules;

class WarehouseRulesTest {

    WarehouseRules rules = new WarehouseRules(3);

    @Test
    void validItemsPassIncludingMarkupAndSqlInNames() {
        assertEquals(
                List.of(),
                this.rules.checkWarehouses(List.of(
                        new WarehouseRegistration("MAIN", "<b>Main</b>'; drop table warehouse; --", null),
                        new WarehouseRegistration("x".repeat(64), "n".repeat(255), JsonValue.FALSE))));
        assertEquals(List.of(), this.rules.checkWarehouses(List.of()), "an empty call is a valid no-op");
    }

    @Test
    void everyBrokenFieldIsReportedWithItsPlace() {
        List<FieldError> errors = this.rules.checkWarehouses(Arrays.asList(
                new WarehouseRegistration(null, "Main", JsonValue.TRUE),
                new WarehouseRegistration(" MAIN", " ", JsonValue.TRUE),
                null));
        assertEquals(
                List.of(
                        new FieldError("[0].code", "is required and must not be blank"),
                        new FieldError("[1].code", "must not start or end with spaces"),
                        new FieldError("[1].name", "is required and must not be blank"),
                        new FieldError("[2]", "must be an object")),
                errors);
    }

    @Test
    void overlongAndControlCharacterValuesAreRefused() {
        List<FieldError> errors = this.rules.checkWarehouses(List.of(
                new WarehouseRegistration("x".repeat(65), "n".repeat(256), JsonValue.TRUE),
                new WarehouseRegistration("A\u0000", "Line\nbreak", JsonValue.TRUE)));
        assertEquals(
                List.of("[0].code", "[0].name", "[1].code", "[1].name"),
                errors.stream().map(FieldError::field).toList());
        assertTrue(errors.get(0).message().contains("64"));
        assertTrue(errors.get(2).message().contains("control"));
    }

    @Test
    void aCodeTwiceInOneCallIsReportedNotMerged() {
        List<FieldError> errors = this.rules.checkWarehouses(List.of(
                new WarehouseRegistration("MAIN", "Main", JsonValue.TRUE),
                new WarehouseRegistration("EAST", "East", JsonValue.TRUE),
                new WarehouseRegistration("MAIN", "Main again", JsonValue.TRUE)));
        assertEquals(
                List.of(new FieldError("[2].code", "'MAIN' is also at [0]; each code may appear once per call")),
                errors);
    }

    @Test
    void codesDifferingOnlyInCaseAreDifferentCodes() {
        assertEquals(
                List.of(),
                this.rules.checkWarehouses(List.of(
                        new WarehouseRegistration("main", "a", JsonValue.TRUE),
                        new WarehouseRegistration("MAIN", "b", JsonValue.TRUE))));
    }

    @Test
    void aMissingBodyOrTooManyItemsIsOneErrorOnTheBody() {
        assertEquals(
                List.of(new FieldError("body", "must be a JSON array of items")), this.rules.checkWarehouses(null));
        List<WarehouseRegistration> four = IntStream.range(0, 4)
                .mapToObj(i -> new WarehouseRegistration("W" + i, "W", JsonValue.TRUE))
                .toList();
        assertEquals(
                List.of(new FieldError("body", "has 4 items; at most 3 are taken per call")),
                this.rules.checkWarehouses(four));
    }

    @Test
    void aShippingProcessMayNameAWarehouseWhoseCodeFollowsTheSameRules() {
        assertEquals(
                List.of(),
                this.rules.checkShippingProcesses(List.of(
                        new ShippingProcessRegistration("DHL", "DHL parcel", "MAIN", JsonValue.TRUE),
                        new ShippingProcessRegistration("PICKUP", "Pick-up", null, null))));
        List<FieldError> errors = this.rules.checkShippingProcesses(List.of(
                new ShippingProcessRegistration("DHL", "DHL parcel", " ", JsonValue.TRUE),
                new ShippingProcessRegistration("DHL", null, "w".repeat(65), JsonValue.TRUE)));
        assertEquals(
                List.of("[0].warehouse", "[1].code", "[1].name", "[1].warehouse"),
                errors.stream().map(FieldError::field).toList());
    }

    @Test
    void theActiveFlagIsAJsonBooleanNeverAStringOrNumberReadOneWayOrTheOther() {
        List<FieldError> errors = this.rules.checkWarehouses(List.of(
                new WarehouseRegistration("A", "A", Json.createValue("yes")),
                new WarehouseRegistration("B", "B", Json.createValue("false")),
                new WarehouseRegistration("C", "C", Json.createValue(0))));
        assertEquals(
                List.of(
                        new FieldError("[0].active", "must be true or false"),
                        new FieldError("[1].active", "must be true or false"),
                        new FieldError("[2].active", "must be true or false")),
                errors);
        assertEquals(
                List.of("[0].active"),
                this.rules
                        .checkShippingProcesses(
                                List.of(new ShippingProcessRegistration("P", "P", null, Json.createValue("yes"))))
                        .stream()
                        .map(FieldError::field)
                        .toList());
        assertEquals(
                List.of(),
                this.rules.checkWarehouses(List.of(
                        new WarehouseRegistration("D", "D", JsonValue.NULL),
                        new WarehouseRegistration("E", "E", null),
                        new WarehouseRegistration("F", "F", JsonValue.FALSE))));
        assertTrue(RegistrationRules.isActive(null));
        assertTrue(RegistrationRules.isActive(JsonValue.NULL));
        assertTrue(RegistrationRules.isActive(JsonValue.TRUE));
        assertFalse(RegistrationRules.isActive(JsonValue.FALSE));
    }
}
