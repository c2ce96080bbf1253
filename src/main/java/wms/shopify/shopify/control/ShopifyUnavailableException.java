package wms.shopify.shopify.control;

/** Shopify could not answer now (5xx, 429, THROTTLED, no connection): worth trying again after a while. */
public class ShopifyUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ShopifyUnavailableException(String message) {
        super(message);
    }
}
