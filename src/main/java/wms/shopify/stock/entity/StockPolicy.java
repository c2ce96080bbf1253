package wms.shopify.stock.entity;

import java.util.Objects;

/**
 * How stock goes to one store, as the merchant set it on Store Settings: whether it is synchronised at all, in which
 * mode, and how long changes of a product are gathered before they are pushed (the coalescing window). A new store's
 * values are the defaults of the {@code stock_policy} table.
 *
 * @param syncEnabled whether stock is written to the store's Shopify locations
 * @param mode how it is written
 * @param coalescingWindowSeconds how long changes are gathered after a push, 0 to {@value #LONGEST_COALESCING_WINDOW}
 */
public record StockPolicy(boolean syncEnabled, StockSyncMode mode, int coalescingWindowSeconds) {

    /** The longest coalescing window a merchant may choose, in seconds (also a database constraint). */
    public static final int LONGEST_COALESCING_WINDOW = 3600;

    /**
     * @throws IllegalArgumentException with a message for the merchant when the window is out of range
     */
    public StockPolicy {
        Objects.requireNonNull(mode, "mode");
        if (coalescingWindowSeconds < 0 || coalescingWindowSeconds > LONGEST_COALESCING_WINDOW) {
            throw new IllegalArgumentException(
                    "The coalescing window must be between 0 and " + LONGEST_COALESCING_WINDOW + " seconds.");
        }
    }
}
