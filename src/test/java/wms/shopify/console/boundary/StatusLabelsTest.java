package wms.shopify.console.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import wms.shopify.adminapi.TestVectors;
import wms.shopify.orders.entity.IntakePolicy;

/**
 * Store Settings' status pickers show each of Shopify's statuses as Shopify's admin shows it: the "Displayed as" name
 * of the schema's description (PARTIALLY_PAID is "Partially paid"), while the value kept stays Shopify's in lower case.
 */
class StatusLabelsTest {

    private static final Pattern VALUE =
            Pattern.compile("Displayed as \\*\\*([^*]+)\\*\\*.*?\"\"\"\\s*([A-Z_]+)", Pattern.DOTALL);

    @Test
    void eachStatusIsLabelledAsShopifysAdminDisplaysIt() throws Exception {
        String sdl = Files.readString(TestVectors.shared("shopify/schema/admin-2026-07.graphql"));
        for (var enumeration : Map.of(
                        "OrderDisplayFinancialStatus", IntakePolicy.FINANCIAL_STATUSES,
                        "OrderDisplayFulfillmentStatus", IntakePolicy.FULFILLMENT_STATUSES)
                .entrySet()) {
            Map<String, String> displayed = displayed(sdl, enumeration.getKey());
            assertEquals(enumeration.getValue().size(), displayed.size(), enumeration.getKey());
            for (String status : enumeration.getValue()) {
                assertEquals(displayed.get(status), StoreSettingsPage.label(status), status);
            }
        }
        assertEquals("Open", StoreSettingsPage.label("open"));
        assertEquals("Cancelled", StoreSettingsPage.label("cancelled"));
    }

    /** Each value of the schema's enum (in lower case) with the name its description says it is displayed as. */
    private static Map<String, String> displayed(String sdl, String name) {
        int start = sdl.indexOf("enum " + name + " {");
        String body = sdl.substring(start, sdl.indexOf("\n}", start));
        Map<String, String> names = new LinkedHashMap<>();
        Matcher value = VALUE.matcher(body);
        while (value.find()) {
            names.put(value.group(2).toLowerCase(java.util.Locale.ROOT), value.group(1));
        }
        return names;
    }
}
