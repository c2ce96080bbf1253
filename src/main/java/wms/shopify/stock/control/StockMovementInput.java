package wms.shopify.stock.control;

import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One stock movement as the WMS sends it. The numbers are kept as the JSON values sent, so that the movement rules
 * read them exactly (a number that does not fit, a fraction or a string is refused naming the field), never as a
 * binding to {@code long} would, which wraps {@code 2^63} and rounds {@code 1e999999999} to 0.
 *
 * @param movementId the WMS's id of the movement: the same id twice is one movement
 * @param type receiving, picking, adjustment, transfer, return_receipt or allocation
 * @param product the WMS product code (registered through PUT /api/v1/products)
 * @param warehouse the WMS warehouse code (registered through PUT /api/v1/warehouses)
 * @param delta the change of the sellable quantity (negative lowers it)
 * @param sellableAfter the sellable quantity of the product in the warehouse after the movement
 * @param sequence orders the movements of one (product, warehouse): a higher sequence is a later state
 * @param order the Shopify order the movement belongs to, when it does (picking, allocation of an order)
 */
@Schema(name = "StockMovement", description = "One change of a product's sellable quantity in a warehouse.")
public record StockMovementInput(
        @Schema(required = true, maxLength = 128, example = "MV-2026-000123")
        String movementId,

        @Schema(
                required = true,
                enumeration = {"receiving", "picking", "adjustment", "transfer", "return_receipt", "allocation"},
                example = "receiving")
        String type,

        @Schema(required = true, example = "P-10042") String product,
        @Schema(required = true, example = "WH-1") String warehouse,

        @Schema(
                required = true,
                type = SchemaType.INTEGER,
                format = "int64",
                minimum = "-1000000",
                maximum = "1000000",
                example = "12",
                description = "change of the sellable quantity")
        JsonValue delta,

        @Schema(
                required = true,
                type = SchemaType.INTEGER,
                format = "int64",
                minimum = "0",
                maximum = "1000000000",
                example = "40",
                description = "sellable quantity after the movement")
        JsonValue sellableAfter,

        @Schema(
                required = true,
                type = SchemaType.INTEGER,
                format = "int64",
                minimum = "0",
                maximum = "9223372036854775807",
                example = "1734",
                description = "per (product, warehouse), increasing")
        JsonValue sequence,

        @Schema(description = "the Shopify order this movement belongs to, if any")
        OrderReference order) {

    /**
     * @param store the store's Shopify domain, e.g. {@code acme.myshopify.com}
     * @param orderId the Shopify order id, numeric or {@code gid://shopify/Order/...}
     */
    @Schema(name = "OrderReference", description = "A Shopify order of a connected store.")
    public record OrderReference(
            @Schema(required = true, example = "acme.myshopify.com")
            String store,

            @Schema(required = true, example = "gid://shopify/Order/5550001")
            String orderId) {}
}
