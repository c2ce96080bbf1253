package wms.shopify.sandbox;

import java.time.Instant;
import java.util.Locale;

/**
 * A fulfillment service the app registered ({@code fulfillmentServiceCreate}): a third party that fulfils orders from
 * its own location, which Shopify creates with it. Shopify tells the service about fulfillment and cancellation
 * requests by a signed POST to {@code <callbackUrl>/fulfillment_order_notification}.
 */
public final class FulfillmentService extends ShopifyObject {

    private String serviceName;
    private String callbackUrl;
    private boolean trackingSupport;
    private boolean inventoryManagement;
    private boolean requiresShippingMethod;
    private final Location location;

    FulfillmentService(
            long id,
            String serviceName,
            String callbackUrl,
            boolean trackingSupport,
            boolean inventoryManagement,
            boolean requiresShippingMethod,
            Location location,
            Instant at) {
        super("FulfillmentService", id, at);
        this.serviceName = serviceName;
        this.callbackUrl = callbackUrl;
        this.trackingSupport = trackingSupport;
        this.inventoryManagement = inventoryManagement;
        this.requiresShippingMethod = requiresShippingMethod;
        this.location = location;
    }

    public String serviceName() {
        return serviceName;
    }

    /** The service's name in lower case with dashes, as Shopify derives it. */
    public String handle() {
        return serviceName
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }

    public String callbackUrl() {
        return callbackUrl;
    }

    public boolean trackingSupport() {
        return trackingSupport;
    }

    public boolean inventoryManagement() {
        return inventoryManagement;
    }

    public boolean requiresShippingMethod() {
        return requiresShippingMethod;
    }

    public boolean fulfillmentOrdersOptIn() {
        return true;
    }

    public String type() {
        return "THIRD_PARTY";
    }

    public Location location() {
        return location;
    }

    void name(String name) {
        this.serviceName = name;
    }

    void callbackUrl(String url) {
        this.callbackUrl = url;
    }

    void trackingSupport(boolean value) {
        this.trackingSupport = value;
    }

    void inventoryManagement(boolean value) {
        this.inventoryManagement = value;
    }

    void requiresShippingMethod(boolean value) {
        this.requiresShippingMethod = value;
    }
}
