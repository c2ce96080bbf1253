/**
 * The single verified, durable intake of every Shopify webhook, its processing through the webhook queue and the
 * compliance (privacy) topics. Published: {@code control.LastDeliveries} (when each store last received a webhook)
 * and {@code control.StatusesTakingWebhooks} (which the stores component provides), and {@code control.ServiceStock}
 * (which the stock component provides): the answer to a fulfillment service's signed {@code fetch_stock} call, whose
 * signature the intake checks.
 *
 * <p>Tables: {@code webhook_delivery}; reads the id and domain of {@code store} ({@code entity.DeliveryStore}, and the
 * intake's one statement). Fires {@code entity.WebhookReceived} (every processed delivery, to the component owning
 * the topic), {@code entity.PrivacyRequest} and {@code entity.TrackingNumbersAsked} (a fulfillment service's
 * {@code GET <callbackUrl>/fetch_tracking_numbers}, verified by {@code control.ServiceCallbacks} and answered at once
 * by the component keeping the shipments; nothing stored). Observes {@code entity.WebhookReceived} (compliance topics) and
 * {@code platform.database.DatabaseReady}.
 */
package wms.shopify.webhooks;
