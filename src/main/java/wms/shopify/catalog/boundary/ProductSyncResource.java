package wms.shopify.catalog.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import wms.shopify.catalog.control.ProductSyncs;
import wms.shopify.catalog.control.SyncAlreadyRunningException;
import wms.shopify.platform.web.WmsApi;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;

/** Starts Sync Products for a store and shows how the latest one is doing. */
@Path("v1/stores/{store}/product-sync")
@RequestScoped
@Tag(name = "Products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductSyncResource {

    @Inject
    ProductSyncs syncs;

    @Inject
    Stores stores;

    @Context
    SecurityContext security;

    @POST
    @Operation(
            summary = "Starts Sync Products for a store",
            description = "Reads every variant of the store in the background and maps the unmapped ones by SKU, "
                    + "then barcode. Never changes an existing mapping, never changes stock. One sync per store at "
                    + "a time: 409 while one runs.")
    @APIResponse(
            responseCode = "202",
            description = "Started; follow it with GET",
            content = @Content(schema = @Schema(implementation = ProductSyncView.class)))
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No connected store has this domain")
    @APIResponse(responseCode = "409", description = "A sync of this store is running")
    public Response start(@PathParam("store") String domain) {
        Store store = this.stores.findConnected(domain).orElseThrow(NotFoundException::new);
        try {
            return Response.accepted(ProductSyncView.of(this.syncs.start(
                            store, this.security.getUserPrincipal().getName())))
                    .build();
        } catch (SyncAlreadyRunningException e) {
            throw new ClientErrorException(Response.Status.CONFLICT, e);
        }
    }

    @POST
    @Path("cancel")
    @Operation(
            summary = "Cancels the store's running Sync Products",
            description = "Asks the running sync to stop: it does at its next page of 250 variants, keeping every "
                    + "variant it recorded (mappings made stay), and ends cancelled. Follow it with GET.")
    @APIResponse(
            responseCode = "202",
            description = "Asked to stop",
            content = @Content(schema = @Schema(implementation = ProductSyncView.class)))
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No connected store has this domain")
    @APIResponse(responseCode = "409", ref = WmsApi.CONFLICT)
    public Response cancel(@PathParam("store") String domain) {
        Store store = this.stores.findConnected(domain).orElseThrow(NotFoundException::new);
        return Response.accepted(ProductSyncView.of(this.syncs
                        .cancel(store)
                        .orElseThrow(() -> new ClientErrorException(
                                "No Sync Products of " + domain + " is running", Response.Status.CONFLICT))))
                .build();
    }

    @GET
    @Operation(summary = "The store's latest Sync Products", description = "Its state and progress, or its result.")
    @APIResponse(
            responseCode = "200",
            description = "The latest sync",
            content = @Content(schema = @Schema(implementation = ProductSyncView.class)))
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such store, or never synced")
    public ProductSyncView latest(@PathParam("store") String domain) {
        Store store = this.stores.findConnected(domain).orElseThrow(NotFoundException::new);
        return this.syncs.latest(store).map(ProductSyncView::of).orElseThrow(NotFoundException::new);
    }
}
