package wms.shopify.stores.entity;

/** Whether the connector can work with a store, in the words the Stores page shows. */
public enum StoreStatus {
    /** Installed, with a token Shopify accepts. */
    CONNECTED("Connected"),
    /** The app was uninstalled on Shopify (or never finished installing): nothing is synchronised. */
    DISCONNECTED("Disconnected"),
    /** Shopify refused the token (revoked, expired and not refreshable): install again to reconnect. */
    TOKEN_PROBLEM("Token problem");

    private final String label;

    StoreStatus(String label) {
        this.label = label;
    }

    public String label() {
        return this.label;
    }

    /**
     * The connector works with the store: it syncs stock to it and imports its orders. Other components' queries
     * filter on {@link #names} of this, never on a status literal.
     */
    public boolean isConnected() {
        return this == CONNECTED;
    }

    /** The names of the statuses that pass the test, for a query's {@code status = any(?)}. */
    public static String[] names(java.util.function.Predicate<StoreStatus> test) {
        return java.util.Arrays.stream(values())
                .filter(test)
                .map(StoreStatus::name)
                .toArray(String[]::new);
    }

    /** Webhooks of a store that was uninstalled (or never installed) are refused; compliance topics excepted. */
    public boolean acceptsWebhooks() {
        return this != DISCONNECTED;
    }
}
