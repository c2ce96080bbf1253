package wms.shopify.retention.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.retention.entity.DataKind;
import wms.shopify.retention.entity.RetentionPolicy;

/** The retention settings (docs/operations.md, "Retention"): days per kind of data, batch size and pause. */
@ApplicationScoped
public class RetentionSettings {

    private static final Logger LOG = Logger.getLogger(RetentionSettings.class.getName());

    @Inject
    @ConfigProperty(name = "wms.retention.webhook-body-days")
    int webhookBodyDays;

    @Inject
    @ConfigProperty(name = "wms.retention.webhook-delivery-days")
    int webhookDeliveryDays;

    @Inject
    @ConfigProperty(name = "wms.retention.activity-days")
    int activityDays;

    @Inject
    @ConfigProperty(name = "wms.retention.stock-push-days")
    int stockPushDays;

    @Inject
    @ConfigProperty(name = "wms.retention.stock-movement-days")
    int stockMovementDays;

    @Inject
    @ConfigProperty(name = "wms.retention.finished-order-days")
    int finishedOrderDays;

    @Inject
    @ConfigProperty(name = "wms.retention.closed-return-days")
    int closedReturnDays;

    @Inject
    @ConfigProperty(name = "wms.retention.run-history-days")
    int runHistoryDays;

    @Inject
    @ConfigProperty(name = "wms.retention.batch-size")
    int batchSize;

    @Inject
    @ConfigProperty(name = "wms.retention.batch-pause-ms")
    long batchPauseMillis;

    private RetentionPolicy policy;

    @PostConstruct
    void read() {
        Map<DataKind, Integer> days = new EnumMap<>(DataKind.class);
        days.put(DataKind.WEBHOOK_BODIES, this.webhookBodyDays);
        days.put(DataKind.WEBHOOK_DELIVERIES, this.webhookDeliveryDays);
        days.put(DataKind.ACTIVITY, this.activityDays);
        days.put(DataKind.STOCK_PUSHES, this.stockPushDays);
        days.put(DataKind.STOCK_MOVEMENTS, this.stockMovementDays);
        days.put(DataKind.FINISHED_ORDERS, this.finishedOrderDays);
        days.put(DataKind.CLOSED_RETURNS, this.closedReturnDays);
        days.put(DataKind.ORDER_SWEEPS, this.runHistoryDays);
        days.put(DataKind.STOCK_RECONCILIATIONS, this.runHistoryDays);
        days.put(DataKind.PRODUCT_SYNCS, this.runHistoryDays);
        if (RetentionPolicy.raised(DataKind.WEBHOOK_DELIVERIES, this.webhookDeliveryDays)) {
            LOG.warning(() -> "RETENTION_WEBHOOK_DELIVERY_DAYS=" + this.webhookDeliveryDays + " is shorter "
                    + "than Shopify's retries and late deliveries (8 retries over 4 hours, up to a day late); webhook "
                    + "deliveries are kept "
                    + RetentionPolicy.MIN_WEBHOOK_DELIVERY_DAYS + " days");
        }
        this.policy = RetentionPolicy.of(days);
    }

    public RetentionPolicy policy() {
        return this.policy;
    }

    /** Rows pruned per batch, each batch its own short transaction; at least 1. */
    public int batchSize() {
        return Math.max(1, this.batchSize);
    }

    /** The pause between two batches, which leaves the database to the busy path. */
    public long batchPauseMillis() {
        return Math.max(0, this.batchPauseMillis);
    }
}
