package wms.shopify.catalog.control;

/** A manual mapping names no product, or an ambiguous one, or a variant of another store: nothing is changed. */
public class UnknownProductException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownProductException(String message) {
        super(message);
    }
}
