package wms.shopify.webhooks.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import wms.shopify.adminapi.control.ShopifyApp;
import wms.shopify.adminapi.entity.ShopDomain;
import wms.shopify.webhooks.control.ServiceCallbacks;
import wms.shopify.webhooks.control.ServiceStock;
import wms.shopify.webhooks.control.WebhookHeaders;
import wms.shopify.webhooks.control.WebhookIntake;
import wms.shopify.webhooks.control.WebhookMetrics;
import wms.shopify.webhooks.control.WebhookRejectedException;
import wms.shopify.webhooks.entity.TrackingNumbersAsked;

/**
 * The address Shopify delivers every webhook to ({@code POST /shopify/webhooks}, {@link ShopifyWebhooksApi}). The
 * body is taken as a stream, not as an entity JAX-RS converts, so the HMAC is checked over the exact bytes Shopify
 * signed, read with the size limit applied while reading; no {@code @Consumes}, so that a body of another type is
 * answered here, in the intake's words. No transaction and no entity manager: the intake's one autocommitted
 * statement is all a delivery costs. Answers (text/plain): 200 stored or duplicate; 401 bad signature; 400
 * malformed (headers missing, JSON not readable, nested past the parser's limit) or triggered longer ago than the age
 * limit (a replay); 404 unknown store; 413 too large; 415 not JSON; 503 when it cannot be stored.
 */
@ApplicationScoped
@Path("webhooks")
public class WebhookEndpoint {

    private static final Logger LOG = Logger.getLogger(WebhookEndpoint.class.getName());
    private static final String TEXT = "text/plain;charset=UTF-8";

    @Inject
    WebhookIntake intake;

    @Inject
    ShopifyApp app;

    @Inject
    WebhookMetrics metrics;

    @Inject
    Instance<ServiceStock> stock;

    @Inject
    ServiceCallbacks callbacks;

