package wms.shopify.stores.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import wms.shopify.stores.control.InstallRefusedException;
import wms.shopify.stores.control.Installation;
import wms.shopify.stores.entity.Store;

/**
 * Where Shopify sends the merchant back after approving the app ({@code GET /admin/shopify/callback},
 * {@link InstallCallbackApi}; under /admin, so only a signed-in admin's browser, which holds the install's state in
 * its session, gets here). Success leads to the Stores page (302); a refused callback gets a plain page with the
 * reason, status 400, and nothing stored. The query is read as the servlet request has it, so that a parameter
 * given twice is seen and refused.
 */
@ApplicationScoped
@Path("callback")
public class InstallCallback {

    @Inject
    Installation installation;

    @GET
    @Operation(hidden = true) // the merchant's browser's address, not the WMS API's
    public Response complete(@Context HttpServletRequest request) {
        try {
            Map<String, String> query = singleValued(request.getParameterMap());
            Store store = this.installation.complete(
                    query, InstallSession.of(request.getSession(true)), request.getRemoteUser());
            // Absolute, from the request's own address as a servlet's redirect is: JAX-RS would resolve a path
            // against the application's base (/admin/shopify), not the server's root.
            URI stores = URI.create(request.getRequestURL().toString())
                    .resolve(request.getContextPath()
                            + "/admin/stores.xhtml?connected="
                            + URLEncoder.encode(store.domain().value(), StandardCharsets.UTF_8));
            return Response.status(Response.Status.FOUND).location(stores).build();
        } catch (InstallRefusedException e) {
            return refuse(e.getMessage());
        }
    }

    /** A parameter given twice is not Shopify's: refuse rather than guess which one was signed. */
    private static Map<String, String> singleValued(Map<String, String[]> parameters) {
        Map<String, String> single = new HashMap<>();
        parameters.forEach((name, values) -> {
            if (values.length != 1) {
                throw new InstallRefusedException("Shopify's answer is malformed. Start again with + Add Store.");
            }
            single.put(name, values[0]);
        });
        return single;
    }

    private static Response refuse(String message) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type("text/html;charset=UTF-8")
                .entity("<!DOCTYPE html>"
                        + "<html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Store not "
                        + "connected</title><link rel=\"stylesheet\" href=\"../../jakarta.faces.resource/css/admin.css.xhtml\">"
                        + "</head><body><main class=\"content\"><h1>Store not connected</h1><p id=\"install-problem\" "
                        + "class=\"message error\">" + escape(message)
                        + "</p><p><a href=\"../store-add.xhtml\">+ Add Store"
                        + "</a> · <a href=\"../stores.xhtml\">Stores</a></p></main></body></html>")
                .build();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
