package wms.shopify.stores.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import wms.shopify.adminapi.entity.InvalidShopDomainException;
import wms.shopify.adminapi.entity.ShopDomain;
import wms.shopify.stores.control.InstallRefusedException;
import wms.shopify.stores.control.Installation;

/**
 * Backing bean of Add Store: takes the store's address and sends the browser to Shopify's approval page. An
 * address that is not a {@code <name>.myshopify.com} domain is answered 400 with the reason, and no redirect.
 */
@Named
@RequestScoped
public class AddStorePage {

    @Inject
    Installation installation;

    @Inject
    FacesContext faces;

    private String shop;

    public String getShop() {
        return this.shop;
    }

    public void setShop(String shop) {
        this.shop = shop;
    }

    /** Why installs cannot start on this server (configuration), or null. */
    public String getRefusal() {
        return this.installation.refusal().orElse(null);
    }

    public String install() throws IOException {
        ExternalContext external = this.faces.getExternalContext();
        try {
            ShopDomain domain = ShopDomain.parse(this.shop);
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            URI authorize = this.installation.begin(domain, InstallSession.of(request.getSession(true)));
            external.redirect(authorize.toString());
            this.faces.responseComplete();
        } catch (InvalidShopDomainException | InstallRefusedException e) {
            this.faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            external.setResponseStatus(400);
        }
        return null;
    }
}
