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

    public StoreSettings {
        orderStatuses = list(orderStatuses);
        financialStatuses = list(financialStatuses);
        fulfillmentStatuses = list(fulfillmentStatuses);
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
