package wms.shopify.catalog.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * @param components when the product is a kit, its components in code order; absent otherwise
 */
@Schema(name = "Product")
public record ProductView(
        String code,
        String sku,
        String barcode,
        String name,
        boolean active,
        Instant updatedAt,
        List<Component> components) {

    /**
     * One component of a kit.
     *
     * @param product the component's product code
     * @param quantity the units of it one kit takes
     */
    @Schema(name = "ProductKitComponent")
    public record Component(String product, long quantity) {}

    /** The product, with its components when the map of kits has it. */
    static ProductView of(WmsProduct product, Map<String, Map<String, Long>> kits) {
        Map<String, Long> components = kits.get(product.code());
        return new ProductView(
                product.code(),
                product.sku(),
                product.barcode(),
                product.name(),
                product.active(),
                product.updatedAt(),
                components == null
                        ? null
                        : components.entrySet().stream()
                                .map(c -> new Component(c.getKey(), c.getValue()))
                                .toList());
    }
}
