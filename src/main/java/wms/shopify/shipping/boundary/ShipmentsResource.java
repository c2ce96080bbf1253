package wms.shopify.shipping.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import wms.shopify.credentials.control.ApiCaller;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;
import wms.shopify.platform.api.OutOfScopeException;
import wms.shopify.platform.api.Problem;
import wms.shopify.platform.api.WarehouseReach;
import wms.shopify.platform.api.WholeNumber;
import wms.shopify.platform.web.WmsApi;
import wms.shopify.shipping.control.ShipmentRecords;
import wms.shopify.shipping.control.ShipmentRequest;
import wms.shopify.shipping.control.ShipmentTracking;
import wms.shopify.shipping.entity.Parcel;
import wms.shopify.shipping.entity.ParcelLine;
import wms.shopify.shipping.entity.ShipmentLine;

/**
 * Shipments the WMS reports: each becomes one fulfillment on Shopify with its tracking, pushed in the background.
 * A shipment id stands for one shipment: reporting it again changes nothing.
 */
@Path("v1/shipments")
@RequestScoped
@Tag(name = "Shipments", description = "What the WMS shipped, pushed to Shopify as fulfillments with tracking")
@Produces(MediaType.APPLICATION_JSON)
public class ShipmentsResource {

    static final int MOST_LINES = 250;
    static final int MOST_PARCELS = 50;
    static final int MOST_UNITS = 100_000;
    private static final Pattern SHIPMENT_ID = Pattern.compile("[\\x21-\\x7E]{1,100}");

    @Inject
    ShipmentRecords records;

    @Inject
    ShipmentTracking tracking;

