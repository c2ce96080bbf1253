package wms.shopify.platform.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Marks the session cookie {@code Secure} (sent back over HTTPS only) unless plain HTTP is allowed for a local trial
 * ({@code ALLOW_PLAIN_HTTP}), where a browser or client on plain HTTP must get it back. Set when the application
 * starts, as the Servlet specification allows, because it depends on a setting.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Inject
    ClientConnection connection;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().getSessionCookieConfig().setSecure(!this.connection.plainHttpAllowed());
    }
}
