package wms.shopify.catalog.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import wms.shopify.catalog.control.Catalog;
import wms.shopify.catalog.control.ProductRegistration;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;
import wms.shopify.platform.api.WholeNumber;
import wms.shopify.platform.web.WmsApi;

/** The WMS registers its catalog here and reads back what is registered, page by page. */
@Path("v1/products")
@RequestScoped
@Tag(name = "Products", description = "The WMS catalog, which Shopify variants are mapped to by SKU and barcode")
@Produces(MediaType.APPLICATION_JSON)
public class ProductsResource {

    /** The most products one GET answers. */
    static final int PAGE_LIMIT = 5000;

    @Inject
    Catalog catalog;

    @Context
    SecurityContext security;

    @GET
    @Operation(
            summary = "Lists registered products, a page at a time",
            description = "Products, active or not, ordered by code. For the next page, pass the last code of this "
                    + "one as `after`; an empty array is the end.")
    @APIResponse(
            responseCode = "200",
            description = "A page of products",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ProductView.class)))
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    public List<ProductView> list(
            @Parameter(description = "answer the products after this code") @QueryParam("after") String after,
            @Parameter(
                            description = "at most this many (1–5000, default 1000)",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "5000"))
                    @QueryParam("limit")
                    String limit) {
        List<FieldError> errors = new ArrayList<>();
        Long size = WholeNumber.parameter(limit, "limit", 1, PAGE_LIMIT, 1000, errors);
        if (size == null) {
            throw new InvalidRequestException(errors);
        }
        var page = this.catalog.page(after, size.intValue());
        // The page's kits in one query, not one per product.
        var kits = this.catalog.componentsOf(page.stream().map(p -> p.code()).toList());
        return page.stream().map(product -> ProductView.of(product, kits)).toList();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Registers products (bulk upsert by code)",
            description = "Each item is the full current state of one product: a new code is created, a known one "
                    + "updated. Sending the same body again changes nothing and answers changed=false. Products are "
                    + "never deleted: send active=false to deactivate one (it stops matching; variants mapped to it "
                    + "keep their mapping and are flagged). All or nothing: when any item is invalid, nothing is "
                    + "changed and every error is listed. SKUs and barcodes of the call that several active products "
                    + "share are listed in the answer: they match no Shopify variant. A kit lists its components "
                    + "(registered before or in the same call, none a kit itself); its stock is computed from theirs "
                    + "and stock movements naming it are refused.")
    @RequestBody(
            required = true,
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ProductRegistration.class)))
    @APIResponse(
            responseCode = "200",
            description = "What the call did",
            content = @Content(schema = @Schema(implementation = ProductRegistrationReport.class)))
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "409", ref = WmsApi.CONFLICT)
    @APIResponse(responseCode = "413", ref = WmsApi.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = WmsApi.UNSUPPORTED_MEDIA_TYPE)
    public ProductRegistrationReport register(List<ProductRegistration> items) {
        // A 400 is decided before the transaction starts (one thrown inside would make Liberty write an FFDC).
        this.catalog.check(items);
        return ProductRegistrationReport.of(
                this.catalog.register(items, this.security.getUserPrincipal().getName()));
    }
}
