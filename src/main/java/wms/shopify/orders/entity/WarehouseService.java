package wms.shopify.orders.entity;

import java.util.Objects;

/**
 * A fulfillment service registered for one warehouse (fulfillment-service mode, one service per warehouse): the
 * service Shopify registered and the location it made for it, mapped to the warehouse.
 *
 * @param warehouseCode the WMS warehouse's code
 * @param serviceId the fulfillment service's global id
 * @param locationId its location's global id
 */
public record WarehouseService(String warehouseCode, String serviceId, String locationId)
        implements java.io.Serializable {

    public WarehouseService {
        Objects.requireNonNull(warehouseCode, "warehouseCode");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(locationId, "locationId");
    }
}
