package wms.shopify.orders.entity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A store's fulfillment mode and, in fulfillment-service mode, the services Shopify registered for the WMS with the
 * locations Shopify made for them: one service for all warehouses ({@link FulfillmentScope#ONE_FOR_ALL}, its ids in
 * {@code serviceId} and {@code locationId}) or one per warehouse ({@link FulfillmentScope#PER_WAREHOUSE}, in
 * {@code warehouseServices}).
 *
 * @param mode the mode
 * @param serviceId the one service's global id; null in merchant-managed mode and per warehouse
 * @param locationId the one service's location's global id; null in merchant-managed mode and per warehouse
 * @param scope one service for all warehouses or one per warehouse (what the merchant chose)
 * @param warehouseServices the services registered per warehouse (recorded as each was registered: a switch that
 *     failed halfway leaves those it made, for a retry to complete)
 */
public record FulfillmentSetup(
        FulfillmentMode mode,
        String serviceId,
        String locationId,
        FulfillmentScope scope,
        List<WarehouseService> warehouseServices)
        implements java.io.Serializable {

    /** The default: merchant-managed, no service. */
    public static final FulfillmentSetup MERCHANT_MANAGED =
            new FulfillmentSetup(FulfillmentMode.MERCHANT_MANAGED, null, null);

    public FulfillmentSetup {
        scope = scope == null ? FulfillmentScope.ONE_FOR_ALL : scope;
        warehouseServices = warehouseServices == null ? List.of() : List.copyOf(warehouseServices);
        if (mode == FulfillmentMode.FULFILLMENT_SERVICE
                && scope == FulfillmentScope.ONE_FOR_ALL
                && (serviceId == null || locationId == null)) {
            throw new IllegalArgumentException("A fulfillment service is recorded with its id and its location's id");
        }
    }

    /** One service for all warehouses (or none), with no service per warehouse. */
    public FulfillmentSetup(FulfillmentMode mode, String serviceId, String locationId) {
        this(mode, serviceId, locationId, FulfillmentScope.ONE_FOR_ALL, List.of());
    }

    /** Whether the WMS is the store's fulfillment service. */
    public boolean isFulfillmentService() {
        return this.mode == FulfillmentMode.FULFILLMENT_SERVICE;
    }

    /** Whether the WMS is registered as one fulfillment service per warehouse. */
    public boolean isPerWarehouse() {
        return isFulfillmentService() && this.scope == FulfillmentScope.PER_WAREHOUSE;
    }

    /**
     * Every location of the WMS's own services on the store: the one service's (in fulfillment-service mode) and
     * those of the services per warehouse recorded.
     */
    public Set<String> locationIds() {
        Set<String> ids = new LinkedHashSet<>();
        if (isFulfillmentService() && this.locationId != null) {
            ids.add(this.locationId);
        }
        this.warehouseServices.forEach(s -> ids.add(s.locationId()));
        return ids;
    }

    /** The same setup with these services per warehouse. */
    public FulfillmentSetup withWarehouseServices(List<WarehouseService> services) {
        return new FulfillmentSetup(this.mode, this.serviceId, this.locationId, this.scope, services);
    }
}
