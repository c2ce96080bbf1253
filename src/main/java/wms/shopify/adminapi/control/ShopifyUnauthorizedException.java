package wms.shopify.adminapi.control;

/** Shopify refused the store's token (401, or a refresh token it no longer knows): retrying cannot help. */
public class ShopifyUnauthorizedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ShopifyUnauthorizedException(String message) {
        super(message);
    }
}
