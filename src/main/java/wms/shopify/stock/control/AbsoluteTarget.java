package wms.shopify.stock.control;

/**
 * What Absolute mode writes to Shopify's "available": the WMS sellable quantity, less the units of the store's
 * orders the WMS has not allocated yet (Shopify already took them off sale, the WMS has not), less the drops seen
 * on Shopify that no known order explains yet; never below zero.
 */
public final class AbsoluteTarget {

    private AbsoluteTarget() {
    }

    /**
     * @param sellable the WMS sellable quantity
     * @param demand the store's unallocated order units at this level
     * @param unexplained zero or negative: Shopify-side drops not yet explained by an order
     */
    public static long of(long sellable, long demand, long unexplained) {
        return Math.max(0, sellable - demand + Math.min(0, unexplained));
    }
}
