package wms.shopify.platform.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Answers what JAX-RS itself refuses on the addresses Shopify calls (a method not taken: 405 with {@code Allow}; an
 * unknown path: 404) with that status and a one-line plain text, quietly, as a servlet would: such a request says
 * nothing about the connector's health, so it is not logged as an unhandled exception. The WMS API answers these as
 * problem details instead ({@code platform.api.ProblemMapper}).
 */
public class PlainWebErrors implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response refused = exception.getResponse();
        return Response.fromResponse(refused)
                .type("text/plain;charset=UTF-8")
                .entity(refused.getStatusInfo().getReasonPhrase())
                .build();
    }
}
