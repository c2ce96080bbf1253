package wms.shopify.stock.boundary;

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
import wms.shopify.platform.web.WmsApi;
import wms.shopify.stock.control.ReconciliationView;
import wms.shopify.stock.control.Reconciliations;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;

/**
 * Drift reconciliation of a store. Its own root path: JAX-RS matches a request to one root resource class (the one
 * with the longest literal path), so resources of several components under {@code v1/stores/{store}} would hide
 * each other.
 */
@Path("v1/stores/{store}/stock-reconciliation")
@RequestScoped
@Tag(name = "Stock")
@Produces(MediaType.APPLICATION_JSON)
public class StockReconciliationResource {

    @Inject
    Reconciliations reconciliations;

    @Inject
    Stores stores;

    @Context
    SecurityContext security;

    @POST
    @Operation(
            summary = "Starts a drift reconciliation of the store",
            description = "Compares Shopify's available quantities at the mapped locations with the WMS and reports "
                    + "the differences; in Absolute mode they are corrected with compare-and-set.")
    @APIResponse(
            responseCode = "202",
            description = "Started",
            content = @Content(schema = @Schema(implementation = ReconciliationView.class)))
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such connected store")
    @APIResponse(responseCode = "409", ref = WmsApi.CONFLICT)
    public Response reconcile(@PathParam("store") String domain) {
        Store store = this.stores.findConnected(domain).orElseThrow(NotFoundException::new);
        this.reconciliations
                .start(store, this.security.getUserPrincipal().getName())
                .orElseThrow(() -> new ClientErrorException(
                        "A reconciliation of " + domain + " is running", Response.Status.CONFLICT));
        return Response.accepted(this.reconciliations.latest(store.id()).orElseThrow())
                .build();
    }

    @POST
    @Path("cancel")
    @Operation(
            summary = "Cancels the store's running drift reconciliation",
            description = "Asks it to stop: it does before it reads its next page of levels and ends cancelled, "
                    + "with the differences found so far reported. Corrections it already queued (Absolute mode) "
                    + "stay: each is a compare-and-set against the quantity just read.")
    @APIResponse(
            responseCode = "202",
            description = "Asked to stop; follow it with GET",
            content = @Content(schema = @Schema(implementation = ReconciliationView.class)))
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such connected store")
    @APIResponse(responseCode = "409", ref = WmsApi.CONFLICT)
    public Response cancel(@PathParam("store") String domain) {
        Store store = this.stores.findConnected(domain).orElseThrow(NotFoundException::new);
        return Response.accepted(this.reconciliations
                        .cancel(store.id())
                        .orElseThrow(() -> new ClientErrorException(
                                "No reconciliation of " + domain + " is running", Response.Status.CONFLICT)))
                .build();
    }

    @GET
    @Operation(summary = "The store's latest drift reconciliation")
    @APIResponse(
            responseCode = "200",
            description = "Running, or its result",
            content = @Content(schema = @Schema(implementation = ReconciliationView.class)))
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such store, or never reconciled")
    public ReconciliationView latestReconciliation(@PathParam("store") String domain) {
        Store store = this.stores.findConnected(domain).orElseThrow(NotFoundException::new);
        return this.reconciliations.latest(store.id()).orElseThrow(NotFoundException::new);
    }
}
