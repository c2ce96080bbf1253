package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.adminapi.control.ShopifyApp;
import wms.shopify.orders.entity.AssignedFulfillmentOrder;
import wms.shopify.orders.entity.FulfillmentMode;
import wms.shopify.orders.entity.FulfillmentScope;
import wms.shopify.orders.entity.FulfillmentSetup;
import wms.shopify.orders.entity.WarehouseService;
import wms.shopify.platform.Published;
import wms.shopify.stores.control.LocationMapping;
import wms.shopify.stores.entity.Store;
import wms.shopify.stores.entity.StoreLocation;
import wms.shopify.warehouses.entity.Warehouse;

/**
 * Switches a store between merchant-managed and fulfillment-service mode (issue #19 §1). Switching on registers the
 * WMS as one fulfillment service for the whole store ({@code fulfillmentServiceCreate}, its callback under the
 * connector's webhook address, inventory management and tracking support on), records the service and the location
 * Shopify made for it, and lists that location for the location mapping (it must be mapped to a warehouse); or, as
 * the merchant chooses, as one service per warehouse the store sells from, named after the warehouse, each with a
 * callback of its own (which names the warehouse, for {@code fetch_stock}) and its location mapped to its warehouse
 * at once. Changing between the two removes the services of the other choice as switching back does. Switching
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

    /** Under the callback path, the path of a warehouse's service (one service per warehouse), before its code. */
    public static final String WAREHOUSES_PATH = "/warehouses/";

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
     * What switching (back, or between one service and one per warehouse) would leave: the fulfillment orders open at
     * the locations of the services removed.
     *
     * @param switched whether the switch was made
     * @param open the fulfillment orders still open there (when not switched: why confirmation is needed)
     */
    public record SwitchBack(boolean switched, List<AssignedFulfillmentOrder> open) {}

    /** The store's fulfillment setup now. */
    public FulfillmentSetup of(Store store) {
        return this.policies.fulfillmentSetup(store.id());
    }

    /**
     * Registers the WMS as the store's one fulfillment service for all warehouses; nothing happens when it already is.
     *
     * @throws IllegalArgumentException with Shopify's refusal, for the merchant; nothing is recorded then
     */
    public FulfillmentSetup switchOn(Store store, String by) {
        switchOn(store, FulfillmentScope.ONE_FOR_ALL, null, true, by);
        return of(store);
    }

    /**
     * Registers the WMS as the store's fulfillment service: one for all warehouses, or one per warehouse the store
     * sells from (a warehouse mapped to one of the merchant's locations), each with its own location mapped to its
     * warehouse. Services of the other choice are removed once the merchant has seen the fulfillment orders still open
     * at their locations (as on switching back). Each service is recorded as soon as Shopify registered it, so saving
     * the same choice again registers nothing twice, and a switch that Shopify refused halfway is completed by saving
     * it again.
     *
     * @param destinationLocationId where removed services' stock and open fulfillment orders go, or null to keep
     *     their locations as the merchant's
     * @param confirmed whether the merchant confirmed after seeing the open fulfillment orders of services removed
     * @return switched, or not switched with the open fulfillment orders that need the merchant's confirmation
     * @throws IllegalArgumentException with Shopify's refusal or what is missing, for the merchant; what Shopify
     *     registered before is recorded
     */
    public SwitchBack switchOn(
            Store store, FulfillmentScope scope, String destinationLocationId, boolean confirmed, String by) {
        FulfillmentSetup now = of(store);
        boolean perWarehouse = scope == FulfillmentScope.PER_WAREHOUSE;
        List<Warehouse> wanted = perWarehouse ? warehousesSold(store) : List.of();
        Set<String> registered = now.warehouseServices().stream()
                .map(WarehouseService::warehouseCode)
                .collect(Collectors.toSet());
        boolean complete = now.isFulfillmentService()
                && now.scope() == scope
                && (perWarehouse
                        ? wanted.stream().allMatch(w -> registered.contains(w.code()))
                        : now.warehouseServices().isEmpty());
        if (complete) {
            return new SwitchBack(true, List.of());
        }
        this.app.webhookAddressProblem().ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (perWarehouse && wanted.isEmpty()) {
            throw new IllegalArgumentException("No warehouse to register a fulfillment service for: map the store's "
                    + "locations to the WMS's warehouses first (one service is registered per warehouse mapped).");
        }
        // What the other choice registered goes, once the merchant has seen what is open there.
        List<WarehouseService> unwantedPerWarehouse = perWarehouse ? List.of() : now.warehouseServices();
        boolean oneUnwanted = perWarehouse && now.isFulfillmentService() && now.serviceId() != null;
        List<AssignedFulfillmentOrder> open = new ArrayList<>();
        List<String> unwantedLocations = new ArrayList<>();
        unwantedPerWarehouse.forEach(s -> unwantedLocations.add(s.locationId()));
        if (oneUnwanted) {
            unwantedLocations.add(now.locationId());
        }
        this.shopify.eachAssigned(store, unwantedLocations, null, open::addAll);
        if (!open.isEmpty() && !confirmed) {
            return new SwitchBack(false, open);
        }
        List<String> notes = new ArrayList<>();
        if (perWarehouse) {
            for (Warehouse warehouse : wanted) {
                if (!registered.contains(warehouse.code())) {
                    notes.add(register(store, warehouse));
                }
            }
            if (oneUnwanted) {
                remove(store, now.serviceId(), destinationLocationId);
                notes.add("fulfillment service " + now.serviceId() + " (all warehouses) removed");
            }
            this.policies.recordFulfillmentSetup(
                    store.id(),
                    new FulfillmentSetup(
                            FulfillmentMode.FULFILLMENT_SERVICE, null, null, FulfillmentScope.PER_WAREHOUSE, null));
        } else {
            if (!now.isFulfillmentService() || now.serviceId() == null) {
                notes.add(registerOne(store));
            }
            for (WarehouseService service : unwantedPerWarehouse) {
                remove(store, service.serviceId(), destinationLocationId);
                this.policies.forgetWarehouseService(store.id(), service.serviceId());
                notes.add("fulfillment service " + service.serviceId() + " (" + service.warehouseCode() + ") removed");
            }
        }
        this.activity.record(
                OrderRecords.CATEGORY,
                "Store " + store.domain() + " is in fulfillment-service mode, "
                        + (perWarehouse ? "one service per warehouse" : "one service for all warehouses") + ": "
                        + String.join("; ", notes)
                        + (open.isEmpty()
                                ? ""
                                : " (" + open.size() + " fulfillment orders were open at the services removed)")
                        + ". Shopify sends fulfillment requests to " + callbackUrl() + ".",
                by);
        return new SwitchBack(true, open);
    }

    /** Registers the one service for all warehouses and records it; its location is left for the merchant to map. */
    private String registerOne(Store store) {
        ShopifyFulfillmentService.Registered registered = this.shopify.create(store, this.serviceName, callbackUrl());
        if (registered.userErrors() != null) {
            throw new IllegalArgumentException("Shopify refused to register the WMS as fulfillment service \""
                    + this.serviceName + "\": " + registered.userErrors()
                    + " (a location or service of that name may exist already: rename it on Shopify, or set "
                    + "FULFILLMENT_SERVICE_NAME).");
        }
        this.policies.recordFulfillmentSetup(
                store.id(),
                new FulfillmentSetup(
                        FulfillmentMode.FULFILLMENT_SERVICE, registered.serviceId(), registered.locationId()));
        this.locations.serviceLocationAdded(store.id(), registered.locationId(), registered.locationName());
        return "registered as fulfillment service \"" + this.serviceName + "\" (" + registered.serviceId()
                + ") with location " + registered.locationId() + " (map it to a warehouse on Store Settings)";
    }

    /** Registers one warehouse's service, records it at once and maps its location to the warehouse. */
    private String register(Store store, Warehouse warehouse) {
        String name = serviceName(warehouse);
        ShopifyFulfillmentService.Registered registered =
                this.shopify.create(store, name, callbackUrl(warehouse.code()));
        if (registered.userErrors() != null) {
            throw new IllegalArgumentException("Shopify refused to register the fulfillment service \"" + name
                    + "\" for warehouse " + warehouse.code() + ": " + registered.userErrors()
                    + " (a location or service of that name may exist already: rename it on Shopify). The services "
                    + "registered before are kept: save again to register the others.");
        }
        this.policies.recordWarehouseService(
                store.id(), new WarehouseService(warehouse.code(), registered.serviceId(), registered.locationId()));
        this.locations.serviceLocationAdded(
                store.id(), registered.locationId(), registered.locationName(), warehouse.code());
        return "registered as fulfillment service \"" + name + "\" (" + registered.serviceId() + ") with location "
                + registered.locationId() + ", mapped to warehouse " + warehouse.code();
    }

    /** Removes a service on Shopify (one already gone counts as removed). */
    private void remove(Store store, String serviceId, String destinationLocationId) {
        String refused = this.shopify.delete(store, serviceId, destinationLocationId);
        if (refused != null && !refused.contains("could not be found")) {
            throw new IllegalArgumentException(
                    "Shopify refused to remove the fulfillment service " + serviceId + ": " + refused);
        }
    }

    /** The service's name for a warehouse: the app's name and the warehouse's, unique on the shop as Shopify asks. */
    String serviceName(Warehouse warehouse) {
        return this.serviceName + " \u2014 " + warehouse.name();
    }

    /**
     * The warehouses the store sells from: those mapped to its own locations (not to a location of a service, the
     * WMS's or another app's), in the mapping's order.
     */
    private List<Warehouse> warehousesSold(Store store) {
        Map<String, Warehouse> sold = new LinkedHashMap<>();
        for (StoreLocation location : this.locations.locations(store.id())) {
            if (location.warehouse() != null && !location.isOwnService() && !location.isAnotherAppsService()) {
                sold.putIfAbsent(location.warehouse().code(), location.warehouse());
            }
        }
        return new ArrayList<>(sold.values());
    }

    /** The fulfillment orders open at the store's service locations (none in merchant-managed mode). */
    public List<AssignedFulfillmentOrder> openFulfillmentOrders(Store store) {
        FulfillmentSetup setup = of(store);
        List<AssignedFulfillmentOrder> open = new ArrayList<>();
        this.shopify.eachAssigned(store, setup.locationIds(), null, open::addAll);
        return open;
    }

    /**
     * Switches the store back to merchant-managed: removes the services once the merchant has seen the fulfillment
     * orders still open at their locations (or there are none). Each service removed is recorded at once, so a
     * switch Shopify refused halfway is completed by a retry.
     *
     * @param destinationLocationId where the service locations' stock and open fulfillment orders go (a merchant's
     *     location), or null to keep the locations as the merchant's with their stock
     * @param confirmed whether the merchant confirmed after seeing the open fulfillment orders
     * @throws IllegalArgumentException with Shopify's refusal, for the merchant; nothing more is recorded then
     */
    public SwitchBack switchBack(Store store, String destinationLocationId, boolean confirmed, String by) {
        FulfillmentSetup setup = of(store);
        if (!setup.isFulfillmentService() && setup.warehouseServices().isEmpty()) {
            return new SwitchBack(true, List.of());
        }
        List<AssignedFulfillmentOrder> open = openFulfillmentOrders(store);
        if (!open.isEmpty() && !confirmed) {
            return new SwitchBack(false, open);
        }
        List<String> removed = new ArrayList<>();
        for (WarehouseService service : setup.warehouseServices()) {
            remove(store, service.serviceId(), destinationLocationId);
            this.policies.forgetWarehouseService(store.id(), service.serviceId());
            removed.add(service.serviceId());
        }
        if (setup.isFulfillmentService() && setup.serviceId() != null) {
            remove(store, setup.serviceId(), destinationLocationId);
            removed.add(setup.serviceId());
        }
        this.policies.recordFulfillmentSetup(store.id(), FulfillmentSetup.MERCHANT_MANAGED);
        this.activity.record(
                OrderRecords.CATEGORY,
                "Store " + store.domain() + " switched back to merchant-managed: fulfillment service(s) "
                        + String.join(", ", removed) + " removed"
                        + (destinationLocationId == null
                                ? "; their location(s) " + setup.locationIds() + " stay on Shopify as the merchant's"
                                : "; their stock and open fulfillment orders moved to " + destinationLocationId)
                        + (open.isEmpty() ? "." : " (" + open.size() + " fulfillment orders were open there)."),
                by);
        return new SwitchBack(true, open);
    }

    /**
     * The callback address of a warehouse's service: Shopify appends {@code /fulfillment_order_notification} and
     * {@code /fetch_stock}, so each service's address names its warehouse.
     */
    public String callbackUrl(String warehouseCode) {
        return callbackUrl() + WAREHOUSES_PATH + java.net.URLEncoder.encode(warehouseCode, StandardCharsets.UTF_8);
    }

    /** Where Shopify sends fulfillment and cancellation requests (it appends /fulfillment_order_notification). */
    public String callbackUrl() {
        String base = this.app.webhookUrl().trim();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + CALLBACK_PATH;
    }
}
