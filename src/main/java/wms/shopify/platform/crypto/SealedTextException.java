package wms.shopify.platform.crypto;

/** Sealed text that does not open with the configured key (another key, another context, or tampered with). */
public class SealedTextException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SealedTextException(String message) {
        super(message);
    }
}
