package wms.shopify.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.faces.context.FacesContext;

/** Makes the current Faces context injectable into the backing beans of the admin pages. */
public class FacesProducer {

    @Produces
    @RequestScoped
    FacesContext facesContext() {
        return FacesContext.getCurrentInstance();
    }
}
