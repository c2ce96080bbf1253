package wms.shopify.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Browser protections on every admin and login page: no framing (clickjacking), no content sniffing, no
 * referrer leaking store names, and scripts and styles only from the connector itself: static files, never inline
 * event handlers, and inline script only with the page's one-time nonce, so that markup injected into a page could
 * not run. Mapped in web.xml.
 *
 * <p>PrimeFaces (in its CSP mode, {@code primefaces.CSP} in web.xml) gives each page a fresh nonce for the scripts
 * that start its widgets and announces it in a Content-Security-Policy header of its own. This filter keeps one
 * header: it takes the nonce from PrimeFaces' header into {@link #POLICY}, so the policy is written here only.
 */
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String HEADER = "Content-Security-Policy";

    /**
     * The policy of every page; a page with PrimeFaces widgets adds its nonce to {@code script-src}. One inline style
     * attribute is allowed by its hash, no other: {@code max-height:200px}, which PrimeFaces' {@code
     * selectCheckboxMenu} always writes on its list of choices (the pickers of Store Settings).
     */
    static final String POLICY = "default-src 'self'; style-src 'self'; style-src-attr 'unsafe-hashes' "
            + "'sha256-7uk35RWzXWCplJn/WE/I9GwTiTp6VCsfJTzKz3qvs3A='; frame-ancestors 'none'; script-src 'self'";

    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=_-]+)'");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader(HEADER, POLICY);
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, new OnePolicy(response));
    }

    /** The policy with the nonce of PrimeFaces' header, or the plain policy when that header has none. */
    static String withNonceOf(String primeFacesPolicy) {
        Matcher nonce = NONCE.matcher(primeFacesPolicy == null ? "" : primeFacesPolicy);
        return nonce.find() ? POLICY + " 'nonce-" + nonce.group(1) + "'" : POLICY;
    }

    /** A response on which a second Content-Security-Policy replaces the first, with its nonce in this policy. */
    private static final class OnePolicy extends HttpServletResponseWrapper {

        OnePolicy(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (HEADER.equalsIgnoreCase(name)) {
                super.setHeader(HEADER, withNonceOf(value));
            } else {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, HEADER.equalsIgnoreCase(name) ? withNonceOf(value) : value);
        }
    }
}
