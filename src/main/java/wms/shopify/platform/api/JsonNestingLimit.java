package wms.shopify.platform.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A JSON request body read through a count of how deeply its arrays and objects nest, which stops with a 400
 * (field {@code body}) past {@link #MAX_DEPTH}. The JSON parser has a limit of its own, but it reports it as a bare
 * runtime error that would become a 500; no body of this API nests more than a few levels.
 */
final class JsonNestingLimit extends FilterInputStream {

    /** The deepest nesting of arrays and objects a body may have. */
    static final int MAX_DEPTH = 64;

    private int depth;
    private boolean inString;
    private boolean escaped;

    JsonNestingLimit(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            see((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            see(buffer[offset + i]);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes are not seen; read them instead, so the count stays true.
        byte[] discard = new byte[(int) Math.min(n, 8192)];
        int read = read(discard, 0, discard.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void see(byte b) {
        if (this.inString) {
            if (this.escaped) {
                this.escaped = false;
            } else if (b == '\\') {
                this.escaped = true;
            } else if (b == '"') {
                this.inString = false;
            }
        } else if (b == '"') {
            this.inString = true;
        } else if (b == '[' || b == '{') {
            if (++this.depth > MAX_DEPTH) {
                throw new InvalidRequestException(List.of(new FieldError(
                        "body", "nests arrays and objects more " + "than " + MAX_DEPTH + " levels deep")));
            }
        } else if (b == ']' || b == '}') {
            this.depth--;
        }
    }
}
