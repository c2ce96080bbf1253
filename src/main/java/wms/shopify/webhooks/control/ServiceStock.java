package wms.shopify.webhooks.control;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import wms.shopify.adminapi.entity.ShopDomain;
import wms.shopify.platform.Published;

/**
 * What the WMS's fulfillment service location of a store has to sell, for Shopify's {@code fetch_stock} callback
 * ({@code GET <callbackUrl>/fetch_stock}, a service registered with inventory management): the intake checks the
 * call's signature, the component that publishes stock answers it (stock's {@code FulfillmentServiceStock}).
 */
@Published
public interface ServiceStock {

    /**
     * The quantities the connector publishes at the service's location, by SKU.
     *
     * @param shop the store
     * @param warehouseCode the warehouse of the service asked (one service per warehouse), or null for the store's
     *     one service for all warehouses
     * @param skus the SKUs asked; empty for every SKU stocked there
     * @return SKU → quantity; empty when the store is not connected or has no such service of the WMS's
     */
    Optional<Map<String, Long>> at(ShopDomain shop, String warehouseCode, List<String> skus);
}
