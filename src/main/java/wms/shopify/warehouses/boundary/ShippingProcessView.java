package wms.shopify.warehouses.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import wms.shopify.warehouses.entity.ShippingProcess;

/**
 * A registered shipping process as the API shows it.
 *
 * @param code the WMS's code
 * @param name its name, exactly as registered
 * @param warehouse the code of its warehouse, absent when it runs in any warehouse
 * @param active false when the WMS deactivated it
 * @param updatedAt when it last changed
 */
@Schema(name = "ShippingProcess")
public record ShippingProcessView(String code, String name, String warehouse, boolean active, Instant updatedAt) {

    static ShippingProcessView of(ShippingProcess process) {
        return new ShippingProcessView(
                process.code(),
                process.name(),
                process.warehouse() == null ? null : process.warehouse().code(),
                process.active(),
                process.updatedAt());
    }
}
