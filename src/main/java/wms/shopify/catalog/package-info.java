/**
 * The WMS catalog, Sync Products (matching a store's Shopify variants to WMS products by SKU, then barcode) and the
 * product mappings of the Product Mapping page; WMS kits (a product made of others, no kits of kits).
 *
 * <p>Tables: {@code wms_product}, {@code wms_kit_component} (published as the view {@code kit_component}, and through
 * {@code control.KitComponents}), {@code store_variant}, {@code product_sync}. Fires no event and observes none.
 */
package wms.shopify.catalog;
