package wms.shopify.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WholeNumberTest {

    private static JsonValue json(String value) {
        return Json.createReader(new StringReader("[" + value + "]"))
                .readArray()
                .get(0);
    }

    private static List<FieldError> refusals(String value, long min, long max) {
        List<FieldError> errors = new ArrayList<>();
        assertNull(WholeNumber.required(json(value), "[2].delta", min, max, errors), value + " is refused");
        assertEquals(1, errors.size(), value + ": " + errors);
        assertEquals("[2].delta", errors.get(0).field(), "the error names the field");
        return errors;
    }

    @Test
    void numbersBeyondALongAreRefusedNotWrapped() {
        for (String huge : List.of(
                "9223372036854775808",
                "-9223372036854775809",
                "18446744073709551617",
                "1e999999999",
                "-1e999999999",
                "1E+19",
                "123456789012345678901234567890")) {
            assertTrue(
                    refusals(huge, Long.MIN_VALUE, Long.MAX_VALUE)
                            .get(0)
                            .message()
                            .contains("out of range"),
                    huge);
        }
    }

    @Test
    void numbersOutsideTheFieldsRangeAreRefusedWithTheRange() {
        FieldError error = refusals("1000001", -1_000_000, 1_000_000).get(0);
        assertTrue(error.message().contains("from -1000000 to 1000000"), error.message());
        refusals("-1", 0, 10);
        refusals("9223372036854775807", 0, 1_000_000_000);
    }

    @Test
    void fractionsAndTinyExponentsAreRefusedNotRounded() {
        for (String fraction : List.of("1.5", "-0.1", "0.999999999999999999999", "1e-999999999", "12.0001")) {
            assertTrue(refusals(fraction, -100, 100).get(0).message().contains("whole number"), fraction);
        }
    }

    @Test
    void stringsBooleansAndStructuresAreRefusedNeverParsed() {
        for (String notANumber : List.of("\"12\"", "\"1e3\"", "true", "[1]", "{\"n\":1}")) {
            assertTrue(refusals(notANumber, 0, 100).get(0).message().contains("must be a JSON number"), notANumber);
        }
    }

    @Test
    void exactWholeValuesAreTakenWhateverTheirNotation() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals(100L, WholeNumber.required(json("1e2"), "f", 0, 1000, errors));
        assertEquals(12L, WholeNumber.required(json("12.000"), "f", 0, 1000, errors));
        assertEquals(0L, WholeNumber.required(json("-0"), "f", 0, 1000, errors));
        assertEquals(Long.MAX_VALUE, WholeNumber.required(json("9223372036854775807"), "f", 0, Long.MAX_VALUE, errors));
        assertEquals(List.of(), errors);
        assertEquals(Long.MIN_VALUE, WholeNumber.of(json("-9223372036854775808")));
        assertThrows(IllegalArgumentException.class, () -> WholeNumber.of(json("9223372036854775808")));
    }

    @Test
    void leftOutOrNullIsRequiredOrTheDefault() {
        List<FieldError> errors = new ArrayList<>();
        assertNull(WholeNumber.required(null, "revision", 0, 10, errors));
        assertNull(WholeNumber.required(JsonValue.NULL, "revision", 0, 10, errors));
        assertEquals(2, errors.size());
        assertTrue(errors.get(0).message().startsWith("is required"));
        errors.clear();
        assertEquals(7L, WholeNumber.optional(null, "limit", 1, 10, 7, errors));
        assertEquals(7L, WholeNumber.optional(JsonValue.NULL, "limit", 1, 10, 7, errors));
        assertEquals(List.of(), errors);
    }

    @Test
    void queryParametersAreDigitsOnly() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals(100L, WholeNumber.parameter(null, "limit", 1, 500, 100, errors));
        assertEquals(42L, WholeNumber.parameter("42", "limit", 1, 500, 100, errors));
        assertEquals(List.of(), errors);
        for (String bad : List.of("1e2", "1.5", "+5", " 5", "x", "9223372036854775808", "501", "0")) {
            List<FieldError> refused = new ArrayList<>();
            assertNull(WholeNumber.parameter(bad, "limit", 1, 500, 100, refused), bad);
            assertEquals("limit", refused.get(0).field(), bad);
        }
    }
}
