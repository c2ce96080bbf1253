package wms.shopify.stores.control;

/** An install that cannot go on; the message is for the merchant and holds nothing secret. */
public class InstallRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InstallRefusedException(String message) {
        super(message);
    }
}
