package wms.shopify.orders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An intake policy's lists are normalised so that they compare reliably, and values Shopify does not have are
 * refused, each named for the merchant.
 */
class IntakePolicyTest {

    @Test
    void listsAreTrimmedLowerCaseWithoutBlanksOrRepeats() {
        IntakePolicy policy = new IntakePolicy(" Open, ,CLOSED ,open", null, "", true);
        assertEquals("open,closed", policy.orderStatuses());
        assertEquals("", policy.financialStatuses());
        assertEquals("", policy.fulfillmentStatuses());
        assertEquals(policy, new IntakePolicy("open,closed", "", "", true), "the same filters compare equal");
        assertNotEquals(policy, new IntakePolicy("open,closed", "", "", false), "test orders count");
    }

    @Test
    void knownValuesPass() {
        IntakePolicy policy = new IntakePolicy(
                "open,closed,cancelled", "paid,partially_paid", "unfulfilled,partially_fulfilled", false);
        assertTrue(policy.unknownValues().isEmpty());
        assertSame(policy, policy.requireKnownValues());
    }

    @Test
    void unknownValuesAreRefusedEachNamed() {
        IntakePolicy policy = new IntakePolicy("open,archived", "paid,settled", "unfulfilled", false);
        assertEquals(
                List.of(
                        "Unknown order status \"archived\" (known: cancelled, closed, open).",
                        "Unknown financial status \"settled\" (known: authorized, expired, paid, partially_paid, "
                                + "partially_refunded, pending, refunded, voided)."),
                policy.unknownValues());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, policy::requireKnownValues);
        assertEquals(String.join(" ", policy.unknownValues()), refused.getMessage());
    }

    @Test
    void theFiltersAreThePolicysAndBack() {
        IntakePolicy policy = new IntakePolicy("open", "paid,authorized", "", true);
        OrderFilters filters = policy.filters();
        assertEquals(Set.of("open"), filters.orderStatuses());
        assertEquals(Set.of("paid", "authorized"), filters.financialStatuses());
        assertTrue(filters.fulfillmentStatuses().isEmpty(), "empty lets every value through");
        assertTrue(filters.includeTestOrders());
        IntakePolicy back = IntakePolicy.of(filters);
        assertEquals(
                Set.of("paid", "authorized"), Set.of(back.financialStatuses().split(",")));
        assertTrue(back.unknownValues().isEmpty());
    }

    @Test
    void theStatusesOfferedAreExactlyShopifysEnumerationsInTheSchemasOrder() throws Exception {
        String sdl = java.nio.file.Files.readString(
                wms.shopify.adminapi.TestVectors.shared("shopify/schema/admin-2026-07.graphql"));
        assertEquals(enumeration(sdl, "OrderDisplayFinancialStatus"), List.copyOf(IntakePolicy.FINANCIAL_STATUSES));
        assertEquals(enumeration(sdl, "OrderDisplayFulfillmentStatus"), List.copyOf(IntakePolicy.FULFILLMENT_STATUSES));
        assertEquals(List.of("open", "closed", "cancelled"), List.copyOf(IntakePolicy.ORDER_STATUSES));
    }

    /** The values of an enum of the schema, in lower case, in their order (descriptions and deprecations skipped). */
    private static List<String> enumeration(String sdl, String name) {
        int start = sdl.indexOf("enum " + name + " {");
        assertTrue(start >= 0, name + " is in the schema");
        String body = sdl.substring(sdl.indexOf('{', start) + 1, sdl.indexOf("\n}", start));
        List<String> values = new java.util.ArrayList<>();
        boolean inDescription = false;
        for (String line : body.split("\n")) {
            String text = line.trim();
            if (text.startsWith("\"\"\"")) {
                boolean oneLine = text.length() > 3 && text.endsWith("\"\"\"");
                inDescription = !oneLine && !inDescription;
                continue;
            }
            if (!inDescription && text.matches("[A-Z][A-Z0-9_]*( @.*)?")) {
                values.add(text.split(" ")[0].toLowerCase(java.util.Locale.ROOT));
            }
        }
        return values;
    }
}
