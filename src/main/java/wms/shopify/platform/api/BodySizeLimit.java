package wms.shopify.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts the bytes of a request body as it is read and stops at the configured limit (413), for bodies whose
 * length was not declared up front; {@link RequestSizeLimit} refuses declared lengths before reading. A JSON body
 * is also held to a nesting depth ({@link JsonNestingLimit}: 400 past it).
 */
@ApplicationScoped
@Provider
public class BodySizeLimit implements ReaderInterceptor {

    @Inject
    @ConfigProperty(name = "wms.api.max-body-bytes", defaultValue = "1048576")
    long limit;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        InputStream limited = new RequestSizeLimit.LimitedStream(context.getInputStream(), this.limit);
        boolean json = context.getMediaType() == null
                || context.getMediaType().isCompatible(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE);
        context.setInputStream(json ? new JsonNestingLimit(limited) : limited);
        return context.proceed();
    }
}
