package wms.shopify.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Logger;

/** The admin who is signed in to the admin pages: their name, and signing out. */
@Named
@RequestScoped
public class SignedInAdmin {

    private static final Logger LOG = Logger.getLogger(SignedInAdmin.class.getName());

    @Inject
    FacesContext faces;

    public String getName() {
        return this.faces.getExternalContext().getRemoteUser();
    }

    /** Ends the session and returns to the login page. */
    public String signOut() throws ServletException {
        String name = getName();
        HttpServletRequest request =
                (HttpServletRequest) this.faces.getExternalContext().getRequest();
        request.logout();
        this.faces.getExternalContext().invalidateSession();
        LOG.info(() -> "Admin " + name + " signed out.");
        return "/login?faces-redirect=true";
    }
}
