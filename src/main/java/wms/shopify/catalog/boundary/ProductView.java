package wms.shopify.catalog.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import wms.shopify.catalog.entity.WmsProduct;

/**
 * A registered product as the API shows it.
 *
 * @param code the WMS's id of the product
 * @param sku its SKU as registered (absent when none)
 * @param barcode its barcode as registered (absent when none)
 * @param name its name, exactly as registered
 * @param active false when the WMS deactivated it
 * @param updatedAt when it last changed
 */
@Schema(name = "Product")
public record ProductView(String code, String sku, String barcode, String name, boolean active, Instant updatedAt) {

    static ProductView of(WmsProduct product) {
        return new ProductView(
                product.code(),
                product.sku(),
                product.barcode(),
                product.name(),
                product.active(),
                product.updatedAt());
    }
}
