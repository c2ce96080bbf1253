package wms.shopify.credentials.boundary;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import wms.shopify.credentials.control.ApiCaller;
import wms.shopify.platform.api.Problem;
import wms.shopify.platform.api.StoreReach;
import wms.shopify.platform.api.WarehouseReach;

/**
 * Enforces the scope of the calling credential on every WMS API route, once the route is known: a read-only
 * credential may only read (GET, HEAD), a credential limited to some stores only calls routes about one of its
 * stores or routes that answer only about its stores ({@link StoreReach}), and one limited to some warehouses only
 * routes that check the warehouses their body names ({@link WarehouseReach}). Refusals are 403 with a problem body
 * that says which limit applies. Runs after {@link ApiAuthentication}.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class ApiScopeCheck implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof ApiCaller caller)) {
            return;
        }
        String path = request.getUriInfo().getRequestUri().getPath();
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (caller.scope().readOnly() && !read) {
            request.abortWith(forbidden(
                    "Credential " + caller.keyId() + " is read-only: it may read (GET) but not " + request.getMethod()
                            + ".",
                    path));
            return;
        }
        if (caller.scope().limitedToWarehouses() && !declaresWarehouses()) {
            request.abortWith(forbidden(
                    "Credential " + caller.keyId() + " is limited to the warehouses "
                            + String.join(
                                    ", ", new java.util.TreeSet<>(caller.scope().warehouses()))
                            + "; this route reaches every warehouse: use a credential without a warehouse limit.",
                    path));
            return;
        }
        if (!caller.scope().limitedToStores()) {
            return;
        }
        String store = request.getUriInfo().getPathParameters().getFirst("store");
        StoreReach.Reach reach = reach(store != null);
        boolean allowed = switch (reach) {
            case PATH_STORE -> caller.scope().reaches(store);
            case CALLERS_STORES -> true;
            case EVERY_STORE -> false;
        };
        if (!allowed) {
            String limit = "Credential " + caller.keyId() + " is limited to the stores "
                    + String.join(", ", caller.scope().stores());
            request.abortWith(forbidden(
                    reach == StoreReach.Reach.PATH_STORE
                            ? limit + "; " + store + " is not one of them."
                            : limit + "; this route reaches every store: use a credential without a store limit.",
                    path));
        }
    }

    /** Whether the route checks the warehouses its body names itself ({@link WarehouseReach}). */
    private boolean declaresWarehouses() {
        Method method = this.resource.getResourceMethod();
        return (method != null && method.isAnnotationPresent(WarehouseReach.class))
                || (this.resource.getResourceClass() != null
                        && this.resource.getResourceClass().isAnnotationPresent(WarehouseReach.class));
    }

    private StoreReach.Reach reach(boolean storeInPath) {
        Method method = this.resource.getResourceMethod();
        StoreReach declared = method == null ? null : method.getAnnotation(StoreReach.class);
        if (declared == null && this.resource.getResourceClass() != null) {
            declared = this.resource.getResourceClass().getAnnotation(StoreReach.class);
        }
        if (declared != null) {
            return declared.value();
        }
        return storeInPath ? StoreReach.Reach.PATH_STORE : StoreReach.Reach.EVERY_STORE;
    }

    private static Response forbidden(String detail, String path) {
        return Problem.of(Response.Status.FORBIDDEN, detail, path).response().build();
    }
}
