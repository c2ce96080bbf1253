package wms.shopify.stock.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import wms.shopify.adminapi.entity.ShopDomain;
import wms.shopify.orders.control.IntakePolicies;
import wms.shopify.orders.entity.FulfillmentSetup;
import wms.shopify.orders.entity.WarehouseService;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;
import wms.shopify.webhooks.control.ServiceStock;

/**
 * Answers Shopify's {@code fetch_stock} for the WMS's fulfillment service locations (orders' fulfillment-service
 * mode): per SKU, what the connector publishes at that location, the one availability calculation
 * ({@code stock_level_may_sell}: the WMS's sellable quantity less the store's unallocated order demand, the rules
 * applied), as Absolute mode writes it. A level the WMS has not reported yet is left out (Shopify keeps its own).
 */
@ApplicationScoped
public class FulfillmentServiceStock implements ServiceStock {

    @Inject
    Stores stores;

    @Inject
    IntakePolicies policies;

    @Inject
    PushRecords records;

    @Override
    public Optional<Map<String, Long>> at(ShopDomain shop, String warehouseCode, List<String> skus) {
        Optional<Store> store = this.stores.find(shop).filter(Store::isConnected);
        if (store.isEmpty()) {
            return Optional.empty();
        }
        FulfillmentSetup setup = this.policies.fulfillmentSetup(store.get().id());
        if (!setup.isFulfillmentService()) {
            return Optional.empty();
        }
        Optional<String> location = warehouseCode == null
                ? Optional.ofNullable(setup.locationId())
                : setup.warehouseServices().stream()
                        .filter(s -> s.warehouseCode().equals(warehouseCode))
                        .map(WarehouseService::locationId)
                        .findFirst();
        if (location.isEmpty()) {
            return Optional.empty();
        }
        long storeId = store.get().id();
        return Optional.of(this.records.query(db -> {
            Map<String, Long> levels = new LinkedHashMap<>();
            try (PreparedStatement query = db.prepareStatement("""
                    select v.sku, stock_level_may_sell(c.store_id, c.inventory_item_id, c.product_id, c.location_id,
                        c.warehouse_id, c.sellable, c.unexplained)
                    from stock_change c
                    join lateral (select sku from store_variant_mapping sv where sv.store_id = c.store_id
                        and sv.inventory_item_id = c.inventory_item_id and sv.sku is not null limit 1) v on true
                    where c.store_id = ? and c.location_id = ? and c.sellable is not null
                        and (cardinality(?::varchar[]) = 0 or v.sku = any(?::varchar[]))
                    order by v.sku
                    """)) {
                java.sql.Array asked = db.createArrayOf("varchar", skus.toArray());
                query.setLong(1, storeId);
                query.setString(2, location.get());
                query.setArray(3, asked);
                query.setArray(4, asked);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        levels.putIfAbsent(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            return levels;
        }));
    }
}
