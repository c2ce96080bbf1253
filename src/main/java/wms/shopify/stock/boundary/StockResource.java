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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import wms.shopify.platform.web.WmsApi;
import wms.shopify.shopify.entity.InvalidShopDomainException;
import wms.shopify.shopify.entity.ShopDomain;
import wms.shopify.stock.control.PushRecords;
import wms.shopify.stock.control.Reconciliations;
import wms.shopify.stock.control.StockViews;
import wms.shopify.stock.entity.PushView;
import wms.shopify.stock.entity.ReconciliationView;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;

/** Stock sync's pushes (what a Shopify adjustment's referenceDocumentUri leads to), reconciliation and retries. */
@Path("v1")
@RequestScoped
@Tag(name = "Stock")
@Produces(MediaType.APPLICATION_JSON)
public class StockResource {

    @Inject
    StockViews views;

    @Inject
    Reconciliations reconciliations;

    @Inject
    PushRecords records;

    @Inject
    Stores stores;

    @Context
    SecurityContext security;

    @GET
    @Path("stock/pushes/{id}")
    @Operation(summary = "One write to Shopify and the movements behind it",
            description = "Shopify's inventory adjustment names gid://wms-shopify-connector/StockPush/{id} as its "
                    + "reference document: this is that document.")
    @APIResponse(responseCode = "200", description = "The push and its movements",
            content = @Content(schema = @Schema(implementation = PushView.class)))
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such push")
    public PushView push(@PathParam("id") long id) {
        return this.views.push(id).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("stores/{store}/stock-reconciliation")
    @Operation(summary = "Starts a drift reconciliation of the store",
            description = "Compares Shopify's available quantities at the mapped locations with the WMS and reports "
                    + "the differences; in Absolute mode they are corrected with compare-and-set.")
    @APIResponse(responseCode = "202", description = "Started",
            content = @Content(schema = @Schema(implementation = ReconciliationView.class)))
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such connected store")
    @APIResponse(responseCode = "409", ref = WmsApi.CONFLICT)
    public Response reconcile(@PathParam("store") String domain) {
        Store store = connected(domain);
        this.reconciliations.start(store, this.security.getUserPrincipal().getName())
                .orElseThrow(() -> new ClientErrorException("A reconciliation of " + domain + " is running",
                        Response.Status.CONFLICT));
        return Response.accepted(this.reconciliations.latest(store.id()).orElseThrow()).build();
    }

    @GET
    @Path("stores/{store}/stock-reconciliation")
    @Operation(summary = "The store's latest drift reconciliation")
    @APIResponse(responseCode = "200", description = "Running, or its result",
            content = @Content(schema = @Schema(implementation = ReconciliationView.class)))
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such store, or never reconciled")
    public ReconciliationView latestReconciliation(@PathParam("store") String domain) {
        return this.reconciliations.latest(connected(domain).id()).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("stores/{store}/stock-retry")
    @Operation(summary = "Retries the store's parked stock changes and pushes",
            description = "Parked pushes go out again with their idempotency key; parked changes in a new push.")
    @APIResponse(responseCode = "200", description = "How many were set to go out again")
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such connected store")
    public Map<String, Integer> retry(@PathParam("store") String domain) {
        return Map.of("retried", this.records.retryFailed(connected(domain).id()));
    }

    private Store connected(String domain) {
        try {
            return this.stores.find(new ShopDomain(domain)).filter(Store::isConnected)
                    .orElseThrow(NotFoundException::new);
        } catch (InvalidShopDomainException e) {
            throw new NotFoundException(e);
        }
    }
}
