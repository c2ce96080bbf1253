package wms.shopify.adminapi.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The HTTP connection to Shopify shared by the Admin API and the OAuth token endpoint: JSON in, status and JSON
 * out, connection problems turned into {@link ShopifyUnavailableException}. Nothing sent or received is logged.
 */
final class ShopifyHttp {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    // HTTP/1.1: no h2c upgrade dance with plain-HTTP test and demo endpoints; Shopify speaks both.
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /**
     * An answer: the status, the JSON body (empty when the body was not JSON), the Retry-After header, and the API
     * version Shopify answered in ({@code X-Shopify-API-Version}; null when absent).
     */
    record Answer(int status, JsonObject body, String retryAfter, String apiVersion) {
        Answer(int status, JsonObject body, String retryAfter) {
            this(status, body, retryAfter, null);
        }
    }

    Answer postJson(URI uri, Map<String, String> headers, JsonObject body) {
        return postJson(uri, headers, body, REQUEST_TIMEOUT);
    }

    /** Posts with this timeout for the answer; a timeout is "unavailable": the outcome is unknown. */
    Answer postJson(URI uri, Map<String, String> headers, JsonObject body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ShopifyUnavailableException(
                    "Shopify could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopifyUnavailableException("Interrupted while waiting for Shopify");
        }
        return new Answer(
                response.statusCode(),
                parse(response.body()),
                response.headers().firstValue("Retry-After").orElse(null),
                response.headers().firstValue("X-Shopify-API-Version").orElse(null));
    }

    /**
     * Opens a file Shopify serves at a signed address (a Bulk Operation's result), to be read as it arrives rather
     * than held: a result of 50 000 variants is tens of megabytes.
     */
    java.io.InputStream open(URI uri) {
        try {
            // The timeout bounds the wait for the answer to start; the body is then read as it arrives.
            HttpResponse<java.io.InputStream> response = this.client.send(
                    HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new ShopifyUnavailableException(
                        "Shopify answered " + response.statusCode() + " for a result file");
            }
            return response.body();
        } catch (IOException e) {
            throw new ShopifyUnavailableException(
                    "Shopify could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopifyUnavailableException("Interrupted while waiting for Shopify");
        }
    }

    private static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
    }
}
