package wms.shopify.stock.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import wms.shopify.orders.entity.OrderDemand;

/**
 * Keeps the latest unallocated lines of every order ({@link OrderDemand}, fired by the orders component inside its
 * transaction, so this runs in it and commits or rolls back with it). Absolute mode subtracts their sum per (store,
 * inventory item, location) from the WMS sellable quantity. A change of that sum makes the level's pending change
 * due, in Absolute mode, and a rise in demand first explains Shopify-side drops the connector had noticed without
 * knowing their order (see {@code stock_change.unexplained}); what it does not explain is kept as
 * {@code explained_ahead}, the drop the connector will find on its next read of the level: a sale is never
 * subtracted twice, whichever comes first, the order or the read.
 */
@ApplicationScoped
public class DemandLedger {

    @Resource(lookup = "jdbc/wms")
    DataSource dataSource;

    void onDemand(@Observes OrderDemand demand) {
        try (Connection db = this.dataSource.getConnection()) {
            Map<String, Long> before = lines(db, demand);
            try (PreparedStatement delete = db.prepareStatement(
                    "delete from order_demand where store_id = ? and shopify_order_id = ?")) {
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
            try (PreparedStatement insert = db.prepareStatement("insert into order_demand (store_id, "
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
            Set<String> levels = new java.util.TreeSet<>(before.keySet());
            levels.addAll(after.keySet());
            try (PreparedStatement due = db.prepareStatement("""
                    update stock_change c set
                        unexplained = least(0, c.unexplained + greatest(0, ?)),
                        explained_ahead = c.explained_ahead + greatest(0, greatest(0, ?) + c.unexplained),
                    """ + MovementLedger.CHANGED_AGAIN + """
                    from store s
                    where s.id = c.store_id and c.store_id = ? and c.inventory_item_id = ? and c.location_id = ?
                        and s.stock_sync_enabled and s.stock_sync_mode = 'ABSOLUTE' and c.sellable is not null
                    """)) {
                for (String level : levels) {
                    long change = after.getOrDefault(level, 0L) - before.getOrDefault(level, 0L);
                    if (change == 0) {
                        continue;
                    }
                    String[] key = level.split("\n", 2);
                    due.setLong(1, change);
                    due.setLong(2, change);
                    due.setDouble(3, firstPushDelaySeconds());
                    due.setLong(4, demand.storeId());
                    due.setString(5, key[0]);
                    due.setString(6, key[1]);
                    due.addBatch();
                }
                due.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the demand of order " + demand.shopifyOrderId() + ": "
                    + e.getMessage(), e);
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
        return ConfigProvider.getConfig().getOptionalValue("wms.stock.first-push-delay-ms", Long.class)
                .orElse(300L) / 1000.0;
    }
}
