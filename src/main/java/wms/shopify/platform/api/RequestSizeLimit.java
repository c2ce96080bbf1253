package wms.shopify.platform.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies over the configured size with 413 at once when their declared length is over it;
 * {@link BodySizeLimit} enforces the same limit while reading a body sent without a length (chunked), so an
 * oversized body is never held in memory. Runs after authentication: an unauthenticated caller learns nothing
 * but 401.
 */
@ApplicationScoped
@Provider
@PreMatching
@Priority(Priorities.AUTHORIZATION)
public class RequestSizeLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "wms.api.max-body-bytes")
    long limit;

    /** The most bytes a request body may have (WMS_API_MAX_BODY_BYTES). */
    public long limit() {
        return this.limit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > this.limit) {
            throw new PayloadTooLargeException(this.limit);
        }
    }

    /** A stream that fails once more than the limit has been read from it. */
    static final class LimitedStream extends FilterInputStream {

        private final long limit;
        private long read;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            this.read += n;
            if (this.read > this.limit) {
                throw new PayloadTooLargeException(this.limit);
            }
        }
    }
}
