package wms.shopify.catalog.control;

import jakarta.json.JsonValue;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import wms.shopify.platform.api.RegistrationRules;

/**
 * A product as the WMS registers it: the full current state of one product of its catalog, keyed by the WMS's
 * code (its own id of the product).
 *
 * @param code the WMS's id of the product
 * @param sku its SKU, matched against Shopify variants' SKUs (trimmed); absent when it has none
 * @param barcode its barcode (EAN, UPC, ...), matched when the SKU does not; absent when it has none
 * @param name what the product is called
 * @param active false deactivates it: it stops matching, existing mappings are kept and flagged; absent means true
 * @param components when the product is a kit: the products it is made of; absent or empty: no kit
 */
@Schema(name = "ProductRegistration", description = "The full current state of one WMS product.")
public record ProductRegistration(
        @Schema(required = true, maxLength = RegistrationRules.CODE_LIMIT, example = "P-10042")
        String code,

        @Schema(maxLength = Catalog.KEY_LIMIT, example = "TSHIRT-RED-M")
        String sku,

        @Schema(maxLength = Catalog.KEY_LIMIT, example = "4006381333931")
        String barcode,

        @Schema(required = true, maxLength = RegistrationRules.NAME_LIMIT, example = "T-shirt red M")
        String name,

        @Schema(
                type = SchemaType.BOOLEAN,
                description = "false deactivates the product; absent means true",
                defaultValue = "true")
        JsonValue active,

        @Schema(
                description = "the products one kit is made of (a kit has no stock of its own: Shopify is shown the "
                        + "whole kits its components make up); absent or empty: the product is no kit")
        List<KitComponentInput> components) {

    /** The components sent, none when absent. */
    public List<KitComponentInput> componentsOrNone() {
        return this.components == null ? List.of() : this.components;
    }

    /** Whether the product is active: the WMS says so, or says nothing. */
    public boolean activeOrDefault() {
        return RegistrationRules.isActive(this.active);
    }
}
