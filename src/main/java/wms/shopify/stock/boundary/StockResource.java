package wms.shopify.stock.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import wms.shopify.platform.web.WmsApi;
import wms.shopify.stock.control.PushView;
import wms.shopify.stock.control.StockViews;

/** A write of stock sync to Shopify: what a Shopify adjustment's referenceDocumentUri leads to. */
@Path("v1/stock/pushes")
@RequestScoped
@Tag(name = "Stock")
@Produces(MediaType.APPLICATION_JSON)
public class StockResource {

    @Inject
    StockViews views;

    @GET
    @Path("{id}")
    @Operation(
            summary = "One write to Shopify and the movements behind it",
            description = "Shopify's inventory adjustment names gid://wms-shopify-connector/StockPush/{id} as its "
                    + "reference document: this is that document.")
    @APIResponse(
            responseCode = "200",
            description = "The push and its movements",
            content = @Content(schema = @Schema(implementation = PushView.class)))
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such push")
    public PushView push(@PathParam("id") long id) {
        return this.views.push(id).orElseThrow(NotFoundException::new);
    }
}
