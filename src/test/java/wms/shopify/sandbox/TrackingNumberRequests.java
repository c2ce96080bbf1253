package wms.shopify.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shopify asking a fulfillment service for tracking numbers: for a service registered with {@code trackingSupport}
 * and a callback URL, a GET of {@code <callbackUrl>/fetch_tracking_numbers?order_names[]=#1001.1&...&shop=<domain>}
 * for the service's fulfillments that wait for tracking (Shopify does it hourly; the sandbox when a test asks),
 * with the shop's domain and the signature Shopify puts on the service's calls ({@code X-Shopify-Hmac-Sha256}, the
 * Base64 HMAC-SHA256 of the body with the app's secret: an empty body for a GET). The service answers
 * {@code {"tracking_numbers": {"#1001.1": "qwerty"}, "message": ..., "success": true}} (Shopify's documented shape);
 * each number answered for a fulfillment that had none becomes its tracking (and {@code fulfillments/update}).
 * Journalled under the pseudo-topic {@code fetch_tracking_numbers}.
 */
public final class TrackingNumberRequests {

    static final String PATH = "fetch_tracking_numbers";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SandboxSettings settings;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    TrackingNumberRequests(SandboxSettings settings) {
        this.settings = settings;
    }

    /** What the service answered: the HTTP status and, for a 200 with Shopify's shape, the numbers by name. */
    public record Answer(int status, Map<String, String> trackingNumbers, boolean success, String body) {}

    /**
     * Shopify's round for the app's services on the shop: asks each (with tracking support and a callback URL) for its
     * fulfillments without tracking, and applies the numbers answered. Empty when no service has anything to ask.
     */
    Map<FulfillmentService, Answer> round(Shop shop) {
        Map<FulfillmentService, Answer> answers = new LinkedHashMap<>();
        for (FulfillmentService service : shop.fulfillmentServices()) {
            if (!service.ownedByThisApp() || !service.trackingSupport() || blank(service.callbackUrl())) {
                continue;
            }
            List<Fulfillment> waiting = new ArrayList<>();
            for (Order order : shop.orders()) {
                order.fulfillments().stream()
                        .filter(f -> f.location() == service.location()
                                && f.trackingInfo().isEmpty())
                        .forEach(waiting::add);
            }
            if (waiting.isEmpty()) {
                continue;
            }
            Answer answer =
                    ask(shop, service, waiting.stream().map(Fulfillment::name).toList());
            answers.put(service, answer);
            for (Fulfillment fulfillment : waiting) {
                String number = answer.trackingNumbers().get(fulfillment.name());
                if (number != null && fulfillment.trackingInfo().isEmpty()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("company", null);
                    entry.put("number", number);
                    entry.put("url", null);
                    synchronized (shop) {
                        fulfillment.trackingInfo(List.of(entry), shop.now());
                        shop.emit("FULFILLMENTS_UPDATE", shop.newEventId(), RestPayloads.fulfillment(fulfillment));
                    }
                }
            }
        }
        return answers;
    }

    /** One call of the service's endpoint for these fulfillment names, signed with the app's secret. */
    Answer ask(Shop shop, FulfillmentService service, List<String> names) {
        return ask(shop, service, names, settings.clientSecret());
    }

    /** As {@link #ask(Shop, FulfillmentService, List)}, signed with the given secret (a test's wrong one). */
    Answer ask(Shop shop, FulfillmentService service, List<String> names, String secret) {
        String base = service.callbackUrl().endsWith("/")
                ? service.callbackUrl().substring(0, service.callbackUrl().length() - 1)
                : service.callbackUrl();
        StringBuilder query = new StringBuilder();
        for (String name : names) {
            query.append(encode("order_names[]"))
                    .append('=')
                    .append(encode(name))
                    .append('&');
        }
        query.append("shop=").append(encode(shop.domain()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/" + PATH + "?" + query))
                .timeout(settings.webhookTimeout())
                .header("X-Shopify-Hmac-Sha256", ShopifySignatures.bodyHmac(new byte[0], secret))
                .header("X-Shopify-Shop-Domain", shop.domain())
                .GET()
                .build();
        int status;
        String body;
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            body = response.body();
        } catch (IOException e) {
            status = -1;
            body = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
            body = e.toString();
        }
        Map<String, String> numbers = new LinkedHashMap<>();
        boolean success = false;
        if (status == 200) {
            try {
                JsonNode answer = JSON.readTree(body);
                success = answer.path("success").asBoolean(false);
                answer.path("tracking_numbers").fields().forEachRemaining(e -> {
                    if (e.getValue().isTextual()) {
                        numbers.put(e.getKey(), e.getValue().asText());
                    }
                });
            } catch (IOException e) {
                success = false;
            }
        }
        shop.journal()
                .record(new Journal.Webhook(
                        java.time.Instant.now(),
                        PATH,
                        request.uri().toString(),
                        java.util.UUID.randomUUID().toString(),
                        shop.newEventId(),
                        1,
                        status,
                        status >= 200 && status < 300
                                ? Journal.WebhookOutcome.DELIVERED
                                : Journal.WebhookOutcome.FAILED,
                        body));
        return new Answer(status, Map.copyOf(numbers), success, body);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
