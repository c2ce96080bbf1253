/**
 * The WMS's warehouses and shipping processes, registered through the WMS API. Published:
 * {@code control.Warehouses}.
 *
 * <p>Tables: {@code warehouse}, {@code shipping_process}. Fires no event and observes none.
 */
package wms.shopify.warehouses;
