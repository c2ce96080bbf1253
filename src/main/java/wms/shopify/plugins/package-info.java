/**
 * The plugins a merchant activates (Plugins, Marketplaces, Shopify).
 *
 * <p>Tables: {@code plugin}. Fires no event and observes none.
 */
package wms.shopify.plugins;
