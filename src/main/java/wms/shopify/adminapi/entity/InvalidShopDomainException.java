package wms.shopify.adminapi.entity;

/** A text that is not a {@code <name>.myshopify.com} store domain. */
public class InvalidShopDomainException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidShopDomainException(String input) {
        // The input is not echoed: it may carry markup or control characters meant for a log or a page.
        super("This is not a Shopify store address. Enter it as your-store.myshopify.com"
                + (input == null || input.isBlank() ? "." : " (letters, digits and hyphens before .myshopify.com)."));
    }
}
