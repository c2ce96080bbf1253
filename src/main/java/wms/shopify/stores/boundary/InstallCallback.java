package wms.shopify.stores.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import wms.shopify.stores.control.InstallRefusedException;
import wms.shopify.stores.control.Installation;
import wms.shopify.stores.entity.Store;

/**
 * Where Shopify sends the merchant back after approving the app (under /admin, so only a signed-in admin's browser,
 * which holds the install's state, gets here). Success leads to the Stores page; a refused callback gets a plain
 * page with the reason, status 400, and nothing stored.
 */
@WebServlet("/admin/shopify/callback")
public class InstallCallback extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Installation installation;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            Map<String, String> query = singleValued(request.getParameterMap());
            Store store = this.installation.complete(query, InstallSession.of(request.getSession(true)),
                    request.getRemoteUser());
            response.sendRedirect(request.getContextPath() + "/admin/stores.xhtml?connected="
                    + URLEncoder.encode(store.domain().value(), StandardCharsets.UTF_8));
        } catch (InstallRefusedException e) {
            refuse(response, e.getMessage());
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

    private static void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Store not "
                + "connected</title><link rel=\"stylesheet\" href=\"../../jakarta.faces.resource/css/admin.css.xhtml\">"
                + "</head><body><main class=\"content\"><h1>Store not connected</h1><p id=\"install-problem\" "
                + "class=\"message error\">" + escape(message) + "</p><p><a href=\"../store-add.xhtml\">+ Add Store"
                + "</a> · <a href=\"../stores.xhtml\">Stores</a></p></main></body></html>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
