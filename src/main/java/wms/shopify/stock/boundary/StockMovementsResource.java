package wms.shopify.stock.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import wms.shopify.credentials.control.ApiCaller;
import wms.shopify.platform.api.OutOfScopeException;
import wms.shopify.platform.api.WarehouseReach;
import wms.shopify.platform.web.WmsApi;
import wms.shopify.stock.control.IntakeResult;
import wms.shopify.stock.control.StockIntake;
import wms.shopify.stock.control.StockMovementInput;

/** The WMS reports its stock movements here; they reach every store that sells the product within seconds. */
@Path("v1/stock-movements")
@RequestScoped
@Tag(name = "Stock", description = "Stock movements of the WMS, synchronised to the stores' Shopify locations")
@Produces(MediaType.APPLICATION_JSON)
public class StockMovementsResource {

    @Inject
    StockIntake intake;

    /** The calling credential, whose warehouses a movement must be in. */
    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Reports stock movements (one or many)",
            description = "Each movement changes a product's sellable quantity in a warehouse. A movement id seen "
                    + "before is ignored (listed in duplicates), so a call may be repeated safely. All or nothing: "
                    + "when any movement is invalid or names an unknown product, warehouse or store, nothing is "
                    + "stored and every error is listed. New movements go to every store with stock sync on where "
                    + "the product is mapped and the warehouse is mapped to a location.")
    @RequestBody(
            required = true,
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = StockMovementInput.class)))
    @APIResponse(
            responseCode = "200",
            description = "What the call did",
            content = @Content(schema = @Schema(implementation = IntakeResult.class)))
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "413", ref = WmsApi.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = WmsApi.UNSUPPORTED_MEDIA_TYPE)
    @WarehouseReach
    public IntakeResult report(List<StockMovementInput> movements) {
        if (this.security.getUserPrincipal() instanceof ApiCaller caller && movements != null) {
            // A credential limited to some warehouses reports movements of those only; all or nothing, as the call.
            List<String> others = movements.stream()
                    .filter(m -> m != null
                            && m.warehouse() != null
                            && !caller.scope().reachesWarehouse(m.warehouse()))
                    .map(StockMovementInput::warehouse)
                    .distinct()
                    .toList();
            if (!others.isEmpty()) {
                throw new OutOfScopeException("Credential " + caller.keyId() + " is limited to the warehouses "
                        + String.join(
                                ", ", new java.util.TreeSet<>(caller.scope().warehouses()))
                        + "; these movements are in " + String.join(", ", others) + ". Nothing was stored.");
            }
        }
        return this.intake.accept(movements);
    }
}
