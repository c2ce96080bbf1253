/**
 * The Shopify Admin API client the components' gateways use: GraphQL requests with cost-based pacing per store,
 * the app's settings, OAuth token requests, signatures, shop domains. Published: the whole {@code control}
 * package (see its {@code package-info}).
 *
 * <p>Tables: none. Fires no event and observes none. Provides platform.health's {@code HealthNotice}
 * ({@code control.ApiVersionWatch}: the API version Shopify answers in against the pin).
 */
package wms.shopify.adminapi;
