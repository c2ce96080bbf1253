package wms.shopify.platform.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Stands in front of the admin login ({@code j_security_check}): a sign-in of a locked-out account or client is
 * refused before the password is even checked and sent back to the login page with how long to wait; the outcome
 * of every other sign-in is counted by the {@link SignInThrottle}. Mapped in web.xml.
 */
public class SignInGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SignInThrottle throttle;

    @Inject
    transient ClientConnection connection;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String account = request.getParameter("j_username");
        String client = this.connection.clientAddress(request);
        Optional<Duration> locked = this.throttle.lockedFor(account, client);
        if (locked.isPresent()) {
            // Seconds rounded up, so the page never says 0 while the lock still holds.
            long seconds = (locked.get().toMillis() + 999) / 1000;
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/login.xhtml?locked=" + seconds);
            return;
        }
        Outcome outcome = new Outcome(response);
        chain.doFilter(request, outcome);
        if (outcome.failed()) {
            this.throttle.failed(account, client);
        } else if (outcome.location != null) {
            this.throttle.succeeded(account);
        }
    }

    /** The answer of the login, watched for where it sends the browser: the error page means a failed sign-in. */
    private static final class Outcome extends HttpServletResponseWrapper {

        String location;
        boolean errorPage;

        Outcome(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            this.location = location;
            super.sendRedirect(location);
        }

        @Override
        public void setHeader(String name, String value) {
            if ("Location".equalsIgnoreCase(name)) {
                this.location = value;
            }
            super.setHeader(name, value);
        }

        @Override
        public void sendError(int status) throws IOException {
            this.errorPage = true;
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            this.errorPage = true;
            super.sendError(status, message);
        }

        boolean failed() {
            return this.errorPage || (this.location != null && this.location.contains("login-failed"));
        }
    }
}
