package wms.shopify.returns.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import wms.shopify.platform.api.Feed;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;
import wms.shopify.platform.api.Problem;
import wms.shopify.platform.api.WholeNumber;
import wms.shopify.platform.web.WmsApi;
import wms.shopify.returns.control.ReturnRecords;
import wms.shopify.returns.entity.ReceiptLine;
import wms.shopify.returns.entity.ReturnReceipt;

/** Returns the WMS should expect (a feed with acknowledgements), and what it received of them. */
@Path("v1/returns")
@RequestScoped
@Tag(name = "Returns", description = "Expected returns as a feed; received units processed on Shopify")
@Produces(MediaType.APPLICATION_JSON)
public class ReturnsResource {

    private static final Pattern RECEIPT_ID = Pattern.compile("[\\x21-\\x7E]{1,100}");

    @Inject
    ReturnRecords records;

    /** A page of the return feed. */
    @Schema(name = "ReturnFeed")
    public record FeedView(List<ReturnEntryView> entries, long cursor) {}

    @GET
    @Path("feed")
    @Operation(
            summary = "The return feed from a cursor",
            description = "Returns requested or approved on Shopify (of stores with return sync on), not "
                    + "acknowledged yet, in feed position order; read on with the returned cursor. An entry stays "
                    + "until its revision is acknowledged.")
    @APIResponse(
            responseCode = "200",
            description = "A page of the feed",
            content = @Content(schema = @Schema(implementation = FeedView.class)))
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    public FeedView feed(
            @Parameter(
                            description = "the cursor: 0 (the default) or one the feed returned",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
                    @QueryParam("after")
                    String after,
            @Parameter(
                            description = "at most this many entries (1–500, default 100)",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
                    @QueryParam("limit")
                    String limit) {
        return Feed.page(
                after,
                limit,
                (cursor, most) -> this.records.feed(cursor, most).stream()
                        .map(ReturnEntryView::of)
                        .toList(),
                FeedView::new);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One return, with what was received of it", description = "Also once acknowledged.")
    @APIResponse(
            responseCode = "200",
            description = "The return",
            content = @Content(schema = @Schema(implementation = ReturnEntryView.class)))
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such return")
    public ReturnEntryView one(@PathParam("id") long id) {
        return this.records.find(id).map(ReturnEntryView::of).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{id}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledges one revision of a return", description = "Body {\"revision\": n}.")
    @APIResponse(responseCode = "200", description = "Acknowledged (now or before)")
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such return")
    @APIResponse(responseCode = "409", description = "Not the entry's current revision")
    public Response acknowledge(@PathParam("id") long id, JsonObject body) {
        long revision = Feed.revision(body);
        boolean done = this.records.acknowledge(id, revision).orElseThrow(NotFoundException::new);
        if (!done) {
            return Feed.outdated(
                    "Return " + id + " is not at revision " + revision + ": read the feed.",
                    "/api/v1/returns/" + id + "/acknowledgement");
        }
        return Response.ok(Json.createObjectBuilder()
                        .add("returnId", id)
                        .add("revision", revision)
                        .build())
                .build();
    }

    @POST
    @Path("{id}/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Reports returned units the warehouse received",
            description = "Body {\"receiptId\", \"lines\": [{\"product\", \"quantity\", \"restock\": true|false}]}. "
                    + "The units are processed on Shopify in the background (returnProcess, no refund): RESTOCKED "
                    + "at the order's location "
                    + "(Shopify puts them back on sale there) or NOT_RESTOCKED; with automatic closing on, the "
                    + "return is closed once every unit is disposed of. The stock movement of this receipt must "
                    + "name the order, so that stock sync does not count restocked units a second time (see the "
                    + "integration guide). The same receipt again changes nothing.")
    @APIResponse(responseCode = "202", description = "Stored and queued for Shopify")
    @APIResponse(responseCode = "200", description = "Reported before with the same content: nothing changed")
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such return")
    @APIResponse(
            responseCode = "409",
            description = "The receipt id was used for other content, return sync is off, the store is not connected, "
                    + "or the return was closed on Shopify before it was received",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "A product not in the return, or more than is expected",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receive(@PathParam("id") long id, JsonObject body) {
        if (body == null) {
            throw new InvalidRequestException(List.of(new FieldError("body", "is required: a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        String receiptId = receiptId(body, errors);
        List<ReceiptLine> lines = lines(body, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        ReturnRecords.Intake intake = this.records.receive(id, receiptId, lines);
        String instance = "/api/v1/returns/" + id + "/receipts";
        return switch (intake.verdict()) {
            case CREATED -> Response.accepted(view(intake.receipt())).build();
            case REPEATED -> Response.ok(view(intake.receipt())).build();
            case UNKNOWN_RETURN -> throw new NotFoundException();
            case CONFLICT, NOT_ALLOWED ->
                Problem.of(Response.Status.CONFLICT, intake.detail(), instance)
                        .response()
                        .build();
            case INVALID ->
                new Problem(
                                "urn:wms-shopify:problem:receipt-does-not-fit",
                                "The receipt does not fit the return",
                                422,
                                intake.detail(),
                                instance,
                                intake.errors())
                        .response()
                        .build();
        };
    }

    private static String receiptId(JsonObject body, List<FieldError> errors) {
        String receiptId = body.get("receiptId") instanceof JsonString s
                        && RECEIPT_ID.matcher(s.getString()).matches()
                ? s.getString()
                : null;
        if (receiptId == null) {
            errors.add(new FieldError("receiptId", "is required: 1 to 100 visible ASCII characters without spaces"));
        }
        return receiptId;
    }

    private static List<ReceiptLine> lines(JsonObject body, List<FieldError> errors) {
        List<ReceiptLine> lines = new ArrayList<>();
        if (!(body.get("lines") instanceof JsonArray array) || array.isEmpty() || array.size() > 250) {
            errors.add(new FieldError("lines", "is required: 1 to 250 lines"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < array.size(); i++) {
                String path = "lines[" + i + "]";
                if (!(array.get(i) instanceof JsonObject line)) {
                    errors.add(new FieldError(path, "must be an object with product, quantity and restock"));
                    continue;
                }
                String product = line.get("product") instanceof JsonString s
                                && !s.getString().isBlank()
                                && s.getString().length() <= 64
                        ? s.getString().trim()
                        : null;
                if (product == null) {
                    errors.add(new FieldError(path + ".product", "is required: a WMS product code (at most 64)"));
                }
                Long quantity = WholeNumber.required(line.get("quantity"), path + ".quantity", 1, 100_000, errors);
                JsonValue restock = line.get("restock");
                if (restock != JsonValue.TRUE && restock != JsonValue.FALSE) {
                    errors.add(new FieldError(path + ".restock", "is required: true (back on sale) or false"));
                }
                if (product != null && !seen.add(product + restock)) {
                    errors.add(new FieldError(
                            path + ".product", "product " + product + " is listed twice with " + "the same condition"));
                }
                if (product != null && quantity != null && (restock == JsonValue.TRUE || restock == JsonValue.FALSE)) {
                    lines.add(new ReceiptLine(product, quantity.intValue(), restock == JsonValue.TRUE));
                }
            }
        }
        return lines;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Reports a return Shopify does not know",
            description = "Body {\"receiptId\", \"orderId\" (from the order feed), \"lines\": [{\"product\", "
                    + "\"quantity\", \"restock\"}]}: the customer sent goods back without a return request. With "
                    + "return sync on for the store, the return is created on Shopify (returnCreate, approved) and "
                    + "the units disposed of as for any receipt; otherwise the return is held with the reason (the "
                    + "receipt's state FAILED, reason given). The same receipt again changes nothing.")
    @APIResponse(responseCode = "202", description = "Stored: queued for Shopify, or held with the reason")
    @APIResponse(responseCode = "200", description = "Reported before with the same content: nothing changed")
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(
            responseCode = "409",
            description = "The receipt id was used for other content, or the store is " + "not connected",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown order, a product not in it, or more than it had",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response unannounced(JsonObject body) {
        if (body == null) {
            throw new InvalidRequestException(List.of(new FieldError("body", "is required: a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        String receiptId = receiptId(body, errors);
        // The orderId of the order feed.
        Long orderId = WholeNumber.required(body.get("orderId"), "orderId", 1, Long.MAX_VALUE, errors);
        List<ReceiptLine> lines = lines(body, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        ReturnRecords.Intake intake = this.records.unannounced(orderId, receiptId, lines);
        String instance = "/api/v1/returns";
        return switch (intake.verdict()) {
            case CREATED -> Response.accepted(view(intake.receipt())).build();
            case REPEATED -> Response.ok(view(intake.receipt())).build();
            case CONFLICT, NOT_ALLOWED ->
                Problem.of(Response.Status.CONFLICT, intake.detail(), instance)
                        .response()
                        .build();
            case UNKNOWN_RETURN, INVALID ->
                new Problem(
                                "urn:wms-shopify:problem:return-does-not-fit",
                                "The return does not fit the order",
                                422,
                                intake.detail(),
                                instance,
                                intake.errors())
                        .response()
                        .build();
        };
    }

    @GET
    @Path("receipts/{receiptId}")
    @Operation(summary = "One receipt and where it stands on Shopify")
    @APIResponse(
            responseCode = "200",
            description = "The receipt: receiptId, returnId, state (QUEUED, PUSHING, "
                    + "DONE, FAILED), attempts, reason, closedReturn")
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such receipt")
    public JsonObject receipt(@PathParam("receiptId") String receiptId) {
        return this.records.receipt(receiptId).map(ReturnsResource::view).orElseThrow(NotFoundException::new);
    }

    static JsonObject view(ReturnReceipt r) {
        var json = Json.createObjectBuilder()
                .add("receiptId", r.receiptKey())
                .add("returnId", r.shopReturn().id())
                .add("state", r.state().name())
                .add("attempts", r.attempts())
                .add("closedReturn", r.closedReturn());
        if (r.reason() != null) {
            json.add("reason", r.reason());
        }
        return json.build();
    }
}
