package wms.shopify.stock.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import wms.shopify.webhooks.entity.WebhookReceived;

/**
 * {@code inventory_levels/update}: Shopify reports every change of a level, the connector's own writes included.
 * A report of the quantity the connector wrote (or is writing) is its own echo and is ignored: it is never a reason
 * to write again. Any other value is a change made on Shopify (a sale, a merchant's edit); it is noted, and left to
 * compare-and-set (Absolute mode) and drift reconciliation: the connector does not write in answer to a webhook.
 */
@ApplicationScoped
public class StockWebhooks {

    public static final String TOPIC = "inventory_levels/update";

    @Resource(lookup = "jdbc/wms")
    DataSource dataSource;

    void onWebhook(@Observes WebhookReceived webhook) {
        if (!TOPIC.equals(webhook.topic())) {
            return;
        }
        JsonObject body;
        try {
            body = Json.createReader(new StringReader(webhook.bodyText())).readObject();
        } catch (RuntimeException e) {
            webhook.handled("Not an inventory level: ignored.");
            return;
        }
        if (!(body.get("inventory_item_id") instanceof JsonNumber item)
                || !(body.get("location_id") instanceof JsonNumber location)
                || !(body.get("available") instanceof JsonNumber available)) {
            webhook.handled("No inventory item, location or available quantity: ignored.");
            return;
        }
        webhook.handled(classify(
                webhook.storeId(),
                "gid://shopify/InventoryItem/" + item.longValue(),
                "gid://shopify/Location/" + location.longValue(),
                available.longValue()));
    }

    String classify(long storeId, String item, String location, long available) {
        try (Connection db = this.dataSource.getConnection();
                PreparedStatement query = db.prepareStatement("""
                select c.shopify_known, c.state, c.in_push_quantity, c.in_push_delta, p.mode
                from stock_change c left join stock_push p on p.id = c.push_id
                where c.store_id = ? and c.inventory_item_id = ? and c.location_id = ?
                """)) {
            query.setLong(1, storeId);
            query.setString(2, item);
            query.setString(3, location);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return "Level not synchronised by the connector: noted (available " + available + ").";
                }
                Long known = (Long) row.getObject(1);
                boolean pushing = "PUSHING".equals(row.getString(2));
                boolean echo = known != null && known == available;
                if (pushing && "ABSOLUTE".equals(row.getString(5))) {
                    echo |= row.getLong(3) == available;
                } else if (pushing && known != null) {
                    echo |= known + row.getLong(4) == available;
                } else if (pushing) {
                    echo = true; // a Delta write under way to a level never read: its echo cannot be told apart
                }
                return echo
                        ? "Echo of the connector's own stock write (available " + available + "): ignored."
                        : "Changed on Shopify (available " + available + ", the connector last knew "
                                + (known == null ? "nothing" : known) + "): left to compare-and-set and drift "
                                + "reconciliation.";
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not classify an inventory level update: " + e.getMessage(), e);
        }
    }
}
