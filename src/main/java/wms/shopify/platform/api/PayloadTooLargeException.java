package wms.shopify.platform.api;

/**
 * A request body larger than the configured limit: answered 413 by {@link Problems}, and nothing of it is used.
 * A plain runtime exception, not a JAX-RS one, because it is thrown from inside the body's stream, where the JSON
 * parser may wrap it; {@link Problems} finds it in the chain of causes.
 */
public class PayloadTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public PayloadTooLargeException(long limit) {
        super("The body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return this.limit;
    }
}
