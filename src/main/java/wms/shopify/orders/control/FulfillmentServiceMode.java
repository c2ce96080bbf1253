package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.adminapi.control.ShopifyApp;
import wms.shopify.orders.entity.AssignedFulfillmentOrder;
import wms.shopify.orders.entity.FulfillmentMode;
import wms.shopify.orders.entity.FulfillmentSetup;
import wms.shopify.platform.Published;
import wms.shopify.stores.control.LocationMapping;
import wms.shopify.stores.entity.Store;

/**
 * Switches a store between merchant-managed and fulfillment-service mode (issue #19 §1). Switching on registers the
 * WMS as one fulfillment service for the whole store ({@code fulfillmentServiceCreate}, its callback under the
 * connector's webhook address, inventory management and tracking support on), records the service and the location
 * Shopify made for it, and lists that location for the location mapping (it must be mapped to a warehouse). Switching
 * back first lists the fulfillment orders still open at the service's location, for the merchant to see, and removes
 * the service only once confirmed ({@code fulfillmentServiceDelete}: with a destination its stock and open
 * fulfillment orders move there, without one its location stays the merchant's). Shopify is called with no
 * transaction open; what it answered is recorded after.
 */
@Published
@ApplicationScoped
public class FulfillmentServiceMode {

    /** The path under the webhook address that Shopify's fulfillment-order notifications come to. */
    public static final String CALLBACK_PATH = "/fulfillment-service";

    @Inject
    IntakePolicies policies;

    @Inject
    ShopifyFulfillmentService shopify;

    @Inject
    ShopifyApp app;

    @Inject
    LocationMapping locations;

    @Inject
    ActivityLog activity;

    @Inject
    @ConfigProperty(name = "wms.orders.fulfillment-service-name")
    String serviceName;

    /**
     * What switching back would leave: the fulfillment orders open at the service's location.
     *
     * @param switched whether the service was removed
     * @param open the fulfillment orders still open there (when not switched: why confirmation is needed)
     */
    public record SwitchBack(boolean switched, List<AssignedFulfillmentOrder> open) {}

    /** The store's fulfillment setup now. */
    public FulfillmentSetup of(Store store) {
        return this.policies.fulfillmentSetup(store.id());
    }

    /**
     * Registers the WMS as the store's fulfillment service; nothing happens when it already is.
     *
     * @throws IllegalArgumentException with Shopify's refusal, for the merchant; nothing is recorded then
     */
    public FulfillmentSetup switchOn(Store store, String by) {
        FulfillmentSetup now = of(store);
        if (now.isFulfillmentService()) {
            return now;
        }
        this.app.webhookAddressProblem().ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        String callback = callbackUrl();
        ShopifyFulfillmentService.Registered registered = this.shopify.create(store, this.serviceName, callback);
        if (registered.userErrors() != null) {
            throw new IllegalArgumentException("Shopify refused to register the WMS as fulfillment service \""
                    + this.serviceName + "\": " + registered.userErrors()
                    + " (a location or service of that name may exist already: rename it on Shopify, or set "
                    + "FULFILLMENT_SERVICE_NAME).");
        }
        FulfillmentSetup setup = this.policies.recordFulfillmentSetup(
                store.id(),
                new FulfillmentSetup(
                        FulfillmentMode.FULFILLMENT_SERVICE, registered.serviceId(), registered.locationId()));
        this.locations.serviceLocationAdded(store.id(), registered.locationId(), registered.locationName());
        this.activity.record(
                OrderRecords.CATEGORY,
                "Store " + store.domain() + " switched to fulfillment-service mode: the WMS is registered as "
                        + "fulfillment service \"" + this.serviceName + "\" (" + registered.serviceId()
                        + ") with location " + registered.locationId() + " (map it to a warehouse on Store Settings); "
                        + "Shopify sends fulfillment requests to " + callback + ".",
                by);
        return setup;
    }

    /** The fulfillment orders open at the store's service location (none in merchant-managed mode). */
    public List<AssignedFulfillmentOrder> openFulfillmentOrders(Store store) {
        FulfillmentSetup setup = of(store);
        List<AssignedFulfillmentOrder> open = new ArrayList<>();
        if (setup.isFulfillmentService()) {
            this.shopify.eachAssigned(store, setup.locationId(), null, open::addAll);
        }
        return open;
    }

    /**
     * Switches the store back to merchant-managed: removes the service once the merchant has seen the fulfillment
     * orders still open at its location (or there are none).
     *
     * @param destinationLocationId where the service location's stock and open fulfillment orders go (a merchant's
     *     location), or null to keep the location as the merchant's with its stock
     * @param confirmed whether the merchant confirmed after seeing the open fulfillment orders
     * @throws IllegalArgumentException with Shopify's refusal, for the merchant; nothing is recorded then
     */
    public SwitchBack switchBack(Store store, String destinationLocationId, boolean confirmed, String by) {
        FulfillmentSetup setup = of(store);
        if (!setup.isFulfillmentService()) {
            return new SwitchBack(true, List.of());
        }
        List<AssignedFulfillmentOrder> open = openFulfillmentOrders(store);
        if (!open.isEmpty() && !confirmed) {
            return new SwitchBack(false, open);
        }
        String refused = this.shopify.delete(store, setup.serviceId(), destinationLocationId);
        if (refused != null && !refused.contains("could not be found")) {
            throw new IllegalArgumentException(
                    "Shopify refused to remove the fulfillment service " + setup.serviceId() + ": " + refused);
        }
        this.policies.recordFulfillmentSetup(store.id(), FulfillmentSetup.MERCHANT_MANAGED);
        this.activity.record(
                OrderRecords.CATEGORY,
                "Store " + store.domain() + " switched back to merchant-managed: fulfillment service "
                        + setup.serviceId() + " removed"
                        + (destinationLocationId == null
                                ? "; its location " + setup.locationId() + " stays on Shopify as the merchant's"
                                : "; its stock and open fulfillment orders moved to " + destinationLocationId)
                        + (open.isEmpty() ? "." : " (" + open.size() + " fulfillment orders were open there)."),
                by);
        return new SwitchBack(true, open);
    }

    /** Where Shopify sends fulfillment and cancellation requests (it appends /fulfillment_order_notification). */
    public String callbackUrl() {
        String base = this.app.webhookUrl().trim();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + CALLBACK_PATH;
    }
}
