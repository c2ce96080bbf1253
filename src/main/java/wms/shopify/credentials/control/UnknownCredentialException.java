package wms.shopify.credentials.control;

/** Thrown when a key id names no credential. */
public class UnknownCredentialException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownCredentialException(String keyId) {
        super("There is no API credential with the key id '" + keyId + "'.");
    }
}
