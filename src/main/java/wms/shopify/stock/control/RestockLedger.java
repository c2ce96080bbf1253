package wms.shopify.stock.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
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
            int levels = StockChanges.markToReadAgain(db, restock, firstPushDelaySeconds());
            if (levels > 0) {
                LOG.info(() -> "Shopify restocked returned units at " + restock.locationId() + " of store "
                        + restock.storeId() + ": " + levels + " Absolute level(s) to read again and set");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark the levels restocked on Shopify: " + e.getMessage(), e);
        }
    }

    private static double firstPushDelaySeconds() {
        return ConfigProvider.getConfig()
                        .getOptionalValue("wms.stock.first-push-delay-ms", Long.class)
                        .orElse(300L)
                / 1000.0;
    }
}
