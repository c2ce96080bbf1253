package wms.shopify.orders.entity;

/** What the WMS answered to the cancellation of an order it had (a {@link FeedKind#CANCELLATION} entry). */
public enum CancellationAnswer {
    /** The WMS cancelled its order: nothing of it ships (a plain acknowledgement of the entry says the same). */
    CANCELLED("cancelled"),
    /** Too late: the WMS had shipped (some of) it already; what left is recorded with the reason. */
    TOO_LATE("too late");

    private final String label;

    CancellationAnswer(String label) {
        this.label = label;
    }

    /** In the merchant's words, for the Orders page and the Activity log. */
    public String label() {
        return this.label;
    }
}
