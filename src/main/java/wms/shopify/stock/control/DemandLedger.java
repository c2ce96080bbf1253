package wms.shopify.stock.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import wms.shopify.orders.entity.OrderDemand;
import wms.shopify.stock.entity.ResolvedMovement;

/**
 * Keeps the latest unallocated lines of every order ({@link OrderDemand}, fired by the orders component inside its
 * transaction, so this runs in it and commits or rolls back with it). Absolute mode subtracts their sum per (store,
 * inventory item, location) from the WMS sellable quantity. A change of that sum makes the level's pending change
 * due, in Absolute mode, and a rise in demand first explains Shopify-side drops the connector had noticed without
 * knowing their order (see {@code stock_change.unexplained}); what it does not explain is kept as
 * {@code explained_ahead}, the drop the connector will find on its next read of the level: a sale is never
 * subtracted twice, whichever comes first, the order or the read. An order line of a WMS kit is also demand for the
 * kit's components ({@code kit_demand}, in component units), so that they, and every kit sharing them, go down.
 */
@ApplicationScoped
public class DemandLedger {

    @Resource(lookup = "jdbc/wms")
    DataSource dataSource;

    void onDemand(@Observes OrderDemand demand) {
        try (Connection db = this.dataSource.getConnection()) {
            Map<String, Long> before = lines(db, demand);
            try (PreparedStatement delete =
                    db.prepareStatement("delete from order_demand where store_id = ? and shopify_order_id = ?")) {
                delete.setLong(1, demand.storeId());
                delete.setString(2, demand.shopifyOrderId());
                delete.executeUpdate();
            }
            Map<String, Long> after = new HashMap<>();
            for (OrderDemand.Line line : demand.lines()) {
                if (line.quantity() > 0) {
                    after.merge(line.inventoryItemId() + "\n" + line.locationId(), line.quantity(), Long::sum);
                }
            }
            try (PreparedStatement insert = db.prepareStatement(
                    "insert into order_demand (store_id, "
                            + "shopify_order_id, inventory_item_id, location_id, quantity, updated_at) values (?, ?, ?, ?, ?, now())")) {
                for (Map.Entry<String, Long> line : after.entrySet()) {
                    String[] key = line.getKey().split("\n", 2);
                    insert.setLong(1, demand.storeId());
                    insert.setString(2, demand.shopifyOrderId());
                    insert.setString(3, key[0]);
                    insert.setString(4, key[1]);
                    insert.setLong(5, line.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            // In key order ("item\nlocation" sorts as item, then location), as intake locks pending changes.
            java.util.SortedMap<String, Long> changes = new java.util.TreeMap<>();
            for (String level : before.keySet()) {
                changes.put(level, -before.get(level));
            }
            after.forEach((level, quantity) -> changes.merge(level, quantity, Long::sum));
            Map<String, Long> kitChanges = kitLines(db, demand.storeId(), demand.shopifyOrderId(), after);
            if (kitChanges == null) {
                StockChanges.demandChanged(db, demand.storeId(), changes, firstPushDelaySeconds());
            } else {
                // Kits: the levels of the components and of the kits made of what the order holds change too; all
                // are locked first, in the lock order, then each kind is updated.
                StockChanges.lockDemandLevels(db, demand.storeId(), changes.keySet(), kitChanges.keySet());
                StockChanges.demandChanged(db, demand.storeId(), changes, firstPushDelaySeconds());
                StockChanges.kitDemandChanged(
                        db, demand.storeId(), changes.keySet(), kitChanges, firstPushDelaySeconds());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not record the demand of order " + demand.shopifyOrderId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * An order line of a kit is demand for its components (issue #18): the order's kit lines, expanded into units
     * of each component (quantity × units per kit) at the line's location, replace what {@code kit_demand} held for
     * the order. Answers how that changed per "product\nlocation" (component units), or null when the catalog has
     * no kit at all (nothing to do, the usual case).
     */
    private static Map<String, Long> kitLines(Connection db, long storeId, String orderId, Map<String, Long> lines)
            throws SQLException {
        try (PreparedStatement any = db.prepareStatement("select exists (select 1 from kit_component)");
                ResultSet row = any.executeQuery()) {
            row.next();
            if (!row.getBoolean(1)) {
                return null;
            }
        }
        Map<String, Long> changes = new HashMap<>();
        try (PreparedStatement before = db.prepareStatement(
                "delete from kit_demand where store_id = ? and shopify_order_id = ? returning product_id, location_id, "
                        + "quantity")) {
            before.setLong(1, storeId);
            before.setString(2, orderId);
            try (ResultSet rows = before.executeQuery()) {
                while (rows.next()) {
                    changes.merge(rows.getLong(1) + "\n" + rows.getString(2), -rows.getLong(3), Long::sum);
                }
            }
        }
        if (!lines.isEmpty()) {
            List<Object> items = new ArrayList<>();
            List<Object> locations = new ArrayList<>();
            List<Object> quantities = new ArrayList<>();
            lines.forEach((level, quantity) -> {
                String[] key = level.split("\n", 2);
                items.add(key[0]);
                locations.add(key[1]);
                quantities.add(quantity);
            });
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into kit_demand (store_id, shopify_order_id, product_id, location_id, quantity, updated_at)
                    select ?, ?, k.component_product_id, t.location, sum(t.quantity * k.quantity), now()
                    from unnest(?::varchar[], ?::varchar[], ?::bigint[]) as t(item, location, quantity)
                    join store_variant_mapping v on v.store_id = ? and v.inventory_item_id = t.item
                    join kit_component k on k.kit_product_id = v.product_id
                    group by k.component_product_id, t.location
                    returning product_id, location_id, quantity
                    """)) {
                insert.setLong(1, storeId);
                insert.setString(2, orderId);
                insert.setArray(3, db.createArrayOf("varchar", items.toArray()));
                insert.setArray(4, db.createArrayOf("varchar", locations.toArray()));
                insert.setArray(5, db.createArrayOf("bigint", quantities.toArray()));
                insert.setLong(6, storeId);
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        changes.merge(rows.getLong(1) + "\n" + rows.getString(2), rows.getLong(3), Long::sum);
                    }
                }
            }
        }
        return changes;
    }

    /**
     * Intake, in its transaction: a movement naming an order that lowers sellable is that order's allocation: its
     * demand shrinks as much (lines fully allocated are deleted first, so that no quantity drops to zero or below).
     * The call's allocations are summed per demand line (one after the other would end the same) and applied in two
     * statements, not two per movement.
     */
    static void allocated(Connection db, List<ResolvedMovement> fresh) throws SQLException {
        List<Object> stores = new ArrayList<>();
        List<Object> orders = new ArrayList<>();
        List<Object> products = new ArrayList<>();
        List<Object> warehouses = new ArrayList<>();
        List<Object> units = new ArrayList<>();
        for (ResolvedMovement m : fresh) {
            if (m.orderStoreId() == null || m.delta() >= 0) {
                continue;
            }
            stores.add(m.orderStoreId());
            orders.add(m.shopifyOrderId());
            products.add(m.productId());
            warehouses.add(m.warehouseId());
            units.add(-m.delta());
        }
        if (stores.isEmpty()) {
            return;
        }
        String allocations = """
                with allocation as (
                    select t.store_id, t.order_id, v.inventory_item_id, l.location_id, sum(t.units) as units
                    from unnest(?::bigint[], ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[])
                        as t(store_id, order_id, product_id, warehouse_id, units)
                    join store_variant_mapping v on v.store_id = t.store_id and v.product_id = t.product_id
                    join store_location_mapping l on l.store_id = t.store_id and l.warehouse_id = t.warehouse_id
                    group by t.store_id, t.order_id, v.inventory_item_id, l.location_id)
                """;
        String line = " d.store_id = a.store_id and d.shopify_order_id = a.order_id"
                + " and d.inventory_item_id = a.inventory_item_id and d.location_id = a.location_id";
        try (PreparedStatement remove = db.prepareStatement(allocations
                        + "delete from order_demand d using allocation a where" + line + " and d.quantity <= a.units");
                PreparedStatement reduce = db.prepareStatement(allocations
                        + "update order_demand d set quantity = d.quantity - a.units, updated_at = now() "
                        + "from allocation a where" + line)) {
            for (PreparedStatement statement : List.of(remove, reduce)) {
                statement.setArray(1, db.createArrayOf("bigint", stores.toArray()));
                statement.setArray(2, db.createArrayOf("varchar", orders.toArray()));
                statement.setArray(3, db.createArrayOf("bigint", products.toArray()));
                statement.setArray(4, db.createArrayOf("bigint", warehouses.toArray()));
                statement.setArray(5, db.createArrayOf("bigint", units.toArray()));
                statement.executeUpdate();
            }
        }
        // The order's kit lines: their units of this component shrink as much.
        String kitAllocations = """
                with allocation as (
                    select t.store_id, t.order_id, t.product_id, l.location_id, sum(t.units) as units
                    from unnest(?::bigint[], ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[])
                        as t(store_id, order_id, product_id, warehouse_id, units)
                    join store_location_mapping l on l.store_id = t.store_id and l.warehouse_id = t.warehouse_id
                    group by t.store_id, t.order_id, t.product_id, l.location_id)
                """;
        String kitLine = " d.store_id = a.store_id and d.shopify_order_id = a.order_id"
                + " and d.product_id = a.product_id and d.location_id = a.location_id";
        try (PreparedStatement remove =
                        db.prepareStatement(kitAllocations + "delete from kit_demand d using allocation a where"
                                + kitLine + " and d.quantity <= a.units");
                PreparedStatement reduce = db.prepareStatement(kitAllocations
                        + "update kit_demand d set quantity = d.quantity - a.units, updated_at = now() "
                        + "from allocation a where" + kitLine)) {
            for (PreparedStatement statement : List.of(remove, reduce)) {
                statement.setArray(1, db.createArrayOf("bigint", stores.toArray()));
                statement.setArray(2, db.createArrayOf("varchar", orders.toArray()));
                statement.setArray(3, db.createArrayOf("bigint", products.toArray()));
                statement.setArray(4, db.createArrayOf("bigint", warehouses.toArray()));
                statement.setArray(5, db.createArrayOf("bigint", units.toArray()));
                statement.executeUpdate();
            }
        }
    }

    private static Map<String, Long> lines(Connection db, OrderDemand demand) throws SQLException {
        Map<String, Long> lines = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("select inventory_item_id, location_id, quantity from "
                + "order_demand where store_id = ? and shopify_order_id = ?")) {
            query.setLong(1, demand.storeId());
            query.setString(2, demand.shopifyOrderId());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lines.put(rows.getString(1) + "\n" + rows.getString(2), rows.getLong(3));
                }
            }
        }
        return lines;
    }

    private static double firstPushDelaySeconds() {
        return ConfigProvider.getConfig()
                        .getOptionalValue("wms.stock.first-push-delay-ms", Long.class)
                        .orElse(300L)
                / 1000.0;
    }
}
