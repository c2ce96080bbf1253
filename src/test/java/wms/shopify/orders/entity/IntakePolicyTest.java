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
}
