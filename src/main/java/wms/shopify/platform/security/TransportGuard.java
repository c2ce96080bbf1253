package wms.shopify.platform.security;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the admin pages and the WMS API on HTTPS (directly, or through the trusted TLS-terminating proxy): over plain
 * HTTP a page is redirected to HTTPS and an API call refused (403, problem details), so neither a password nor a
 * bearer credential travels in clear after the first mistaken request. Shopify's webhooks (signed), health, metrics
 * and the API contract stay reachable over HTTP. Over HTTPS every answer carries HSTS and every cookie the
 * connector sets (the session and the sign-in token) is marked {@code Secure}. {@code ALLOW_PLAIN_HTTP} turns the
 * refusal off for a local trial. Mapped first in web.xml.
 */
public class TransportGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** Paths served over plain HTTP too: signed by Shopify, or without anything secret. */
    private static final List<String> PLAIN_HTTP_PATHS =
            List.of("/shopify/webhooks", "/health", "/metrics", "/openapi");

    @Inject
    transient ClientConnection connection;

    @Inject
    @ConfigProperty(name = "wms.transport.https-port")
    int httpsPort;

    @Inject
    @ConfigProperty(name = "wms.transport.hsts-max-age-seconds")
    long hstsMaxAgeSeconds;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (this.connection.overHttps(request)) {
            response.setHeader("Strict-Transport-Security", "max-age=" + this.hstsMaxAgeSeconds);
            chain.doFilter(request, new SecureCookies(response));
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (this.connection.plainHttpAllowed()
                || PLAIN_HTTP_PATHS.stream().anyMatch(open -> path.equals(open) || path.startsWith(open + "/"))) {
            chain.doFilter(request, response);
            return;
        }
        String origin = "https://" + request.getServerName() + (this.httpsPort == 443 ? "" : ":" + this.httpsPort);
        if (path.startsWith("/api/")) {
            refuse(
                    response,
                    request.getRequestURI(),
                    "The WMS API is served over HTTPS only, so that credentials" + " never travel in clear: call "
                            + origin + request.getRequestURI() + " instead.");
        } else if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            response.sendRedirect(origin
                    + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        } else {
            refuse(
                    response,
                    request.getRequestURI(),
                    "The admin pages are served over HTTPS only: open " + origin + "/ instead.");
        }
    }

    private static void refuse(HttpServletResponse response, String instance, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream()
                .write(Json.createObjectBuilder()
                        .add("type", "about:blank")
                        .add("title", "Forbidden")
                        .add("status", 403)
                        .add("detail", detail)
                        .add("instance", instance)
                        .build()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** Marks every cookie set while answering an HTTPS request {@code Secure}: it never goes back over HTTP. */
    private static final class SecureCookies extends HttpServletResponseWrapper {

        SecureCookies(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookie.setSecure(true);
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, secured(name, value));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, secured(name, value));
        }

        private static String secured(String name, String value) {
            boolean cookie = "Set-Cookie".equalsIgnoreCase(name) && value != null;
            return cookie && !value.toLowerCase(Locale.ROOT).contains("; secure") ? value + "; Secure" : value;
        }
    }
}
