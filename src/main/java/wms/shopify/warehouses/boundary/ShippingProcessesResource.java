package wms.shopify.warehouses.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
import wms.shopify.platform.api.RegistrationReport;
import wms.shopify.platform.web.WmsApi;
import wms.shopify.warehouses.control.ShippingProcessRegistration;
import wms.shopify.warehouses.control.Warehouses;

/** The WMS registers its shipping processes here and reads back what is registered. */
@Path("v1/shipping-processes")
@RequestScoped
@Tag(name = "Shipping processes", description = "How the WMS ships; Shopify locations are mapped to one")
@Produces(MediaType.APPLICATION_JSON)
public class ShippingProcessesResource {

    @Inject
    Warehouses warehouses;

    @Context
    SecurityContext security;

    @GET
    @Operation(
            summary = "Lists the registered shipping processes",
            description = "Every shipping process, active or not, by code.")
    @APIResponse(
            responseCode = "200",
            description = "The shipping processes",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ShippingProcessView.class)))
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    public List<ShippingProcessView> list() {
        return this.warehouses.allShippingProcesses().stream()
                .map(ShippingProcessView::of)
                .toList();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Registers shipping processes (bulk upsert by code)",
            description = "Each item is the full current state of one shipping process: a new code is created, a "
                    + "known one updated. A process may name the code of an already registered warehouse; an unknown "
                    + "code is an error. Sending the same body again changes nothing and answers changed=false. "
                    + "Processes are never deleted: send active=false to deactivate one. All or nothing: when any "
                    + "item is invalid, nothing is changed and every error is listed.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = ShippingProcessRegistration.class)))
    @APIResponse(
            responseCode = "200",
            description = "What the call did",
            content = @Content(schema = @Schema(implementation = RegistrationReport.class)))
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "409", ref = WmsApi.CONFLICT)
    @APIResponse(responseCode = "413", ref = WmsApi.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = WmsApi.UNSUPPORTED_MEDIA_TYPE)
    public RegistrationReport register(List<ShippingProcessRegistration> items) {
        // A 400 is decided before the transaction starts (one thrown inside would make Liberty write an FFDC).
        this.warehouses.checkShippingProcesses(items);
        return RegistrationReport.of(this.warehouses.registerShippingProcesses(
                items, this.security.getUserPrincipal().getName()));
    }
}
