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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import wms.shopify.adminapi.control.ShopifyRequestException;
import wms.shopify.adminapi.control.ShopifyUnauthorizedException;
import wms.shopify.adminapi.control.ShopifyUnavailableException;
import wms.shopify.catalog.control.KitComponents;
import wms.shopify.credentials.control.ApiCaller;
import wms.shopify.credentials.entity.ApiScope;
import wms.shopify.orders.control.CancellationAnswerInput;
import wms.shopify.orders.control.CancellationRequestAnswer;
import wms.shopify.orders.control.ChangeRejectionInput;
import wms.shopify.orders.control.FulfillmentRejection;
import wms.shopify.orders.control.FulfillmentRequests;
import wms.shopify.orders.control.OrderFeed;
import wms.shopify.orders.control.OrderHoldInput;
import wms.shopify.orders.control.OrderHolds;
import wms.shopify.orders.control.OrderRecords;
import wms.shopify.orders.control.Orders;
import wms.shopify.orders.entity.HoldReason;
import wms.shopify.orders.entity.ImportedOrder;
import wms.shopify.platform.api.Feed;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;
import wms.shopify.platform.api.OutOfScopeException;
import wms.shopify.platform.api.Problem;
import wms.shopify.platform.api.StoreReach;
import wms.shopify.platform.api.WarehouseReach;
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
    KitComponents kits;

    @Inject
    OrderHolds holds;

    @Inject
    Orders orders;

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
    @WarehouseReach
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
        Set<String> reach = scope.limitedToWarehouses() ? scope.warehouses() : null;
        return Feed.page(
                after,
                limit,
                (cursor, most) -> entries(
                        reach != null
                                ? this.feed.after(cursor, most, scope.stores(), reach)
                                : scope.limitedToStores()
                                        ? this.feed.after(cursor, most, scope.stores())
                                        : this.feed.after(cursor, most),
                        reach),
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
    @WarehouseReach
    public OrderEntryView one(@PathParam("id") long id) {
        ImportedOrder order = this.feed.find(id).filter(this::inScope).orElseThrow(NotFoundException::new);
        Map<String, Map<String, Long>> kits = kitsOf(List.of(order));
        ApiScope scope = scope();
        if (!scope.limitedToWarehouses()) {
            return OrderEntryView.of(order, null, kits);
        }
        // A credential limited to some warehouses sees its part of the order only.
        return order.warehouses().stream()
                .filter(scope::reachesWarehouse)
                .findFirst()
                .map(w -> OrderEntryView.of(order, order.parted() ? w : null, kits))
                .orElseThrow(NotFoundException::new);
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
    @WarehouseReach
    public Response acknowledge(@PathParam("id") long id, JsonObject body) {
        long revision = Feed.revision(body);
        String warehouse = warehouse(body);
        ImportedOrder found = this.feed.find(id).filter(this::inScope).orElseThrow(NotFoundException::new);
        String instance = "/api/v1/orders/" + id + "/acknowledgement";
        if (found.feedSeq() != null && found.feedSeq() == revision) {
            // Checked before anything is answered on Shopify (and again when recorded).
            found.partProblem(warehouse).ifPresent(problem -> {
                throw new InvalidRequestException(List.of(new FieldError("warehouse", problem)));
            });
        }
        ApiScope scope = scope();
        if (scope.limitedToWarehouses()) {
            String part = warehouse != null ? warehouse : found.parted() ? null : found.warehouseCode();
            if (part != null && !scope.reachesWarehouse(part)) {
                String key = this.security.getUserPrincipal() instanceof ApiCaller c ? c.keyId() : "";
                throw new OutOfScopeException("Credential " + key + " is limited to the warehouses "
                        + String.join(", ", new java.util.TreeSet<>(scope.warehouses())) + "; order " + id
                        + "'s entry of " + part + " is not theirs to acknowledge.");
            }
        }
        try {
            // Fulfillment-service mode: the acknowledgement accepts the merchant's request on Shopify first, so
            // that an acknowledgement recorded is never left with the request unanswered.
            this.requests.acceptBeforeAcknowledgement(found, revision, warehouse);
        } catch (FulfillmentRequests.AnswerRefused | ShopifyUnavailableException e) {
            return notAnswered(e, instance);
        }
        ImportedOrder.Ack ack = this.feed.acknowledge(id, revision, warehouse).orElseThrow(NotFoundException::new);
        if (ack == ImportedOrder.Ack.OUTDATED) {
            return Feed.outdated(
                    "Order " + id + " changed since revision " + revision + ": read the feed for its current revision.",
                    "/api/v1/orders/" + id + "/acknowledgement");
        }
        jakarta.json.JsonObjectBuilder answer =
                jakarta.json.Json.createObjectBuilder().add("orderId", id).add("revision", revision);
        if (warehouse != null) {
            answer.add("warehouse", warehouse);
        }
        return Response.ok(answer.add("acknowledged", ack.name().toLowerCase()).build())
                .build();
    }

    /**
     * The warehouse an acknowledgement names (the part of an order of several warehouses), or null when it names
     * none.
     *
     * @throws InvalidRequestException (400 naming {@code warehouse}) when it is not a warehouse code (a string)
     */
    private static String warehouse(JsonObject body) {
        jakarta.json.JsonValue value = body == null ? null : body.get("warehouse");
        if (value == null || value == jakarta.json.JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof jakarta.json.JsonString code)
                || code.getString().isBlank()
                || code.getString().length() > 64) {
            throw new InvalidRequestException(
                    List.of(new FieldError("warehouse", "must be the code of one of the order's warehouses")));
        }
        return code.getString();
    }

    @POST
    @Path("{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Answers the cancellation of an order the WMS has",
            description = "Body {\"revision\": n, \"outcome\": \"CANCELLED\"} or {\"revision\": n, \"outcome\": "
                    + "\"TOO_LATE\", \"shipped\": [{\"product\", \"quantity\"}], \"reason\": \"...\"}, for the "
                    + "CANCELLATION entry at that revision. The answer acknowledges the entry; it is shown on the "
                    + "Orders page and in the Activity log. The same answer again is harmless; another answer after "
                    + "the first (or after a plain acknowledgement, which means CANCELLED) is refused (409).")
    @APIResponse(responseCode = "200", description = "Answered (now or before)")
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(
            responseCode = "409",
            description = "The order moved past that revision, its entry is not a cancellation, or it was answered "
                    + "otherwise before")
    public Response answerCancellation(@PathParam("id") long id, JsonObject body) {
        CancellationAnswerInput answer = CancellationAnswerInput.read(body);
        if (this.feed.find(id).filter(this::inScope).isEmpty()) {
            throw new NotFoundException();
        }
        ImportedOrder.Answer outcome =
                this.feed.answerCancellation(id, answer, caller()).orElseThrow(NotFoundException::new);
        return answered(
                outcome,
                id,
                answer.revision(),
                "cancellation",
                "/api/v1/orders/" + id + "/cancellation",
                jakarta.json.Json.createObjectBuilder()
                        .add("outcome", answer.outcome().name())
                        .add("answered", outcome == ImportedOrder.Answer.DONE ? "done" : "already"));
    }

    @POST
    @Path("{id}/change-rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Rejects the change of an order the WMS has",
            description = "Body {\"revision\": n, \"reason\": \"...\"}, for the CHANGE entry at that revision (the "
                    + "order was edited on Shopify after the WMS accepted it, and the WMS cannot take the edit, e.g. "
                    + "it shipped already). The entry leaves the feed; the rejection is shown on the Orders page and "
                    + "in the Activity log. Acknowledging the entry instead takes the change. In fulfillment-service "
                    + "mode a change that carries a fulfillment request the merchant made after the WMS accepted the "
                    + "order has that request rejected on Shopify first (fulfillmentOrderRejectFulfillmentRequest, "
                    + "once): with \"rejectionReason\" (optional, one of Shopify's FulfillmentOrderRejectionReason "
                    + "values), else the reason when it is one of them, else OTHER with the reason as the merchant's "
                    + "message; \"message\" (optional) is shown to the merchant. rejectedOnShopify lists the "
                    + "fulfillment orders rejected.")
    @APIResponse(responseCode = "200", description = "Rejected (now or before)")
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(
            responseCode = "409",
            description = "The order moved past that revision, its entry is not a change, it was answered before, "
                    + "or Shopify refused to reject the fulfillment request it carries")
    @APIResponse(responseCode = "503", description = "Shopify could not be reached: nothing changed, try again")
    public Response rejectChange(@PathParam("id") long id, JsonObject body) {
        ChangeRejectionInput rejection = ChangeRejectionInput.read(body);
        ImportedOrder found = this.feed.find(id).filter(this::inScope).orElseThrow(NotFoundException::new);
        String instance = "/api/v1/orders/" + id + "/change-rejection";
        FulfillmentRejection shopify = rejection.shopifyRejection();
        List<wms.shopify.orders.entity.RejectedFulfillmentOrder> rejected;
        try {
            // Fulfillment-service mode: a change carrying a new fulfillment request has that request rejected on
            // Shopify first, so that a rejection recorded never leaves the merchant's request unanswered.
            rejected = this.requests.rejectBeforeChangeRejection(found, rejection.revision(), shopify);
        } catch (FulfillmentRequests.AnswerRefused | ShopifyUnavailableException e) {
            return notAnswered(e, instance);
        }
        ImportedOrder.Answer outcome = this.feed
                .rejectChange(
                        id,
                        rejection.revision(),
                        rejection.reason(),
                        rejected,
                        shopify.reason().name() + (shopify.message() == null ? "" : ": " + shopify.message()),
                        caller())
                .orElseThrow(NotFoundException::new);
        return answered(
                outcome,
                id,
                rejection.revision(),
                "change",
                instance,
                jakarta.json.Json.createObjectBuilder()
                        .add("rejected", outcome == ImportedOrder.Answer.DONE ? "done" : "already")
                        .add(
                                "rejectedOnShopify",
                                jakarta.json.Json.createArrayBuilder(rejected.stream()
                                        .map(wms.shopify.orders.entity.RejectedFulfillmentOrder::fulfillmentOrderId)
                                        .toList())));
    }

    /**
     * The answer to the WMS's answer of an entry (a cancellation, a change): 200 with what was recorded, or the 409
     * saying why it was not.
     */
    private static Response answered(
            ImportedOrder.Answer outcome,
            long id,
            long revision,
            String kind,
            String instance,
            jakarta.json.JsonObjectBuilder recorded) {
        return switch (outcome) {
            case OUTDATED ->
                Feed.outdated(
                        "Order " + id + " changed since revision " + revision
                                + ": read the feed for its current revision.",
                        instance);
            case WRONG_KIND ->
                Feed.outdated(
                        "Revision " + revision + " of order " + id + " is not a " + kind + ": acknowledge it instead.",
                        instance);
            case ANSWERED_OTHERWISE ->
                Feed.outdated(
                        "The " + kind + " of order " + id + " was answered otherwise before; that answer stands.",
                        instance);
            case DONE, ALREADY ->
                Response.ok(recorded.add("orderId", id)
                                .add("revision", revision)
                                .build())
                        .build();
        };
    }

    @POST
    @Path("{id}/hold")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Puts an order on hold on Shopify",
            description = "Body {\"reason\": one of Shopify's FulfillmentHoldReason values, \"notes\": \"...\"}. "
                    + "Each of the order's fulfillment orders with units to ship is put on hold on Shopify with that "
                    + "reason (the merchant sees it in Shopify's admin); the order then shows as on hold in the feed "
                    + "and on the Orders page. Repeating it is harmless.")
    @APIResponse(responseCode = "200", description = "Held (now or before)")
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "Shopify refused the hold; the detail says why")
    @APIResponse(responseCode = "502", description = "Shopify refused the call (token, access)")
    @APIResponse(responseCode = "503", description = "Shopify could not be reached: send the call again")
    public Response hold(@PathParam("id") long id, JsonObject body) {
        OrderHoldInput hold = OrderHoldInput.read(body);
        ImportedOrder order = this.feed.find(id).filter(this::inScope).orElseThrow(NotFoundException::new);
        String instance = "/api/v1/orders/" + id + "/hold";
        return holdAnswer(id, instance, () -> this.holds.hold(order, hold.reason(), hold.notes(), caller()), "held");
    }

    @POST
    @Path("{id}/hold-release")
    @Operation(
            summary = "Releases the WMS's hold of an order on Shopify",
            description = "Releases the holds the WMS placed (POST .../hold) on the order's fulfillment orders; holds "
                    + "the merchant or another app placed stay. No body. Repeating it is harmless.")
    @APIResponse(responseCode = "200", description = "Released (now or before)")
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "Shopify refused the release; the detail says why")
    @APIResponse(responseCode = "502", description = "Shopify refused the call (token, access)")
    @APIResponse(responseCode = "503", description = "Shopify could not be reached: send the call again")
    public Response releaseHold(@PathParam("id") long id) {
        ImportedOrder order = this.feed.find(id).filter(this::inScope).orElseThrow(NotFoundException::new);
        String instance = "/api/v1/orders/" + id + "/hold-release";
        return holdAnswer(id, instance, () -> this.holds.release(order, caller()), "released");
    }

    @POST
    @Path("{id}/risk-release")
    @Operation(
            summary = "Releases an order held for risk",
            description = "For an order the store's risk hold keeps from the WMS (Shopify recommends cancelling or "
                    + "investigating it): the merchant decided to ship it. It is read again from Shopify and decided "
                    + "as any order, never held for risk again; it enters the feed unless something else holds it. "
                    + "No body. Activity records who released it.")
    @APIResponse(responseCode = "200", description = "Released; state and order say what became of it")
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "The order is not held for risk")
    @APIResponse(responseCode = "503", description = "Shopify could not be reached: send the call again")
    public Response releaseRisk(@PathParam("id") long id) {
        ImportedOrder order = this.feed.find(id).filter(this::inScope).orElseThrow(NotFoundException::new);
        String instance = "/api/v1/orders/" + id + "/risk-release";
        if (order.holdReason() != HoldReason.HIGH_RISK) {
            return Problem.of(
                            Response.Status.CONFLICT,
                            "Order " + order.name() + " is not held for risk (it is "
                                    + order.state().name().toLowerCase(java.util.Locale.ROOT) + ").",
                            instance)
                    .response()
                    .build();
        }
        OrderRecords.Outcome outcome;
        try {
            outcome = this.orders.release(id, caller());
        } catch (ShopifyUnavailableException e) {
            return Problem.of(
                            Response.Status.SERVICE_UNAVAILABLE,
                            "Shopify could not be reached (" + e.getMessage() + "): send the call again.",
                            instance)
                    .response()
                    .build();
        }
        return Response.ok(jakarta.json.Json.createObjectBuilder()
                        .add("orderId", id)
                        .add("released", "done")
                        .add("state", outcome.state().name())
                        .add("order", outcome.note())
                        .build())
                .build();
    }

    private static Response holdAnswer(
            long id, String instance, java.util.function.Supplier<OrderHolds.Outcome> call, String done) {
        OrderHolds.Outcome outcome;
        try {
            outcome = call.get();
        } catch (ShopifyUnavailableException e) {
            return Problem.of(
                            Response.Status.SERVICE_UNAVAILABLE,
                            "Shopify could not be reached (" + e.getMessage() + "): send the call again.",
                            instance)
                    .response()
                    .build();
        } catch (ShopifyRequestException | ShopifyUnauthorizedException e) {
            return Problem.of(Response.Status.BAD_GATEWAY, "Shopify refused the call: " + e.getMessage(), instance)
                    .response()
                    .build();
        } catch (IllegalStateException e) {
            return Problem.of(Response.Status.CONFLICT, e.getMessage(), instance)
                    .response()
                    .build();
        }
        if (outcome.changed() == 0 && outcome.already() == 0) {
            return Problem.of(
                            Response.Status.CONFLICT,
                            "Shopify refused: " + String.join(" | ", outcome.refusals()),
                            instance)
                    .response()
                    .build();
        }
        jakarta.json.JsonArrayBuilder refused = jakarta.json.Json.createArrayBuilder();
        outcome.refusals().forEach(refused::add);
        return Response.ok(jakarta.json.Json.createObjectBuilder()
                        .add("orderId", id)
                        .add(done, outcome.changed() > 0 ? "done" : "already")
                        .add("fulfillmentOrders", outcome.changed())
                        .add("refused", refused)
                        .add("order", outcome.note())
                        .build())
                .build();
    }

    private String caller() {
        return this.security.getUserPrincipal() == null
                ? null
                : "WMS API " + this.security.getUserPrincipal().getName();
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
        return answerCancellation(
                id, true, CancellationRequestAnswer.of(body, false), "cancellation-request-acceptance");
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
        return answerCancellation(
                id, false, CancellationRequestAnswer.of(body, true), "cancellation-request-rejection");
    }

    private Response answerCancellation(long id, boolean agreed, CancellationRequestAnswer answer, String path) {
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
    /** The orders as the feed shows them, each kit's line with its components to pick (one query per page). */
    /** The feed entries of these orders (one per order, or per warehouse part within {@code reach}). */
    private List<OrderEntryView> entries(List<ImportedOrder> orders, Set<String> reach) {
        Map<String, Map<String, Long>> kits = kitsOf(orders);
        return orders.stream()
                .flatMap(order -> OrderEntryView.entries(order, reach, kits).stream())
                .toList();
    }

    /** The WMS kits among the orders' lines' products: kit code → component code → units per kit. */
    private Map<String, Map<String, Long>> kitsOf(List<ImportedOrder> orders) {
        Set<String> products = new HashSet<>();
        orders.forEach(order -> order.lines().forEach(line -> {
            if (line.productCode() != null) {
                products.add(line.productCode());
            }
        }));
        return products.isEmpty() ? Map.of() : this.kits.of(products);
    }

    private boolean inScope(ImportedOrder order) {
        return scope().reaches(order.store().domain().value());
    }
}
