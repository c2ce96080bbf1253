package wms.shopify.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes of a request body as it is read and stops at the configured limit (413), for bodies whose
 * length was not declared up front; {@link RequestSizeLimit} refuses declared lengths before reading. A JSON body
 * is also held to a nesting depth ({@link JsonNestingLimit}: 400 past it).
 */
@ApplicationScoped
@Provider
public class BodySizeLimit implements ReaderInterceptor {

    @Inject
    RequestSizeLimit sizes;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        InputStream limited = new RequestSizeLimit.LimitedStream(context.getInputStream(), this.sizes.limit());
        boolean json = context.getMediaType() == null
                || context.getMediaType().isCompatible(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE);
        context.setInputStream(json ? new JsonNestingLimit(limited) : limited);
        return context.proceed();
    }
}
