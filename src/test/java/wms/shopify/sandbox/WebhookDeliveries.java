package wms.shopify.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shop-specific webhook subscriptions and their deliveries, as Shopify makes them: a POST of the REST-shaped JSON body
 * with the X-Shopify-* headers and a Base64 HMAC-SHA256 of the exact bytes sent, keyed with the app's client secret;
 * failed when no 2xx comes back within the timeout (5 s; redirects are not followed and count as failures); retried on
 * the {@link RetrySchedule} with the original body to the address the subscription had when the event happened; and
 * the subscription is deleted when one webhook has failed {@value #REMOVAL_AFTER_CONSECUTIVE_FAILURES} attempts in a
 * row. Faults can drop, duplicate, delay and reorder deliveries.
 */
final class WebhookDeliveries {

    /**
     * Shopify staff: "After 8 consecutive failures, the webhook subscription gets automatically deleted (if you created
     * it via the Admin API)" (community.shopify.dev/t/webhooks-retry-after-an-error/24625), said of one webhook's
     * retries: it "retries 8 times over the next 4 hours, and after 8 consecutive failures it deletes the
     * subscription", and only an app "offline for an extended period of time" has to subscribe again (Shopify's
     * webhook best practices, "Recover from a downtime event"). So the count is per webhook: a webhook whose first
     * attempt and 7 retries all failed (about two hours, unscaled) deletes its subscription; a short outage under
     * traffic, with many webhooks failing a few times each, does not.
     */
    static final int REMOVAL_AFTER_CONSECUTIVE_FAILURES = 8;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SandboxSettings settings;
    private final ScheduledExecutorService scheduler;
    private final HttpClient client;
    private final RetrySchedule schedule;
    private final ApiVersions versions;
    private final ProtectedCustomerData customerData;

    WebhookDeliveries(
            SandboxSettings settings,
            ScheduledExecutorService scheduler,
            ApiVersions versions,
            ProtectedCustomerData customerData) {
        this.settings = settings;
        this.versions = versions;
        this.customerData = customerData;
        this.scheduler = scheduler;
        // Shopify allows 1 s to connect, and counts anything outside 2xx as failed, redirects included.
        // HTTP/1.1: Shopify delivers only to HTTPS addresses, so it never asks a cleartext HTTP/2 (h2c) upgrade, which
        // the default client does on the tests' plain HTTP (and Liberty's threads hang in when dozens come at once).
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.schedule = new RetrySchedule(settings.webhookTimeScale());
    }

    /** One webhook for one subscription: the same body, id and headers on every attempt. */
    private record Delivery(
            Shop shop,
            WebhookSubscription subscription,
            String uri,
            String topic,
            String webhookId,
            String eventId,
            Instant triggeredAt,
            byte[] body) {}

    /** Called for every store event; finds the subscriptions for its topic and schedules their deliveries. */
    void announce(ShopEvent event) {
        if (event.address() != null) {
            notifyFulfillmentService(event);
            return;
        }
        for (WebhookSubscription subscription : event.shop().webhookSubscriptions()) {
            if (!subscription.topic().equals(event.topic())) {
                continue;
            }
            Delivery delivery = new Delivery(
                    event.shop(),
                    subscription,
                    subscription.uri(),
                    subscription.restTopic(),
                    UUID.randomUUID().toString(),
                    event.eventId(),
                    event.triggeredAt(),
                    json(fields(customerData.redactWebhook(event.body()), subscription.includeFields())));
            Faults faults = event.shop().faults();
            if (faults.dropWebhookNow()) {
                journal(delivery, 0, -1, Journal.WebhookOutcome.DROPPED);
                continue;
            }
            schedule(delivery, 1, faults.webhookHoldBack());
            if (faults.duplicateWebhookNow()) {
                schedule(delivery, 1, faults.webhookHoldBack());
            }
        }
    }

    private void schedule(Delivery delivery, int attempt, Duration wait) {
        delivery.shop().webhookScheduled();
        scheduler.schedule(() -> send(delivery, attempt), wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void send(Delivery delivery, int attempt) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.uri()))
                .timeout(settings.webhookTimeout())
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", delivery.topic())
                .header("X-Shopify-Hmac-Sha256", ShopifySignatures.bodyHmac(delivery.body(), settings.clientSecret()))
                .header("X-Shopify-Shop-Domain", delivery.shop().domain())
                // The subscription's version, or the oldest supported one once it is retired (ApiVersions).
                .header(
                        "X-Shopify-API-Version",
                        versions.answering(delivery.subscription().apiVersionHandle())
                                .orElse(delivery.subscription().apiVersionHandle()))
                .header("X-Shopify-Webhook-Id", delivery.webhookId())
                .header("X-Shopify-Event-Id", delivery.eventId())
                .header("X-Shopify-Triggered-At", delivery.triggeredAt().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        if (delivery.subscription().name() != null) {
            request.header("X-Shopify-Name", delivery.subscription().name());
        }
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> {
                    int status = failure == null ? response.statusCode() : -1;
                    boolean delivered = status >= 200 && status < 300;
                    journal(
                            delivery,
                            attempt,
                            status,
                            delivered ? Journal.WebhookOutcome.DELIVERED : Journal.WebhookOutcome.FAILED);
                    if (delivered) {
                        delivery.subscription().deliverySucceeded();
                        return;
                    }
                    delivery.subscription().deliveryFailed();
                    if (attempt >= REMOVAL_AFTER_CONSECUTIVE_FAILURES) {
                        delivery.shop().remove(delivery.subscription());
                    }
                    // A retry belongs to the webhook, not to the subscription: it goes to the address captured when the
                    // event happened even if the subscription has been deleted since (Shopify's retry changelog,
                    // 2024-09).
                    if (attempt < schedule.attempts()) {
                        schedule(delivery, attempt + 1, schedule.delayBefore(attempt + 1));
                    }
                })
                // After a retry is scheduled, so that the count never passes through zero in between.
                .whenComplete((response, failure) -> delivery.shop().webhookAttempted());
    }

    /**
     * A fulfillment request or cancellation request for a fulfillment service: one signed POST of the exact body to
     * the callback, with the shop's domain, journalled under the topic {@code fulfillment_order_notification}. Shopify
     * documents no retry for it (the service also finds its requests through {@code assignedFulfillmentOrders}), so
     * the sandbox makes one attempt.
     */
    private void notifyFulfillmentService(ShopEvent event) {
        byte[] body = json(event.body());
        String id = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(event.address()))
                .timeout(settings.webhookTimeout())
                .header("Content-Type", "application/json")
                .header("X-Shopify-Hmac-Sha256", ShopifySignatures.bodyHmac(body, settings.clientSecret()))
                .header("X-Shopify-Shop-Domain", event.shop().domain())
                .header("X-Shopify-Triggered-At", event.triggeredAt().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            int status = failure == null ? response.statusCode() : -1;
            event.shop()
                    .journal()
                    .record(new Journal.Webhook(
                            Instant.now(),
                            event.topic(),
                            event.address(),
                            id,
                            event.eventId(),
                            1,
                            status,
                            status >= 200 && status < 300
                                    ? Journal.WebhookOutcome.DELIVERED
                                    : Journal.WebhookOutcome.FAILED,
                            new String(body, java.nio.charset.StandardCharsets.UTF_8)));
        });
    }

    private void journal(Delivery delivery, int attempt, int status, Journal.WebhookOutcome outcome) {
        delivery.shop()
                .journal()
                .record(new Journal.Webhook(
                        Instant.now(),
                        delivery.topic(),
                        delivery.uri(),
                        delivery.webhookId(),
                        delivery.eventId(),
                        attempt,
                        status,
                        outcome,
                        new String(delivery.body(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** {@code webhookSubscriptionCreate}: one subscription per topic and address. */
    static Map<String, Object> subscribe(
            Shop shop, String topic, Map<String, Object> input, String apiVersion, boolean localDemo) {
        Map<String, Object> payload = new LinkedHashMap<>();
        String uri = (String) input.get("uri");
        List<UserError> errors = new ArrayList<>();
        List<String> refused = CallbackAddresses.problems(uri, localDemo);
        if (!refused.isEmpty()) {
            refused.forEach(m -> errors.add(new UserError(List.of("webhookSubscription", "callbackUrl"), m, null)));
        } else if (shop.webhookSubscriptions().stream()
                .anyMatch(s -> s.topic().equals(topic) && s.uri().equals(uri))) {
            errors.add(new UserError(
                    List.of("webhookSubscription", "callbackUrl"),
                    "Address for this topic has already been taken",
                    null));
        }
        if (!errors.isEmpty()) {
            payload.put("webhookSubscription", null);
            payload.put("userErrors", errors);
            return payload;
        }
        @SuppressWarnings("unchecked")
        WebhookSubscription subscription = shop.register(new WebhookSubscription(
                shop.nextId(),
                topic,
                uri,
                (String) input.get("name"),
                input.get("format") == null ? "JSON" : (String) input.get("format"),
                (List<String>) input.get("includeFields"),
                (String) input.get("filter"),
                apiVersion,
                shop.now()));
        shop.add(subscription);
        payload.put("webhookSubscription", subscription);
        payload.put("userErrors", List.of());
        return payload;
    }

    /** {@code webhookSubscriptionDelete}. */
    static Map<String, Object> unsubscribe(Shop shop, String id) {
        WebhookSubscription subscription = shop.find(id, WebhookSubscription.class);
        Map<String, Object> payload = new LinkedHashMap<>();
        if (subscription == null) {
            payload.put("deletedWebhookSubscriptionId", null);
            payload.put(
                    "userErrors", List.of(new UserError(List.of("id"), "Webhook subscription does not exist", null)));
            return payload;
        }
        shop.remove(subscription);
        payload.put("deletedWebhookSubscriptionId", id);
        payload.put("userErrors", List.of());
        return payload;
    }

    private static Map<String, Object> fields(Map<String, Object> body, List<String> includeFields) {
        if (includeFields.isEmpty()) {
            return body;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        includeFields.stream().filter(body::containsKey).forEach(f -> kept.put(f, body.get(f)));
        return kept;
    }

    private static byte[] json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
