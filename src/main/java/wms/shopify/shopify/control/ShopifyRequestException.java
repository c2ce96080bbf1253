package wms.shopify.shopify.control;

/** Shopify refused a request as it was made (4xx other than 401 and 429, GraphQL errors): retrying cannot help. */
public class ShopifyRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ShopifyRequestException(String message) {
        super(message);
    }
}
