package wms.shopify.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import wms.shopify.platform.api.FieldError;

/** The rules of a product registration: those of every registration, plus bounded optional SKU and barcode. */
class CatalogRulesTest {

    private static ProductRegistration product(String code, String sku, String barcode, String name) {
        return new ProductRegistration(code, sku, barcode, name, null, null);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aValidCallHasNoErrors() {
        assertEquals(
                List.of(),
                Catalog.check(
                        List.of(
                                product("P1", "SKU-1", "123", "One"),
                                product("P2", null, null, "Two"),
                                new ProductRegistration("P3", "SKU-1", "", "Three", JsonValue.FALSE, null)),
                        10));
    }

    @Test
    void everyBrokenFieldIsReported() {
        List<FieldError> errors = Catalog.check(
                List.of(
                        product("P1", "x".repeat(256), "ok", "One"),
                        product("P2", "ok", "bad\nbarcode", "Two"),
                        product(" P3", "ok", "ok", " "),
                        product("P1", "ok", "ok", "Again"),
                        new ProductRegistration("P5", null, null, "Five", JsonValue.EMPTY_JSON_OBJECT, null)),
                10);
        assertEquals(
                List.of("[0].sku", "[1].barcode", "[2].code", "[2].name", "[3].code", "[4].active"), fields(errors));
        assertTrue(errors.get(4).message().contains("[0]"), "a duplicate code names the first one");
    }

    @Test
    void theItemLimitAndAMissingBodyAreReported() {
        ProductRegistration[] many = new ProductRegistration[3];
        Arrays.setAll(many, i -> product("P" + i, null, null, "P"));
        assertEquals(List.of("body"), fields(Catalog.check(List.of(many), 2)));
        assertEquals(List.of("body"), fields(Catalog.check(null, 2)));
    }
}
