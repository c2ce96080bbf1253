package wms.shopify.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * What the login page says when a sign-in was refused because of too many failed ones: how long to wait. Read from
 * the address the {@link SignInGuard} sent the browser to, and shown only when it is a plausible number of seconds.
 */
@Named
@RequestScoped
public class SignInPause {

    @Inject
    FacesContext faces;

    /** The seconds to wait, or null when the login page was not reached through a refused sign-in. */
    public Long getSeconds() {
        String locked = this.faces.getExternalContext().getRequestParameterMap().get("locked");
        if (locked == null || !locked.matches("\\d{1,6}")) {
            return null;
        }
        return Long.valueOf(locked);
    }
}
