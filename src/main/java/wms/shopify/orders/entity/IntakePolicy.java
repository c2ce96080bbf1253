package wms.shopify.orders.entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of a store's orders the connector takes in, as the merchant set it on Store Settings or through the API:
 * order, financial and fulfillment statuses (comma separated, lower case, blanks dropped, so that they compare
 * reliably; empty lets every value through) and whether test orders count. A new store's values are the defaults
 * of the {@code intake_policy} table.
 *
 * @param orderStatuses order statuses to import, comma separated (open, closed, cancelled)
 * @param financialStatuses financial statuses to import, comma separated (e.g. paid, authorized)
 * @param fulfillmentStatuses fulfillment statuses to import, comma separated (e.g. unfulfilled)
 * @param importTestOrders whether test orders are imported
 * @param riskHold which of Shopify's risk recommendations hold an order back from the WMS (null: off)
 * @param choices the tags, sales channels, shipping methods and countries chosen (null: none)
 */
public record IntakePolicy(
        String orderStatuses,
        String financialStatuses,
        String fulfillmentStatuses,
        boolean importTestOrders,
        RiskHold riskHold,
        OrderChoices choices) {

    /** The order statuses a filter may name (closed: archived in Shopify's admin). */
    public static final Set<String> ORDER_STATUSES = ordered("open", "closed", "cancelled");
    /** Shopify's {@code OrderDisplayFinancialStatus} values, in lower case, in the schema's order. */
    public static final Set<String> FINANCIAL_STATUSES = ordered(
            "pending", "authorized", "partially_paid", "partially_refunded", "voided", "paid", "refunded", "expired");
    /** Shopify's {@code OrderDisplayFulfillmentStatus} values, in lower case, in the schema's order. */
    public static final Set<String> FULFILLMENT_STATUSES = ordered(
            "unfulfilled",
            "partially_fulfilled",
            "fulfilled",
            "restocked",
            "pending_fulfillment",
            "open",
            "in_progress",
            "on_hold",
            "scheduled",
            "request_declined");

    public IntakePolicy {
        orderStatuses = list(orderStatuses);
        financialStatuses = list(financialStatuses);
        fulfillmentStatuses = list(fulfillmentStatuses);
        riskHold = riskHold == null ? RiskHold.OFF : riskHold;
        choices = choices == null ? OrderChoices.NONE : choices;
    }

    /** A policy without tags, channels, shipping methods or countries chosen. */
    public IntakePolicy(
            String orderStatuses,
            String financialStatuses,
            String fulfillmentStatuses,
            boolean importTestOrders,
            RiskHold riskHold) {
        this(orderStatuses, financialStatuses, fulfillmentStatuses, importTestOrders, riskHold, OrderChoices.NONE);
    }

    /** A policy that does not look at Shopify's risk assessment. */
    public IntakePolicy(
            String orderStatuses, String financialStatuses, String fulfillmentStatuses, boolean importTestOrders) {
        this(orderStatuses, financialStatuses, fulfillmentStatuses, importTestOrders, RiskHold.OFF, OrderChoices.NONE);
    }

    /** The policy of these filters. */
    public static IntakePolicy of(OrderFilters filters) {
        return new IntakePolicy(
                String.join(",", filters.orderStatuses()),
                String.join(",", filters.financialStatuses()),
                String.join(",", filters.fulfillmentStatuses()),
                filters.includeTestOrders(),
                filters.riskHold(),
                filters.choices());
    }

    /** The filters an order is decided by. */
    public OrderFilters filters() {
        return new OrderFilters(
                set(this.orderStatuses),
                set(this.financialStatuses),
                set(this.fulfillmentStatuses),
                this.importTestOrders,
                this.riskHold,
                this.choices);
    }

    /**
     * The same policy, checked before it is saved.
     *
     * @throws IllegalArgumentException naming, for the merchant, every value that is not Shopify's
     */
    public IntakePolicy requireKnownValues() {
        List<String> unknown = unknownValues();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", unknown));
        }
        return this;
    }

    /** The filter values that are not Shopify's, for the merchant; empty when every value is known. */
    public List<String> unknownValues() {
        List<String> unknown = new ArrayList<>();
        unknown(this.orderStatuses, ORDER_STATUSES, "order status", unknown);
        unknown(this.financialStatuses, FINANCIAL_STATUSES, "financial status", unknown);
        unknown(this.fulfillmentStatuses, FULFILLMENT_STATUSES, "fulfillment status", unknown);
        unknown.addAll(this.choices.problems());
        return unknown;
    }

    private static void unknown(String list, Set<String> known, String what, List<String> into) {
        for (String value : list.isEmpty() ? new String[0] : list.split(",")) {
            if (!known.contains(value)) {
                into.add("Unknown " + what + " \"" + value + "\" (known: " + String.join(", ", new TreeSet<>(known))
                        + ").");
            }
        }
    }

    /** The values in this order, unchangeable (Store Settings offers them so). */
    private static Set<String> ordered(String... values) {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(Arrays.asList(values)));
    }

    private static Set<String> set(String list) {
        return list.isEmpty() ? Set.of() : new java.util.LinkedHashSet<>(Arrays.asList(list.split(",")));
    }

    /** A comma separated list trimmed and lower case, blanks and repeats dropped. */
    private static String list(String text) {
        if (text == null) {
            return "";
        }
        return String.join(
                ",",
                Arrays.stream(text.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .map(s -> s.toLowerCase(Locale.ROOT))
                        .distinct()
                        .toList());
    }
}
