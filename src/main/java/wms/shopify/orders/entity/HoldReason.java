package wms.shopify.orders.entity;

/** Why an order that passes the filters is held back from the WMS; fixing the cause and releasing lets it go. */
public enum HoldReason {
    /** A line's variant is not mapped to a WMS product (Product Mapping). */
    UNMAPPED_LINE("Unmapped line"),
    /** A line's variant is mapped to a product the WMS deactivated. */
    INACTIVE_PRODUCT("Inactive product"),
    /** Neither the order's location nor the store's default location is mapped to a warehouse. */
    NO_WAREHOUSE("No warehouse"),
    /** More lines or fulfillment orders than the connector reads in one go: it never imports part of an order. */
    TOO_LARGE("Too many lines"),
    /** A fulfillment order of it is on hold on Shopify (payment, fraud check, address...): released there, it goes. */
    ON_HOLD_AT_SHOPIFY("On hold on Shopify"),
    /**
     * Shopify's risk assessment recommends cancelling (or investigating) it and the store holds such orders
     * ({@link RiskHold}): released when Shopify's recommendation changes or the merchant releases it.
     */
    HIGH_RISK("High risk");

    private final String label;

    HoldReason(String label) {
        this.label = label;
    }

    public String label() {
        return this.label;
    }
}
