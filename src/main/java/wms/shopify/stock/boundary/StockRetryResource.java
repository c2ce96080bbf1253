package wms.shopify.stock.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import wms.shopify.platform.web.WmsApi;
import wms.shopify.stock.control.PushRecords;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;

/** Parked stock changes and pushes of a store sent again (its own root path, see StockReconciliationResource). */
@Path("v1/stores/{store}/stock-retry")
@RequestScoped
@Tag(name = "Stock")
@Produces(MediaType.APPLICATION_JSON)
public class StockRetryResource {

    @Inject
    PushRecords records;

    @Inject
    Stores stores;

    @POST
    @Operation(
            summary = "Retries the store's parked stock changes and pushes",
            description = "Parked pushes go out again with their idempotency key; parked changes in a new push.")
    @APIResponse(responseCode = "200", description = "How many were set to go out again")
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such connected store")
    public Map<String, Integer> retry(@PathParam("store") String domain) {
        Store store = this.stores.findConnected(domain).orElseThrow(NotFoundException::new);
        return Map.of("retried", this.records.retryFailed(store.id()));
    }
}
