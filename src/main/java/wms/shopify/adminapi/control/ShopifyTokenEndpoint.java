package wms.shopify.adminapi.control;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A store's OAuth token endpoint as a MicroProfile Rest Client, one per store's address (built by
 * {@link ShopifyHttp}); it answers a {@code Response} whatever the status, for {@link OAuthClient} to tell a refused
 * grant (400, 401) from Shopify being unavailable (429, 5xx). Components call {@link OAuthClient}, never this.
 */
@Path("/admin/oauth")
public interface ShopifyTokenEndpoint {

    /** Posts a grant: an install's code, or a refresh token (the body carries the app's secret: never logged). */
    @POST
    @Path("/access_token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response accessToken(JsonObject grant);
}
