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
import wms.shopify.credentials.control.ApiCaller;
import wms.shopify.credentials.entity.ApiScope;
import wms.shopify.orders.control.OrderFeed;
import wms.shopify.orders.entity.ImportedOrder;
import wms.shopify.platform.api.Feed;
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
        if (this.feed.find(id).filter(this::inScope).isEmpty()) {
            throw new NotFoundException();
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

    private ApiScope scope() {
        return this.security.getUserPrincipal() instanceof ApiCaller caller ? caller.scope() : ApiScope.FULL;
    }

    /** An order of another store than the credential's is answered as if it did not exist. */
    private boolean inScope(ImportedOrder order) {
        return scope().reaches(order.store().domain().value());
    }
}
