package wms.shopify.warehouses.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import wms.shopify.platform.api.FieldError;

class RegistrationRulesTest {

    RegistrationRules rules = new RegistrationRules(3);

    @Test
    void validItemsPassIncludingMarkupAndSqlInNames() {
        assertEquals(List.of(), this.rules.checkWarehouses(List.of(
                new WarehouseRegistration("MAIN", "<b>Main</b>'; drop table warehouse; --", null),
                new WarehouseRegistration("x".repeat(64), "n".repeat(255), false))));
        assertEquals(List.of(), this.rules.checkWarehouses(List.of()), "an empty call is a valid no-op");
    }

    @Test
    void everyBrokenFieldIsReportedWithItsPlace() {
        List<FieldError> errors = this.rules.checkWarehouses(Arrays.asList(
                new WarehouseRegistration(null, "Main", true),
                new WarehouseRegistration(" MAIN", " ", true),
                null));
        assertEquals(List.of(
                new FieldError("[0].code", "is required and must not be blank"),
                new FieldError("[1].code", "must not start or end with spaces"),
                new FieldError("[1].name", "is required and must not be blank"),
                new FieldError("[2]", "must be an object")), errors);
    }

    @Test
    void overlongAndControlCharacterValuesAreRefused() {
        List<FieldError> errors = this.rules.checkWarehouses(List.of(
                new WarehouseRegistration("x".repeat(65), "n".repeat(256), true),
                new WarehouseRegistration("A\u0000", "Line\nbreak", true)));
        assertEquals(List.of("[0].code", "[0].name", "[1].code", "[1].name"),
                errors.stream().map(FieldError::field).toList());
        assertTrue(errors.get(0).message().contains("64"));
        assertTrue(errors.get(2).message().contains("control"));
    }

    @Test
    void aCodeTwiceInOneCallIsReportedNotMerged() {
        List<FieldError> errors = this.rules.checkWarehouses(List.of(
                new WarehouseRegistration("MAIN", "Main", true),
                new WarehouseRegistration("EAST", "East", true),
                new WarehouseRegistration("MAIN", "Main again", true)));
        assertEquals(List.of(new FieldError("[2].code", "'MAIN' is also at [0]; each code may appear once per call")),
                errors);
    }

    @Test
    void codesDifferingOnlyInCaseAreDifferentCodes() {
        assertEquals(List.of(), this.rules.checkWarehouses(List.of(new WarehouseRegistration("main", "a", true),
                new WarehouseRegistration("MAIN", "b", true))));
    }

    @Test
    void aMissingBodyOrTooManyItemsIsOneErrorOnTheBody() {
        assertEquals(List.of(new FieldError("body", "must be a JSON array of items")),
                this.rules.checkWarehouses(null));
        List<WarehouseRegistration> four = IntStream.range(0, 4)
                .mapToObj(i -> new WarehouseRegistration("W" + i, "W", true)).toList();
        assertEquals(List.of(new FieldError("body", "has 4 items; at most 3 are taken per call")),
                this.rules.checkWarehouses(four));
    }

    @Test
    void aShippingProcessMayNameAWarehouseWhoseCodeFollowsTheSameRules() {
        assertEquals(List.of(), this.rules.checkShippingProcesses(List.of(
                new ShippingProcessRegistration("DHL", "DHL parcel", "MAIN", true),
                new ShippingProcessRegistration("PICKUP", "Pick-up", null, null))));
        List<FieldError> errors = this.rules.checkShippingProcesses(List.of(
                new ShippingProcessRegistration("DHL", "DHL parcel", " ", true),
                new ShippingProcessRegistration("DHL", null, "w".repeat(65), true)));
        assertEquals(List.of("[0].warehouse", "[1].code", "[1].name", "[1].warehouse"),
                errors.stream().map(FieldError::field).toList());
    }
}
