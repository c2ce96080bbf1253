package wms.shopify.platform.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The connector's REST API, through which the WMS sends its catalog, stock movements, shipments and returns and
 * takes the orders to ship. Its contract is published as OpenAPI at /openapi (browsable at /openapi/ui).
 */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "WMS Shopify connector API", version = "1",
        description = "The API between the WMS and its Shopify connector. Resources are versioned under /api/v1."))
public class WmsApi extends Application {
}
