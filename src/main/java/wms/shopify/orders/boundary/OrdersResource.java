package wms.shopify.orders.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import wms.shopify.adminapi.control.ShopifyUnavailableException;
import wms.shopify.credentials.control.ApiCaller;
import wms.shopify.credentials.entity.ApiScope;
import wms.shopify.orders.control.CancellationAnswer;
import wms.shopify.orders.control.FulfillmentRejection;
import wms.shopify.orders.control.FulfillmentRequests;
import wms.shopify.orders.control.OrderFeed;
import wms.shopify.orders.entity.ImportedOrder;
import wms.shopify.platform.api.Feed;
import wms.shopify.platform.api.Problem;
import wms.shopify.platform.api.StoreReach;
import wms.shopify.platform.web.WmsApi;

/** The orders the WMS ships: the feed from a cursor, and the acknowledgement of each entry. */
@Path("v1/orders")
@RequestScoped
@StoreReach(StoreReach.Reach.CALLERS_STORES)
@Tag(name = "Orders", description = "Shopify orders to ship, and cancellations, as a feed with acknowledgements")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    @Inject
    OrderFeed feed;

    @Inject
    FulfillmentRequests requests;

    /** The calling credential: one limited to some stores sees and acknowledges only their orders. */
    @Context
    SecurityContext security;

    @GET
    @Path("feed")
    @Operation(
            summary = "The order feed from a cursor",
            description = "Orders ready to ship and cancellations of orders the WMS has, not acknowledged yet, in "
                    + "a stable order (feed position). Read on with the returned cursor; an entry stays in the feed "
                    + "until its revision is acknowledged, so a read from the start (after=0) brings every "
                    + "unacknowledged entry again.")
    @APIResponse(
            responseCode = "200",
            description = "A page of the feed",
            content = @Content(schema = @Schema(implementation = OrderFeedView.class)))
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    public OrderFeedView read(
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
        ApiScope scope = scope();
        return Feed.page(
                after,
                limit,
                (cursor, most) -> (scope.limitedToStores()
                                ? this.feed.after(cursor, most, scope.stores())
                                : this.feed.after(cursor, most))
                        .stream().map(OrderEntryView::of).toList(),
                OrderFeedView::new);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One order as the feed shows it", description = "Also once acknowledged.")
    @APIResponse(
            responseCode = "200",
            description = "The order",
            content = @Content(schema = @Schema(implementation = OrderEntryView.class)))
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such order")
    public OrderEntryView one(@PathParam("id") long id) {
        return this.feed.find(id).filter(this::inScope).map(OrderEntryView::of).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("{id}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Acknowledges one revision of an order",
            description = "Body {\"revision\": n}, the revision the feed gave. An order acknowledged is the WMS's to "
                    + "ship and leaves the feed; a cancellation acknowledged leaves the feed. Repeating an "
                    + "acknowledgement is harmless. A revision the order has moved past is refused (409): read the "
                    + "feed, which has the newer one.")
    @APIResponse(responseCode = "200", description = "Acknowledged (now or before)")
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "The order changed since that revision")
    public Response acknowledge(@PathParam("id") long id, JsonObject body) {
        long revision = Feed.revision(body);
        ImportedOrder found = this.feed.find(id).filter(this::inScope).orElseThrow(NotFoundException::new);
        String instance = "/api/v1/orders/" + id + "/acknowledgement";
        try {
            // Fulfillment-service mode: the acknowledgement accepts the merchant's request on Shopify first, so
            // that an acknowledgement recorded is never left with the request unanswered.
            this.requests.acceptBeforeAcknowledgement(found, revision);
        } catch (FulfillmentRequests.AnswerRefused | ShopifyUnavailableException e) {
            return notAnswered(e, instance);
        }
        ImportedOrder.Ack ack = this.feed.acknowledge(id, revision).orElseThrow(NotFoundException::new);
        if (ack == ImportedOrder.Ack.OUTDATED) {
            return Feed.outdated(
                    "Order " + id + " changed since revision " + revision + ": read the feed for its current revision.",
                    "/api/v1/orders/" + id + "/acknowledgement");
        }
        return Response.ok(jakarta.json.Json.createObjectBuilder()
                        .add("orderId", id)
                        .add("revision", revision)
                        .add("acknowledged", ack.name().toLowerCase())
                        .build())
                .build();
    }

    @POST
    @Path("{id}/fulfillment-request-rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Rejects the merchant's fulfillment request for an order (fulfillment-service mode)",
            description = "Body {\"reason\": one of Shopify's FulfillmentOrderRejectionReason values "
                    + "(INVENTORY_OUT_OF_STOCK, INCORRECT_ADDRESS, UNDELIVERABLE_DESTINATION, ..., OTHER), "
                    + "\"message\": text for the merchant (optional, up to 1000 characters)}. For an order in the "
                    + "feed not acknowledged yet, of a store in fulfillment-service mode: each of its requested "
                    + "fulfillment orders is rejected on Shopify, then the order leaves the feed. Repeating it after a "
                    + "failure is harmless.")
    @APIResponse(responseCode = "200", description = "Rejected")
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "Not a request the WMS can reject now, or Shopify refused")
    @APIResponse(responseCode = "503", description = "Shopify could not be reached: nothing changed, try again")
    public Response rejectFulfillmentRequest(@PathParam("id") long id, JsonObject body) {
        FulfillmentRejection rejection = FulfillmentRejection.of(body);
        ImportedOrder order = this.feed.find(id).filter(this::inScope).orElseThrow(NotFoundException::new);
        String instance = "/api/v1/orders/" + id + "/fulfillment-request-rejection";
        try {
            String note = this.requests.reject(
                    order,
                    rejection.reason(),
                    rejection.message(),
                    this.security.getUserPrincipal().getName());
            return Response.ok(jakarta.json.Json.createObjectBuilder()
                            .add("orderId", id)
                            .add("rejected", true)
                            .add("note", note)
                            .build())
                    .build();
        } catch (IllegalStateException | FulfillmentRequests.AnswerRefused | ShopifyUnavailableException e) {
            return notAnswered(e, instance);
        }
    }

    @POST
    @Path("{id}/cancellation-request-acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Agrees to the merchant's cancellation request (fulfillment-service mode)",
            description = "Body {\"message\": optional text for the merchant}. For an order with a "
                    + "CANCELLATION_REQUEST entry (nothing of it picked yet): the request is accepted on Shopify and "
                    + "the order is cancelled for the WMS; the entry leaves the feed.")
    @APIResponse(responseCode = "200", description = "Agreed")
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "No cancellation request waiting, or Shopify refused")
    @APIResponse(responseCode = "503", description = "Shopify could not be reached: nothing changed, try again")
    public Response acceptCancellationRequest(@PathParam("id") long id, JsonObject body) {
        return answerCancellation(id, true, CancellationAnswer.of(body, false), "cancellation-request-acceptance");
    }

    @POST
    @Path("{id}/cancellation-request-rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Refuses the merchant's cancellation request (fulfillment-service mode)",
            description = "Body {\"message\": why, e.g. \"Already packed\" (required)}. The request is rejected on "
                    + "Shopify, the WMS carries on shipping the order; the entry leaves the feed.")
    @APIResponse(responseCode = "200", description = "Refused")
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "No cancellation request waiting, or Shopify refused")
    @APIResponse(responseCode = "503", description = "Shopify could not be reached: nothing changed, try again")
    public Response rejectCancellationRequest(@PathParam("id") long id, JsonObject body) {
        return answerCancellation(id, false, CancellationAnswer.of(body, true), "cancellation-request-rejection");
    }

    private Response answerCancellation(long id, boolean agreed, CancellationAnswer answer, String path) {
        ImportedOrder order = this.feed.find(id).filter(this::inScope).orElseThrow(NotFoundException::new);
        try {
            String note = this.requests.answerCancellation(
                    order,
                    agreed,
                    answer.message(),
                    this.security.getUserPrincipal().getName());
            return Response.ok(jakarta.json.Json.createObjectBuilder()
                            .add("orderId", id)
                            .add("cancelled", agreed)
                            .add("note", note)
                            .build())
                    .build();
        } catch (IllegalStateException | FulfillmentRequests.AnswerRefused | ShopifyUnavailableException e) {
            return notAnswered(e, "/api/v1/orders/" + id + "/" + path);
        }
    }

    /**
     * The answer when Shopify was not told the WMS's answer to a request: 503 when it could not be reached (nothing
     * recorded: call again later), else 409 with why (Shopify refused, or there is no request to answer).
     */
    private static Response notAnswered(RuntimeException e, String instance) {
        boolean unreachable = e instanceof ShopifyUnavailableException;
        return Problem.of(
                        unreachable ? Response.Status.SERVICE_UNAVAILABLE : Response.Status.CONFLICT,
                        unreachable
                                ? "Shopify could not be reached to take the WMS's answer; nothing was recorded: call "
                                        + "again later."
                                : e.getMessage(),
                        instance)
                .response()
                .build();
    }

    private ApiScope scope() {
        return this.security.getUserPrincipal() instanceof ApiCaller caller ? caller.scope() : ApiScope.FULL;
    }

    /** An order of another store than the credential's is answered as if it did not exist. */
    private boolean inScope(ImportedOrder order) {
        return scope().reaches(order.store().domain().value());
    }
}
