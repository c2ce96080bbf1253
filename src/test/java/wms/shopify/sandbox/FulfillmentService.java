package wms.shopify.sandbox;

import java.time.Instant;
import java.util.Locale;

/**
 * A fulfillment service the app registered ({@code fulfillmentServiceCreate}), or another app installed on the same
 * store registered ({@link Shop#addAnotherAppsFulfillmentService}): a third party that fulfils orders from its own
 * location, which Shopify creates with it. Shopify tells the service about fulfillment and cancellation requests by a
 * signed POST to {@code <callbackUrl>/fulfillment_order_notification}. Only the app that owns a service answers its
 * requests and fulfils its fulfillment orders (since 2024-10 not even an order management app with
 * {@code write_third_party_fulfillment_orders}: shopify.dev/changelog/order-management-apps-can-no-longer-fulfill-
 * orders-that-are-assigned-to-a-different-fulfillment-service).
 */
public final class FulfillmentService extends ShopifyObject {

    private String serviceName;
    private String callbackUrl;
    private boolean trackingSupport;
    private boolean inventoryManagement;
    private boolean requiresShippingMethod;
    private final Location location;
    /** The other app that registered it, or null when the sandbox's app (the connector's) did. */
    private final String otherApp;

    FulfillmentService(
            long id,
            String serviceName,
            String callbackUrl,
            boolean trackingSupport,
            boolean inventoryManagement,
            boolean requiresShippingMethod,
            Location location,
            Instant at) {
        this(
                id,
                serviceName,
                callbackUrl,
                trackingSupport,
                inventoryManagement,
                requiresShippingMethod,
                location,
                null,
                at);
    }

    FulfillmentService(
            long id,
            String serviceName,
            String callbackUrl,
            boolean trackingSupport,
            boolean inventoryManagement,
            boolean requiresShippingMethod,
            Location location,
            String otherApp,
            Instant at) {
        super("FulfillmentService", id, at);
        this.otherApp = otherApp;
        this.serviceName = serviceName;
        this.callbackUrl = callbackUrl;
        this.trackingSupport = trackingSupport;
        this.inventoryManagement = inventoryManagement;
        this.requiresShippingMethod = requiresShippingMethod;
        this.location = location;
    }

    /** Whether the app calling the Admin API (the connector) registered it; false for another app's service. */
    public boolean ownedByThisApp() {
        return otherApp == null;
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
