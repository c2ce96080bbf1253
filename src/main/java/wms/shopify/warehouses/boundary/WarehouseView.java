package wms.shopify.warehouses.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import wms.shopify.warehouses.entity.Warehouse;

/**
 * A registered warehouse as the API shows it.
 *
 * @param code the WMS's code
 * @param name its name, exactly as registered
 * @param active false when the WMS deactivated it
 * @param updatedAt when it last changed
 */
@Schema(name = "Warehouse")
public record WarehouseView(String code, String name, boolean active, Instant updatedAt) {

    static WarehouseView of(Warehouse warehouse) {
        return new WarehouseView(warehouse.code(), warehouse.name(), warehouse.active(), warehouse.updatedAt());
    }
}