    /** The calling credential: one limited to some warehouses reports its own warehouses' shipments only. */
    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Reports a shipment of an order",
            description = "Body: {\"shipmentId\", \"orderId\" (from the order feed), \"carrier\", \"shippedAt\" "
                    + "(ISO-8601), \"parcels\": [{\"trackingNumber\", \"trackingUrl\", \"lines\" (optional: "
                    + "[{\"product\", \"quantity\"}], for every parcel, adding up to the shipment's lines)}], "
                    + "\"lines\": [{\"product\", \"quantity\"}], \"notifyCustomer\" (optional: else the store's "
                    + "setting)}. Full or partial; several shipments per order. Stored and queued: the "
                    + "fulfillments are created on Shopify in the background, one per location the units sit at (and "
                    + "per parcel when the store ships one fulfillment per parcel; GET it to follow it). Reporting the "
                    + "same shipment again answers 200 and changes nothing; the same id with other content is "
                    + "refused (409).")
    @APIResponse(
            responseCode = "202",
            description = "Stored and queued for Shopify",
            content = @Content(schema = @Schema(implementation = ShipmentView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Reported before with the same content: nothing changed",
            content = @Content(schema = @Schema(implementation = ShipmentView.class)))
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(
            responseCode = "409",
            description = "The id was used for another shipment, the order's store is "
                    + "not connected, or the order is not one the WMS ships (cancelled, held)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown order, a product not in the order, or more units "
                    + "than remain to ship; errors lists each. Nothing was stored.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @WarehouseReach
    public Response report(JsonObject body) {
        ShipmentRequest request = parse(body);
        if (this.security != null
                && this.security.getUserPrincipal() instanceof ApiCaller caller
                && caller.scope().limitedToWarehouses()
                && (request.warehouse() == null || !caller.scope().reachesWarehouse(request.warehouse()))) {
            // A credential limited to some warehouses reports the shipments of its own warehouses' parts, named.
            throw new OutOfScopeException("Credential " + caller.keyId() + " is limited to the warehouses "
                    + String.join(", ", new java.util.TreeSet<>(caller.scope().warehouses()))
                    + "; a shipment it reports names one of them as its warehouse. Nothing was stored.");
        }
        ShipmentRecords.Intake intake = this.records.record(request);
        String instance = "/api/v1/shipments";
        return switch (intake.verdict()) {
            case CREATED ->
                Response.accepted(ShipmentView.of(intake.shipment())).build();
            case REPEATED -> Response.ok(ShipmentView.of(intake.shipment())).build();
            case CONFLICT, NOT_SHIPPABLE ->
                Problem.of(Response.Status.CONFLICT, intake.detail(), instance)
                        .response()
                        .build();
            case UNKNOWN_ORDER, INVALID ->
                new Problem(
                                "urn:wms-shopify:problem:shipment-does-not-fit",
                                "The shipment does not fit the order",
                                422,
                                intake.detail(),
                                instance,
                                intake.errors())
                        .response()
                        .build();
        };
    }

    @GET
    @Path("{shipmentId}")
    @Operation(summary = "One shipment and where it stands on Shopify")
    @APIResponse(
            responseCode = "200",
            description = "The shipment",
            content = @Content(schema = @Schema(implementation = ShipmentView.class)))
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such shipment")
    public ShipmentView one(@PathParam("shipmentId") String shipmentId) {
        return this.records.byKey(shipmentId).map(ShipmentView::of).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{shipmentId}/retry")
    @Operation(
            summary = "Tries a failed shipment again",
            description = "A shipment parked as FAILED (its attempts spent, or Shopify refused it) is queued again "
                    + "with fresh attempts. Shopify's fulfillments are checked first where an earlier attempt may "
                    + "have reached it, so a retry never fulfils twice.")
    @APIResponse(responseCode = "202", description = "Queued again")
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such shipment")
    @APIResponse(
            responseCode = "409",
            description = "The shipment is not failed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retry(@PathParam("shipmentId") String shipmentId) {
        Optional<Boolean> retried = this.records.retry(shipmentId, "WMS API");
        if (retried.isEmpty()) {
            throw new NotFoundException();
        }
        if (!retried.get()) {
            return Problem.of(
                            Response.Status.CONFLICT,
                            "Shipment " + shipmentId + " is not failed: only a failed " + "shipment is retried.",
                            "/api/v1/shipments/" + shipmentId + "/retry")
                    .response()
                    .build();
        }
        return Response.accepted(ShipmentView.of(this.records.byKey(shipmentId).orElseThrow()))
                .build();
    }

    @PUT
    @Path("{shipmentId}/tracking")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Tracking known after the shipment was reported",
            description = "Body: {\"carrier\", \"parcels\": [{\"trackingNumber\", \"trackingUrl\"}]}. Replaces the "
                    + "shipment's tracking; once its fulfillment is on Shopify, the fulfillment's tracking is updated "
                    + "there (fulfillmentTrackingInfoUpdate), else it goes with the fulfillment.")
    @APIResponse(
            responseCode = "202",
            description = "Taken; pushed in the background",
            content = @Content(schema = @Schema(implementation = ShipmentView.class)))
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such shipment")
    public Response tracking(@PathParam("shipmentId") String shipmentId, JsonObject body) {
        if (body == null) {
            throw new InvalidRequestException(List.of(new FieldError("body", "is required: a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        String carrier = text(body, "carrier", 255, false, errors);
        List<Parcel> parcels = parcels(body, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return this.tracking
                .replace(shipmentId, carrier, parcels)
                .map(s -> Response.accepted(ShipmentView.of(s)).build())
                .orElseThrow(NotFoundException::new);
    }

    /** Checks the form of a report before any transaction: every offending field at once. */
    static ShipmentRequest parse(JsonObject body) {
        if (body == null) {
            throw new InvalidRequestException(List.of(new FieldError("body", "is required: a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        String shipmentId = text(body, "shipmentId", 100, true, errors);
        if (shipmentId != null && !SHIPMENT_ID.matcher(shipmentId).matches()) {
            errors.add(new FieldError("shipmentId", "must be 1 to 100 visible ASCII characters without spaces"));
        }
        // The orderId of the order feed.
        Long orderId = WholeNumber.required(body.get("orderId"), "orderId", 1, Long.MAX_VALUE, errors);
        String carrier = text(body, "carrier", 255, false, errors);
        Instant shippedAt = null;
        String at = text(body, "shippedAt", 64, true, errors);
        if (at != null) {
            try {
                shippedAt = Instant.parse(at);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("shippedAt", "must be an ISO-8601 instant, e.g. 2026-11-27T10:15:30Z"));
            }
        }
        List<ShipmentLine> lines = new ArrayList<>();
        if (!(body.get("lines") instanceof JsonArray array) || array.isEmpty() || array.size() > MOST_LINES) {
            errors.add(new FieldError("lines", "is required: 1 to " + MOST_LINES + " lines"));
        } else {
            lines = productLines(array, "lines", "", errors);
        }
        List<Parcel> parcels = parcels(body, errors);
        List<ParcelLine> parcelLines = parcelLines(body, lines, errors);
        Boolean notifyCustomer = null;
        JsonValue notify = body.get("notifyCustomer");
        if (notify == JsonValue.TRUE || notify == JsonValue.FALSE) {
            notifyCustomer = notify == JsonValue.TRUE;
        } else if (notify != null && notify != JsonValue.NULL) {
            errors.add(new FieldError("notifyCustomer", "must be true or false (or left out: the store's setting)"));
        }
        // The part of an order of several warehouses (one feed entry each) this shipment is of.
        String warehouse = text(body, "warehouse", 64, false, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ShipmentRequest(
                shipmentId, orderId, carrier, shippedAt, lines, parcels, parcelLines, notifyCustomer, warehouse);
    }

    /** Lines of products and quantities at {@code path}: every offending field reported, a product listed once. */
    private static List<ShipmentLine> productLines(
            JsonArray array, String path, String where, List<FieldError> errors) {
        List<ShipmentLine> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String at = path + "[" + i + "]";
            if (!(array.get(i) instanceof JsonObject line)) {
                errors.add(new FieldError(at, "must be an object with product and quantity"));
                continue;
            }
            String product = line.get("product") instanceof JsonString s
                            && !s.getString().isBlank()
                            && s.getString().length() <= 64
                    ? s.getString().trim()
                    : null;
            if (product == null) {
                errors.add(new FieldError(at + ".product", "is required: a WMS product code (at most 64)"));
            } else if (!seen.add(product)) {
                errors.add(new FieldError(at + ".product", "product " + product + " is listed twice" + where));
            }
            Long quantity = WholeNumber.required(line.get("quantity"), at + ".quantity", 1, MOST_UNITS, errors);
            if (product != null && quantity != null) {
                lines.add(new ShipmentLine(product, quantity.intValue()));
            }
        }
        return lines;
    }

    /**
     * Which units are in which parcel ({@code parcels[i].lines}, optional): when one parcel says, every parcel must,
     * and together they must be the shipment's lines, product for product.
     */
    private static List<ParcelLine> parcelLines(JsonObject body, List<ShipmentLine> lines, List<FieldError> errors) {
        List<ParcelLine> parcelLines = new ArrayList<>();
        if (!(body.get("parcels") instanceof JsonArray parcels)) {
            return parcelLines;
        }
        boolean any = parcels.stream()
                .anyMatch(p -> p instanceof JsonObject o && o.get("lines") != null && o.get("lines") != JsonValue.NULL);
        if (!any) {
            return parcelLines;
        }
        int before = errors.size();
        Map<String, Long> inParcels = new TreeMap<>();
        for (int i = 0; i < parcels.size(); i++) {
            String path = "parcels[" + i + "].lines";
            if (!(parcels.get(i) instanceof JsonObject parcel)) {
                continue; // reported by the parcels' own check
            }
            if (!(parcel.get("lines") instanceof JsonArray array) || array.isEmpty() || array.size() > MOST_LINES) {
                errors.add(new FieldError(
                        path,
                        "is required for every parcel once one parcel lists its lines: 1 to " + MOST_LINES + " lines"));
                continue;
            }
            for (ShipmentLine line : productLines(array, path, " in the parcel", errors)) {
                parcelLines.add(new ParcelLine(i, line.productCode(), line.quantity()));
                inParcels.merge(line.productCode(), (long) line.quantity(), Long::sum);
            }
        }
        if (errors.size() == before) {
            Map<String, Long> shipped = new TreeMap<>();
            lines.forEach(l -> shipped.merge(l.productCode(), (long) l.quantity(), Long::sum));
            if (!shipped.equals(inParcels)) {
                errors.add(new FieldError(
                        "parcels",
                        "the parcels' lines must add up to the shipment's lines: the parcels hold " + inParcels
                                + ", the lines say " + shipped));
            }
        }
        return parcelLines;
    }

    private static List<Parcel> parcels(JsonObject body, List<FieldError> errors) {
        List<Parcel> parcels = new ArrayList<>();
        JsonValue value = body.get("parcels");
        if (value == null || value == JsonValue.NULL) {
            return parcels;
        }
        if (!(value instanceof JsonArray array) || array.size() > MOST_PARCELS) {
            errors.add(new FieldError("parcels", "must be a list of at most " + MOST_PARCELS + " parcels"));
            return parcels;
        }
        for (int i = 0; i < array.size(); i++) {
            String path = "parcels[" + i + "]";
            if (!(array.get(i) instanceof JsonObject parcel)) {
                errors.add(new FieldError(path, "must be an object with trackingNumber and trackingUrl"));
                continue;
            }
            int before = errors.size();
            String number = text(parcel, "trackingNumber", 255, false, errors);
            String url = text(parcel, "trackingUrl", 2000, false, errors);
            if (url != null && !httpUrl(url)) {
                errors.add(new FieldError(path + ".trackingUrl", "must be an http(s) URL"));
            }
            if (number == null && url == null) {
                errors.add(new FieldError(path, "needs a trackingNumber or a trackingUrl"));
            }
            if (errors.size() == before) {
                parcels.add(new Parcel(number, url));
            }
        }
        return parcels;
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(JsonObject body, String field, int longest, boolean required, List<FieldError> errors) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (!(value instanceof JsonString s)
                || s.getString().isBlank()
                || s.getString().length() > longest) {
            errors.add(new FieldError(field, "must be a text of 1 to " + longest + " characters"));
            return null;
        }
        return s.getString().trim();
    }
}
