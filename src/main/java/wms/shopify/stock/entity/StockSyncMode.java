package wms.shopify.stock.entity;

/** How stock is written to a store's Shopify locations (see docs/stock.md). */
public enum StockSyncMode {
    /** The sum of sellable changes is added to Shopify's quantity; it never overwrites what Shopify has. */
    DELTA,
    /** Shopify's available quantity is set to the WMS's sellable quantity, with compare-and-set. */
    ABSOLUTE
}
