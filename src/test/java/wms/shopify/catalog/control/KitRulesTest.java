package wms.shopify.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import wms.shopify.platform.api.FieldError;

/**
 * The rules of a kit in a product registration that need no catalog: each component a product code once, not the
 * kit itself, a whole number of units from 1, no kit of a kit made in the same call, at most 100 components.
 */
class KitRulesTest {

    private static ProductRegistration kit(String code, KitComponentInput... components) {
        return new ProductRegistration(code, null, null, code, null, List.of(components));
    }

    private static KitComponentInput component(String product, JsonValue quantity) {
        return new KitComponentInput(product, quantity);
    }

    private static KitComponentInput component(String product, long quantity) {
        return component(product, Json.createValue(quantity));
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aKitOfRegisteredOrNewProductsHasNoErrors() {
        assertEquals(
                List.of(),
                Catalog.check(
                        List.of(
                                new ProductRegistration("MUG", null, null, "Mug", null, null),
                                kit("GIFT", component("MUG", 2), component("COFFEE", 1)),
                                kit("PLAIN"),
                                new ProductRegistration("NONE", null, null, "None", null, null)),
                        10),
                "components of the call or of the catalog (checked there later); none or absent: no kit");
    }

    @Test
    void everyBrokenComponentIsReportedNamingItsField() {
        List<FieldError> errors = Catalog.check(
                List.of(
                        kit("SELF", component("SELF", 1)),
                        kit("TWICE", component("MUG", 1), component("MUG", 2)),
                        kit("ZERO", component("MUG", 0)),
                        kit("HALF", component("MUG", Json.createValue(1.5))),
                        kit("WORD", component("MUG", Json.createValue("2"))),
                        kit("HUGE", component("MUG", 1_000_001)),
                        kit("NOCODE", component(" ", 1)),
                        kit("MISSING", component("MUG", null))),
                10);
        assertEquals(
                List.of(
                        "[0].components[0].product",
                        "[1].components[1].product",
                        "[2].components[0].quantity",
                        "[3].components[0].quantity",
                        "[4].components[0].quantity",
                        "[5].components[0].quantity",
                        "[6].components[0].product",
                        "[7].components[0].quantity"),
                fields(errors),
                errors.toString());
        assertTrue(errors.get(0).message().contains("a kit cannot be a component of itself"), errors.toString());
        assertTrue(errors.get(1).message().contains("is also at components[0]"), errors.toString());
    }

    @Test
    void aKitOfAKitMadeInTheSameCallIsRefused() {
        List<FieldError> errors = Catalog.check(
                List.of(kit("SET", component("MUG", 2)), kit("BIG-SET", component("SET", 1), component("MUG", 1))), 10);
        assertEquals(List.of("[1].components[0].product"), fields(errors));
        assertTrue(errors.get(0).message().contains("kits of kits are not supported"), errors.toString());
    }

    @Test
    void aKitHasAtMostAHundredComponents() {
        List<KitComponentInput> many = new ArrayList<>();
        for (int i = 0; i <= Catalog.COMPONENT_LIMIT; i++) {
            many.add(component("P-" + i, 1));
        }
        List<FieldError> errors =
                Catalog.check(List.of(new ProductRegistration("BIG", null, null, "Big", null, many)), 10);
        assertEquals(List.of("[0].components"), fields(errors));
    }
}
