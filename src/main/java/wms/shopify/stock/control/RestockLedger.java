package wms.shopify.stock.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import wms.shopify.returns.entity.ShopifyRestock;

/**
 * Shopify restocked returned units itself ({@link ShopifyRestock}): in Absolute mode the levels concerned are marked
 * to be read again and made due, so the next push compares Shopify's quantity (with the restocked units) with the
 * WMS's sellable quantity (which counts them once, from its return_receipt movement) and writes the difference away.
 * Without this, a level whose absolute write had already counted the returned units would keep them twice on
 * Shopify: nothing else makes an idle level due, and the connector never writes in answer to a webhook. A level
 * being pushed meanwhile keeps the mark and goes out again after that push.
 */
@ApplicationScoped
public class RestockLedger {

    private static final Logger LOG = Logger.getLogger(RestockLedger.class.getName());

    @Resource(lookup = "jdbc/wms")
    DataSource dataSource;

    void onRestock(@Observes ShopifyRestock restock) {
        if (restock.productCodes().isEmpty()) {
            return;
        }
        try (Connection db = this.dataSource.getConnection()) {
            int levels = markToReadAgain(db, restock, firstPushDelaySeconds());
            if (levels > 0) {
                LOG.info(() -> "Shopify restocked returned units at " + restock.locationId() + " of store "
                        + restock.storeId() + ": " + levels + " Absolute level(s) to read again and set");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark the levels restocked on Shopify: " + e.getMessage(), e);
        }
    }

    /** Marks the restock's Absolute levels to be read again and makes them due; answers how many. */
    static int markToReadAgain(Connection db, ShopifyRestock restock, double delaySeconds) throws SQLException {
        String levels = """
                c.store_id = ? and c.location_id = ? and c.sellable is not null
                    and c.state in ('IDLE', 'PENDING', 'PUSHING')
                    and c.inventory_item_id in (select v.inventory_item_id from store_variant v
                        join wms_product p on p.id = v.product_id
                        where v.store_id = c.store_id and p.code = any(?) and v.inventory_item_id is not null)
                """;
        java.sql.Array codes = db.createArrayOf("varchar", restock.productCodes().toArray());
        // In the order intake locks them: several levels, which intake may be recording movements of.
        MovementLedger.lockInOrder(db, levels, restock.storeId(), restock.locationId(), codes);
        try (PreparedStatement due = db.prepareStatement("""
                update stock_change c set reread = true,
                """ + MovementLedger.CHANGED_AGAIN + """
                from store s
                where s.id = c.store_id and s.stock_sync_enabled and s.stock_sync_mode = 'ABSOLUTE' and
                """ + levels)) {
            due.setDouble(1, delaySeconds);
            due.setLong(2, restock.storeId());
            due.setString(3, restock.locationId());
            due.setArray(4, codes);
            return due.executeUpdate();
        }
    }

    private static double firstPushDelaySeconds() {
        return ConfigProvider.getConfig().getOptionalValue("wms.stock.first-push-delay-ms", Long.class)
                .orElse(300L) / 1000.0;
    }
}
