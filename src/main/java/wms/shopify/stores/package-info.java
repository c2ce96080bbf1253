/**
 * Stores: install by OAuth, tokens and their upkeep, webhook subscriptions, the mapping of Shopify locations to WMS
 * warehouses, {@code app/uninstalled}. Published: {@code control.Stores} (finding stores, their life cycle),
 * {@code control.StoreAccess} (a store's token for a call to Shopify), {@code control.LocationMapping} (the mapping,
 * for the Store Settings page) and the read-only views {@code store_connection} and {@code store_location_mapping}.
 *
 * <p>Tables: {@code store}, {@code store_location}. Fires no event.
 * Observes {@code webhooks.entity.WebhookReceived} ({@code app/uninstalled}) and
 * {@code platform.database.DatabaseReady}. Provides webhooks' {@code StatusesTakingWebhooks}.
 */
package wms.shopify.stores;
