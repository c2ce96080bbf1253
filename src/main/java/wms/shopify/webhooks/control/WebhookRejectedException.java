package wms.shopify.webhooks.control;

/** A delivery the intake does not take, with the HTTP status Shopify gets and a short reason. */
public class WebhookRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public WebhookRejectedException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return this.status;
    }
}
