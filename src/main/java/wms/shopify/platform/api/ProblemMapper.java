package wms.shopify.platform.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Maps every error of the WMS API to an HTTP answer with problem details ({@link Problems} decides which). One
 * mapper for all throwables, so no error reaches the caller in another shape.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable error) {
        String path = this.uri == null ? null : this.uri.getRequestUri().getPath();
        Problem problem = Problems.of(error, path);
        if (problem.status() >= 500) {
            LOG.log(Level.WARNING, "The WMS API failed on " + path, error);
        }
        return problem.response().build();
    }
}
