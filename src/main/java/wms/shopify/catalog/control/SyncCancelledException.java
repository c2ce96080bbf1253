package wms.shopify.catalog.control;

/** A sync stopped at a page boundary because the admin asked it to. */
public class SyncCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SyncCancelledException(long syncId) {
        super("Sync Products " + syncId + " was cancelled");
    }
}
