package wms.shopify.adminapi.control;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A store's GraphQL Admin API endpoint as a MicroProfile Rest Client, one per store's address (built by
 * {@link ShopifyHttp}). It answers a {@code Response}, whatever the status, so that {@link AdminApi} sees 401, 429
 * with its {@code Retry-After}, 5xx and {@code X-Shopify-API-Version}. Components call {@link AdminApi}, never this.
 */
@Path("/admin/api")
public interface ShopifyAdminClient {

    /**
     * Posts a GraphQL request ({@code query}, {@code operationName}, {@code variables}).
     *
     * @param accessToken the store's token (never logged)
     */
    @POST
    @Path("/{version}/graphql.json")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response graphQl(
            @PathParam("version") String version,
            @HeaderParam("X-Shopify-Access-Token") String accessToken,
            JsonObject request);
}
