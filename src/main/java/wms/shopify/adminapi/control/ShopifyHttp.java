package wms.shopify.adminapi.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import wms.shopify.platform.web.RestClients;

/**
 * The HTTP connection to Shopify shared by the Admin API and the OAuth token endpoint, on MicroProfile Rest Client:
 * one client per store's address (and per read timeout), JSON in, status and JSON out, connection problems turned
 * into {@link ShopifyUnavailableException}. Nothing sent or received is logged.
 */
final class ShopifyHttp implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** The Admin API clients per read timeout: a client's timeout is fixed when it is built. */
    private final Map<Duration, RestClients<ShopifyAdminClient>> adminClients = new ConcurrentHashMap<>();

    private final RestClients<ShopifyTokenEndpoint> tokenEndpoints =
            RestClients.of(ShopifyTokenEndpoint.class, CONNECT_TIMEOUT, REQUEST_TIMEOUT);

    /**
     * An answer: the status, the JSON body (empty when the body was not JSON), the Retry-After header, and the API
     * version Shopify answered in ({@code X-Shopify-API-Version}; null when absent).
     */
    record Answer(int status, JsonObject body, String retryAfter, String apiVersion) {
        Answer(int status, JsonObject body, String retryAfter) {
            this(status, body, retryAfter, null);
        }
    }

    /**
     * Posts a GraphQL request to a store's Admin API with this timeout for the answer; a timeout is "unavailable":
     * the outcome is unknown.
     */
    Answer graphQl(URI shopUrl, String version, String accessToken, JsonObject request, Duration timeout) {
        ShopifyAdminClient client = this.adminClients
                .computeIfAbsent(timeout, read -> RestClients.of(ShopifyAdminClient.class, CONNECT_TIMEOUT, read))
                .to(shopUrl);
        return answer(() -> client.graphQl(version, accessToken, request));
    }

    /** Posts a grant to a store's OAuth token endpoint. */
    Answer accessToken(URI shopUrl, JsonObject grant) {
        ShopifyTokenEndpoint endpoint = this.tokenEndpoints.to(shopUrl);
        return answer(() -> endpoint.accessToken(grant));
    }

    private static Answer answer(Supplier<Response> call) {
        try (Response response = call.get()) {
            byte[] body = response.hasEntity()
                    ? response.readEntity(InputStream.class).readAllBytes()
                    : new byte[0];
            return new Answer(
                    response.getStatus(),
                    parse(body),
                    response.getHeaderString("Retry-After"),
                    response.getHeaderString("X-Shopify-API-Version"));
        } catch (ProcessingException | IOException e) {
            throw unreachable(e);
        }
    }

    /**
     * Opens a file Shopify serves at a signed address (a Bulk Operation's result), to be read as it arrives rather
     * than held: a result of 50 000 variants is tens of megabytes. The client is built for this one address, since
     * its query is the signature and must go out exactly as given, and is closed with the stream.
     */
    InputStream open(URI uri) {
        ShopifyResultFile file = RestClients.build(ShopifyResultFile.class, uri, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
        Response response = null;
        try {
            response = file.download();
            if (response.getStatus() != 200) {
                throw new ShopifyUnavailableException(
                        "Shopify answered " + response.getStatus() + " for a result file");
            }
            Response open = response;
            // The read timeout bounds the wait for the answer to start and any stall while the body streams in.
            return new FilterInputStream(response.readEntity(InputStream.class)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        open.close();
                        RestClients.closeClient(file);
                    }
                }
            };
        } catch (ProcessingException e) {
            closeAll(response, file);
            throw unreachable(e);
        } catch (RuntimeException e) {
            closeAll(response, file);
            throw e;
        }
    }

    private static void closeAll(Response response, Object client) {
        if (response != null) {
            response.close();
        }
        RestClients.closeClient(client);
    }

    /** Names the cause (a refused connection, a timeout), never the request: it may carry a token or a secret. */
    private static ShopifyUnavailableException unreachable(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return new ShopifyUnavailableException(
                "Shopify could not be reached: " + cause.getClass().getSimpleName());
    }

    private static JsonObject parse(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
    }

    /** Closes every client (when the application stops). */
    @Override
    public void close() {
        this.adminClients.values().forEach(clients -> clients.close());
        this.tokenEndpoints.close();
    }
}
