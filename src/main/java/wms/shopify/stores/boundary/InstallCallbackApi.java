package wms.shopify.stores.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import wms.shopify.platform.web.PlainWebErrors;

/**
 * The JAX-RS application of the OAuth callback, under {@code /admin/shopify} (behind the admin login): the callback
 * alone. It lists its class, so none of the WMS API's providers take part.
 */
@ApplicationPath("/admin/shopify")
public class InstallCallbackApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(InstallCallback.class, PlainWebErrors.class);
    }
}