    @POST
    @Operation(hidden = true) // Shopify's address, not the WMS API's
    public Response take(@Context HttpHeaders headers, InputStream body) throws IOException {
        long started = System.nanoTime();
        int status = 500; // what an exception escaping here becomes
        try {
            Response answer = answer(headers, body);
            status = answer.getStatus();
            return answer;
        } finally {
            this.metrics.answered(status, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * Where a fulfillment service the connector registered is told of the merchant's fulfillment and cancellation
     * requests (its callback URL is this address less {@code /fulfillment_order_notification}): checked and stored
     * like a webhook, and answered as one ({@link WebhookIntake#receiveNotification}).
     */
    @POST
    @Path("fulfillment-service/fulfillment_order_notification")
    @Operation(hidden = true) // Shopify's address, not the WMS API's
    public Response notification(@Context HttpHeaders headers, InputStream body) throws IOException {
        long started = System.nanoTime();
        int status = 500;
        try {
            Response answer = answer(headers, body, this.intake::receiveNotification);
            status = answer.getStatus();
            return answer;
        } finally {
            this.metrics.answered(status, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * The notification address of a service registered for one warehouse (one service per warehouse): each service's
     * callback names its warehouse, so that its {@code fetch_stock} is answered for its location; its notifications
     * are taken as the one service's (the requests are read at every location of the WMS's services).
     */
    @POST
    @Path("fulfillment-service/warehouses/{warehouse}/fulfillment_order_notification")
    @Operation(hidden = true) // Shopify's address, not the WMS API's
    public Response warehouseNotification(@Context HttpHeaders headers, InputStream body) throws IOException {
        return notification(headers, body);
    }

    /**
     * Shopify asks the WMS's fulfillment service (registered with inventory management) what its location has:
     * {@code GET <callbackUrl>/fetch_stock?shop=...&sku=...} (sku optional, several allowed), answered with a JSON
     * object SKU → quantity, what the connector publishes there. 401 bad signature, 400 no shop, 404 no such service.
     */
    @GET
    @Path("fulfillment-service/fetch_stock")
    @Operation(hidden = true) // Shopify's address, not the WMS API's
    public Response fetchStock(@Context HttpHeaders headers, @Context UriInfo uri) {
        return stock(headers, uri, null);
    }

    /** {@link #fetchStock} for a warehouse's service (one service per warehouse). */
    @GET
    @Path("fulfillment-service/warehouses/{warehouse}/fetch_stock")
    @Operation(hidden = true) // Shopify's address, not the WMS API's
    public Response fetchWarehouseStock(
            @Context HttpHeaders headers, @Context UriInfo uri, @PathParam("warehouse") String warehouse) {
        return stock(headers, uri, warehouse);
    }

    private Response stock(HttpHeaders headers, UriInfo uri, String warehouse) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        ShopDomain shop;
        try {
            shop = this.callbacks.verified(
                    headersOf(headers), uri.getRequestUri().getRawQuery(), query.getFirst("shop"));
        } catch (WebhookRejectedException e) {
            return answer(e.status(), e.getMessage());
        }
        List<String> skus = query.getOrDefault("sku", List.of()).stream()
                .filter(sku -> !sku.isBlank())
                .toList();
        Optional<Map<String, Long>> levels =
                this.stock.isResolvable() ? this.stock.get().at(shop, warehouse, skus) : Optional.empty();
        if (levels.isEmpty()) {
            return answer(404, "No fulfillment service of the WMS's is registered there.");
        }
        JsonObjectBuilder json = Json.createObjectBuilder();
        levels.get().forEach((sku, quantity) -> json.add(sku, quantity.longValue()));
        return Response.ok(json.build().toString(), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /**
     * Shopify asks the fulfillment service the connector registered for the tracking numbers of its fulfillments
     * ({@code GET <callbackUrl>/fetch_tracking_numbers?order_names[]=#1001.1&order_names[]=...&shop=...}, hourly
     * while fulfillments of the service wait for tracking): signed like its notifications, answered at once from the
     * shipments the WMS reported ({@link ServiceCallbacks}) as Shopify reads it: {@code {"tracking_numbers":
     * {"#1001.1": "1Z999..."}, "message": ..., "success": true}}, a name the connector has no number for left out.
     * 401 bad signature, 400 no shop, 404 unknown or disconnected store (text/plain, as the intake's).
     */
    @GET
    @Path("fulfillment-service/{call: fetch_tracking_numbers(\\.json)?}")
    @Operation(hidden = true) // Shopify's address, not the WMS API's
    public Response trackingNumbers(@Context HttpHeaders headers, @Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        List<String> names = new ArrayList<>();
        for (String key : List.of("order_names[]", "order_names")) {
            List<String> given = query.get(key);
            if (given != null) {
                names.addAll(given);
            }
        }
        try {
            ShopDomain shop = this.callbacks.verified(
                    headersOf(headers), uri.getRequestUri().getRawQuery(), query.getFirst("shop"));
            TrackingNumbersAsked answer = this.callbacks.trackingNumbers(shop, names);
            JsonObjectBuilder numbers = Json.createObjectBuilder();
            answer.numbers().forEach(numbers::add);
            int found = answer.numbers().size();
            String body = Json.createObjectBuilder()
                    .add("tracking_numbers", numbers)
                    .add(
                            "message",
                            "Successfully received the tracking numbers (" + found + " of "
                                    + answer.names().size() + " fulfillments have one).")
                    .add("success", true)
                    .build()
                    .toString();
            return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
        } catch (WebhookRejectedException e) {
            return answer(e.status(), e.getMessage());
        }
    }

    /** {@link #trackingNumbers} for a warehouse's service (one service per warehouse: its callback names it). */
    @GET
    @Path("fulfillment-service/warehouses/{warehouse}/{call: fetch_tracking_numbers(\\.json)?}")
    @Operation(hidden = true) // Shopify's address, not the WMS API's
    public Response warehouseTrackingNumbers(@Context HttpHeaders headers, @Context UriInfo uri) {
        return trackingNumbers(headers, uri);
    }

    private static WebhookHeaders headersOf(HttpHeaders headers) {
        Map<String, String> named = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                named.put(name, values.get(0));
            }
        });
        return new WebhookHeaders(named);
    }

    /** A delivery's intake: a webhook's, or a fulfillment-order notification's. */
    private interface Intake {
        WebhookIntake.Receipt receive(WebhookHeaders headers, byte[] body);
    }

    private Response answer(HttpHeaders headers, InputStream in) throws IOException {
        return answer(headers, in, this.intake::receive);
    }

    private Response answer(HttpHeaders headers, InputStream in, Intake intake) throws IOException {
        String type = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return answer(415, "Webhooks are JSON (Content-Type: application/json).");
        }
        int limit = this.app.webhookMaxBytes();
        if (headers.getLength() > limit) {
            return answer(413, "The body is larger than " + limit + " bytes.");
        }
        byte[] body;
        try (in) {
            body = in.readNBytes(limit + 1);
        }
        if (body.length > limit) {
            return answer(413, "The body is larger than " + limit + " bytes.");
        }
        Map<String, String> named = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                named.put(name, values.get(0));
            }
        });
        try {
            WebhookIntake.Receipt receipt = intake.receive(new WebhookHeaders(named), body);
            return answer(200, receipt.name().toLowerCase(Locale.ROOT));
        } catch (WebhookRejectedException e) {
            return answer(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            // Not stored (database away, transaction failed): Shopify must deliver it again.
            LOG.log(Level.WARNING, "A webhook could not be stored and was answered 503 for Shopify to retry: " + e);
            return answer(503, "Not stored; deliver again later.");
        }
    }

    private static Response answer(int status, String text) {
        return Response.status(status).type(TEXT).entity(text).build();
    }
}
