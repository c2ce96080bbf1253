package wms.shopify.sandbox;

/**
 * A store's Shopify plan, which sets the GraphQL Admin API budget of every app on it. Restore rates are Shopify's
 * published figures; bucket sizes are 20 seconds of restore (the sizes Shopify reports in {@code maximumAvailable}
 * today, e.g. 2000 for 100 points/s), since the current rate-limit page no longer states them.
 */
public enum Plan {
    STANDARD("Shopify", 100, 2_000),
    ADVANCED("Advanced", 200, 4_000),
    PLUS("Shopify Plus", 1_000, 20_000),
    ENTERPRISE("Commerce Components", 2_000, 40_000);

    private final String displayName;
    private final double restoreRate;
    private final double maximumAvailable;

    Plan(String displayName, double restoreRate, double maximumAvailable) {
        this.displayName = displayName;
        this.restoreRate = restoreRate;
        this.maximumAvailable = maximumAvailable;
    }

    public String displayName() {
        return displayName;
    }

    /** Points per second returned to the bucket. */
    public double restoreRate() {
        return restoreRate;
    }

    /** The bucket size. */
    public double maximumAvailable() {
        return maximumAvailable;
    }
}
