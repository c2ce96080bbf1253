package wms.shopify.stock.control;

/** Per store: its stock sync setting and how many changes are pending, being pushed or parked. */
public record StoreStockSummary(
        long storeId,
        String domain,
        boolean enabled,
        String mode,
        int windowSeconds,
        long pending,
        long pushing,
        long failedChanges,
        long failedPushes,
        long pushed) {}
