package wms.shopify.credentials.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;
import wms.shopify.credentials.control.ApiAuthenticationException;
import wms.shopify.credentials.control.ApiCaller;
import wms.shopify.credentials.control.ApiCredentials;
import wms.shopify.credentials.control.Authentication;
import wms.shopify.credentials.control.FailedAuthentications;
import wms.shopify.platform.api.Problem;
import wms.shopify.platform.security.ClientConnection;

/**
 * Authenticates every call of the WMS API ({@code /api/*}) by its bearer credential before anything else
 * happens, including finding the resource: an unauthenticated caller gets 401 for every path and so cannot
 * probe which resources exist. The caller becomes the request's principal. An address that sent too many wrong
 * credentials is refused (429) for a while before anything is checked.
 */
@ApplicationScoped
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthentication implements ContainerRequestFilter {

    /** RFC 6750: the scheme and the protection space; an error code only when a credential was sent. */
    static final String CHALLENGE = "Bearer realm=\"wms-api\"";

    @Inject
    ApiCredentials credentials;

    @Inject
    FailedAuthentications failures;

    @Inject
    ClientConnection connection;

    @Inject
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String client = this.connection.clientAddress(this.servletRequest);
        Optional<Duration> locked = this.failures.lockedFor(client);
        if (locked.isPresent()) {
            long seconds = (locked.get().toMillis() + 999) / 1000;
            request.abortWith(Problem.of(
                            Response.Status.TOO_MANY_REQUESTS,
                            "Too many calls with a wrong credential" + " from this address: calls are refused for "
                                    + seconds + " more seconds.",
                            request.getUriInfo().getRequestUri().getPath())
                    .response()
                    .header(HttpHeaders.RETRY_AFTER, seconds)
                    .build());
            return;
        }
        Authentication authentication =
                this.credentials.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        authentication
                .caller()
                .ifPresentOrElse(
                        caller -> request.setSecurityContext(new CallerContext(
                                caller, request.getSecurityContext().isSecure())),
                        () -> {
                            ApiAuthenticationException.Reason reason =
                                    authentication.refusal().orElseThrow();
                            if (reason != ApiAuthenticationException.Reason.MISSING) {
                                this.failures.failed(client);
                            }
                            request.abortWith(unauthorized(
                                    reason, request.getUriInfo().getRequestUri().getPath()));
                        });
    }

    private static Response unauthorized(ApiAuthenticationException.Reason reason, String path) {
        String challenge = reason == ApiAuthenticationException.Reason.MISSING
                ? CHALLENGE
                : CHALLENGE + ", error=\"invalid_token\"";
        return Problem.of(Response.Status.UNAUTHORIZED, reason.message(), path)
                .response()
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build();
    }

    /** The security context of an authenticated API call. */
    private record CallerContext(ApiCaller caller, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return this.caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return this.secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
