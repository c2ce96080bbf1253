/**
 * Stores: install by OAuth, tokens and their upkeep, webhook subscriptions, store settings and the mapping of
 * Shopify locations to WMS warehouses, {@code app/uninstalled}. Published: {@code control.Stores} (finding stores,
 * their life cycle) and {@code control.StoreAccess} (a store's token for a call to Shopify).
 *
 * <p>Tables: {@code store}, {@code store_location}. Fires {@code entity.OrderFiltersChanged} (Store Settings).
 * Observes {@code webhooks.entity.WebhookReceived} ({@code app/uninstalled}) and
 * {@code platform.database.DatabaseReady}. Provides webhooks' {@code StatusesTakingWebhooks}.
 */
package wms.shopify.stores;
