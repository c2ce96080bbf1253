package wms.shopify.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the connector knows about the connection a request came on: whether it was HTTPS, and the client's address.
 * Directly, that is the connection itself. Through a TLS-terminating proxy listed in {@code TRUSTED_PROXIES}, it is
 * what the proxy says in {@code X-Forwarded-Proto} and {@code X-Forwarded-For}; from any other address those
 * headers are ignored, so a client cannot claim HTTPS or another address by sending them.
 */
@ApplicationScoped
public class ClientConnection {

    @Inject
    @ConfigProperty(name = "wms.transport.trusted-proxies")
    Optional<String> trustedProxies;

    @Inject
    @ConfigProperty(name = "wms.transport.allow-plain-http")
    boolean allowPlainHttp;

    private Set<String> proxies;

    @PostConstruct
    void init() {
        this.proxies = Arrays.stream(this.trustedProxies.orElse("").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the client's connection was HTTPS: to this server, or to the trusted proxy that forwarded it. */
    public boolean overHttps(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        return fromTrustedProxy(request)
                && "https".equalsIgnoreCase(firstValue(request.getHeader("X-Forwarded-Proto")));
    }

    /** The client's address: the connection's peer, or the address the trusted proxy forwarded for. */
    public String clientAddress(HttpServletRequest request) {
        String forwardedFor = request.getHeader("X-Forwarded-For");
        if (forwardedFor == null || forwardedFor.isBlank() || !fromTrustedProxy(request)) {
            return request.getRemoteAddr();
        }
        // The proxy appends the address it saw last; earlier entries are whatever the client sent.
        String[] hops = forwardedFor.split(",");
        return hops[hops.length - 1].strip();
    }

    /** Whether admin pages and the WMS API are served over plain HTTP too (ALLOW_PLAIN_HTTP: a local trial). */
    public boolean plainHttpAllowed() {
        return this.allowPlainHttp;
    }

    private boolean fromTrustedProxy(HttpServletRequest request) {
        return this.proxies.contains(request.getRemoteAddr());
    }

    private static String firstValue(String header) {
        return header == null ? "" : header.split(",")[0].strip();
    }
}
