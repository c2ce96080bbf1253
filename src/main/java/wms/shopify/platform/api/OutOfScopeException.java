package wms.shopify.platform.api;

/**
 * A call its credential's scope does not cover, found out by the resource itself (from the body: a warehouse the
 * credential is not limited to): answered 403 by {@link Problems} with this message, and nothing is done.
 */
public class OutOfScopeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OutOfScopeException(String message) {
        super(message);
    }
}
