package wms.shopify.stores.entity;

/**
 * What the merchant chooses per store on Store Settings: stock sync (on/off, mode, coalescing window), which orders
 * are imported, and return sync. Stored now; the stock, orders and returns components act on them.
 *
 * @param orderStatuses order statuses to import, comma separated (open, closed, cancelled)
 * @param financialStatuses financial statuses to import, comma separated (e.g. paid, authorized)
 * @param fulfillmentStatuses fulfillment statuses to import, comma separated (e.g. unfulfilled)
 */
public record StoreSettings(boolean stockSyncEnabled, StockSyncMode stockSyncMode, int coalescingWindowSeconds,
        String orderStatuses, String financialStatuses, String fulfillmentStatuses, boolean importTestOrders,
        boolean returnSyncEnabled, boolean returnAutoClose) {

    /** The order statuses a filter may name. */
    public static final java.util.Set<String> ORDER_STATUSES = java.util.Set.of("open", "closed", "cancelled");
    /** Shopify's {@code displayFinancialStatus} values, in lower case. */
    public static final java.util.Set<String> FINANCIAL_STATUSES = java.util.Set.of("pending", "authorized",
            "partially_paid", "partially_refunded", "voided", "paid", "refunded", "expired");
    /** Shopify's {@code displayFulfillmentStatus} values, in lower case. */
    public static final java.util.Set<String> FULFILLMENT_STATUSES = java.util.Set.of("unfulfilled",
            "partially_fulfilled", "fulfilled", "restocked", "pending_fulfillment", "open", "in_progress", "on_hold",
            "scheduled", "request_declined");

    public StoreSettings {
        orderStatuses = list(orderStatuses);
        financialStatuses = list(financialStatuses);
        fulfillmentStatuses = list(fulfillmentStatuses);
    }

    /**
     * The order filter values that are not Shopify's, for the merchant; empty when every value is known.
     */
    public java.util.List<String> unknownOrderFilterValues() {
        java.util.List<String> unknown = new java.util.ArrayList<>();
        unknown(this.orderStatuses, ORDER_STATUSES, "order status", unknown);
        unknown(this.financialStatuses, FINANCIAL_STATUSES, "financial status", unknown);
        unknown(this.fulfillmentStatuses, FULFILLMENT_STATUSES, "fulfillment status", unknown);
        return unknown;
    }

    private static void unknown(String list, java.util.Set<String> known, String what, java.util.List<String> into) {
        for (String value : list.isEmpty() ? new String[0] : list.split(",")) {
            if (!known.contains(value)) {
                into.add("Unknown " + what + " \"" + value + "\" (known: " + String.join(", ", new java.util.TreeSet<>(known))
                        + ").");
            }
        }
    }

    /** Whether the other settings import the same orders (same order filters). */
    public boolean sameOrderFilters(StoreSettings other) {
        return this.orderStatuses.equals(other.orderStatuses) && this.financialStatuses.equals(other.financialStatuses)
                && this.fulfillmentStatuses.equals(other.fulfillmentStatuses)
                && this.importTestOrders == other.importTestOrders;
    }

    /** The same settings with other order filters. */
    public StoreSettings withOrderFilters(String orders, String financial, String fulfillment, boolean testOrders) {
        return new StoreSettings(this.stockSyncEnabled, this.stockSyncMode, this.coalescingWindowSeconds, orders,
                financial, fulfillment, testOrders, this.returnSyncEnabled, this.returnAutoClose);
    }

    /** A comma separated list trimmed and lower case, blanks dropped, so that filters compare reliably. */
    private static String list(String text) {
        if (text == null) {
            return "";
        }
        return String.join(",", java.util.Arrays.stream(text.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(java.util.Locale.ROOT)).distinct().toList());
    }
}
