package wms.shopify.catalog.control;

/** Sync Products was asked for a store whose sync is still running: one at a time per store. */
public class SyncAlreadyRunningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SyncAlreadyRunningException(String store) {
        super("Sync Products is already running for " + store);
    }
}
