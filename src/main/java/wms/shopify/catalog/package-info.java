/**
 * The WMS catalog, Sync Products (matching a store's Shopify variants to WMS products by SKU, then barcode) and the
 * product mappings of the Product Mapping page.
 *
 * <p>Tables: {@code wms_product}, {@code store_variant}, {@code product_sync}. Fires no event and observes none.
 */
package wms.shopify.catalog;
