package wms.shopify.catalog.entity;

import java.util.Objects;

/**
 * A variant as Shopify lists it, with what product sync needs: ids, titles, SKU, barcode, and whether stock sync
 * could write its inventory (tracked, and stocked at every mapped location).
 *
 * @param variantId Shopify's global id of the variant (what a mapping keys on)
 * @param inventoryItemId Shopify's global id of its inventory item (what stock sync writes to)
 * @param productTitle the title of its product
 * @param variantTitle its own title ("Default Title" for a product without options)
 * @param sku as Shopify has it, possibly null or blank
 * @param barcode as Shopify has it, possibly null or blank
 * @param tracked whether Shopify tracks its inventory
 * @param stockedAtMappedLocations whether it is stocked at every location of the store mapped to a warehouse
 * @param bundle whether it is a bundle's parent ({@code requiresComponents}): Shopify computes its stock from its
 *     components' and refuses writes to it, so stock sync never writes it
 */
public record ShopifyVariant(
        String variantId,
        String inventoryItemId,
        String productTitle,
        String variantTitle,
        String sku,
        String barcode,
        boolean tracked,
        boolean stockedAtMappedLocations,
        boolean bundle) {

    public ShopifyVariant {
        Objects.requireNonNull(variantId, "variantId");
        productTitle = productTitle == null ? "" : productTitle;
    }
}
