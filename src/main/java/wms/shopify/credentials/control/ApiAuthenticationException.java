package wms.shopify.credentials.control;

/**
 * A call to the WMS API that is refused for its credential: answered 401. The reason tells missing from
 * malformed from refused, but never whether a key id exists or was revoked.
 */
public class ApiAuthenticationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a call was refused, with the words the caller reads. */
    public enum Reason {
        MISSING("No credential: send the header Authorization: Bearer <keyId>.<secret>."),
        MALFORMED("The Authorization header is not Bearer <keyId>.<secret> with a credential of this connector."),
        REFUSED("The credential is not valid: it is unknown, its secret is wrong, or it was revoked.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        /** What the caller is told. */
        public String message() {
            return this.message;
        }
    }

    private final Reason reason;

    public ApiAuthenticationException(Reason reason) {
        super(reason.message);
        this.reason = reason;
    }

    public Reason reason() {
        return this.reason;
    }
}
