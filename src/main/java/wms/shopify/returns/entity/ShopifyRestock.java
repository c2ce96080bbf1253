package wms.shopify.returns.entity;

import java.util.Objects;
import java.util.Set;

/**
 * Units put back into Shopify's {@code available} at a location by Shopify itself, not by stock sync: the returns
 * component fires this CDI event after a disposal RESTOCKED returned units there. In Absolute mode the level no
 * longer holds what stock sync last wrote, and the WMS counts the same units in its sellable quantity (its
 * {@code return_receipt} movement), so stock sync re-reads the level and sets it again to the WMS's figure: the
 * units are counted once, whichever of the disposal and the movement reaches Shopify first. Delta mode needs
 * nothing: the movement names the order and is not pushed to the order's store.
 *
 * @param storeId the connector's store id
 * @param locationId the GID of the Shopify location the units were restocked at
 * @param productCodes the WMS product codes restocked
 */
public record ShopifyRestock(long storeId, String locationId, Set<String> productCodes) {

    public ShopifyRestock {
        Objects.requireNonNull(locationId, "locationId");
        productCodes = Set.copyOf(productCodes);
    }
}
