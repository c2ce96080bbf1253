package wms.shopify.retention.entity;

/**
 * What the retention round prunes, in the order it prunes it: each kind grows with the stores' traffic, is kept
 * for its own number of days (one setting each, see docs/operations.md), and some of its rows are kept regardless
 * because the connector still needs them.
 */
public enum DataKind {
    WEBHOOK_BODIES(
            "webhook bodies",
            "webhook_delivery",
            "erased",
            "the body of a delivery not processed yet (received or failed)"),
    WEBHOOK_DELIVERIES(
            "webhook deliveries",
            "webhook_delivery",
            "deleted",
            "deliveries not processed yet; every delivery for at least 2 days (a delivery Shopify retries or "
                    + "sends late is recognised by its webhook id)"),
    ACTIVITY("activity entries", "activity_event", "deleted", "nothing: an old entry is only history"),
    STOCK_PUSHES(
            "finished stock pushes",
            "stock_push",
            "deleted",
            "pushes being sent or parked (failed, waiting to go out again), and any push a pending change points at"),
    STOCK_MOVEMENTS(
            "stock movements",
            "stock_movement",
            "deleted",
            "movements a kept push carried or a pending change has not pushed yet"),
    FINISHED_ORDERS(
            "finished orders",
            "shop_order",
            "deleted",
            "open orders, orders the WMS has not acknowledged, orders with stock demand, a shipment not pushed yet "
                    + "or a return not closed"),
    CLOSED_RETURNS(
            "closed returns",
            "shop_return",
            "deleted",
            "open or held returns, returns the WMS has not acknowledged, and returns with a receipt not disposed of"),
    ORDER_SWEEPS("order sweeps", "order_sweep", "deleted", "a running sweep and each store's latest one"),
    STOCK_RECONCILIATIONS(
            "stock reconciliations",
            "stock_reconciliation",
            "deleted",
            "a running reconciliation and each store's latest one"),
    PRODUCT_SYNCS("product syncs", "product_sync", "deleted", "a running sync and each store's latest one");

    private final String label;
    private final String table;
    private final String done;
    private final String keptRegardless;

    DataKind(String label, String table, String done, String keptRegardless) {
        this.label = label;
        this.table = table;
        this.done = done;
        this.keptRegardless = keptRegardless;
    }

    /** In the merchant's words, plural ("webhook bodies"). */
    public String label() {
        return this.label;
    }

    /** The table its rows live in. */
    public String table() {
        return this.table;
    }

    /** What pruning does to it: "erased" (the row stays) or "deleted". */
    public String done() {
        return this.done;
    }

    /** What is never pruned, however old. */
    public String keptRegardless() {
        return this.keptRegardless;
    }
}
