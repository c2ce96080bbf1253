package wms.shopify.console.control;

import java.time.Duration;
import java.util.List;

/**
 * One store on the dashboard: its stock sync lag, the changes waiting and why, its webhooks, the orders waiting for
 * the WMS and held, parked shipments and its cost budget, each with its signal and rule. Counts are bounded
 * ({@link Dashboard#COUNT_LIMIT}); a count above the bound reads as "more than".
 *
 * @param waitingWindow changes pending whose coalescing window (or first-push delay) has not ended
 * @param waitingBudget changes due and not sent yet: waiting their turn under the store's cost budget
 * @param sending quantities in pushes being sent (or to be retried)
 * @param parkedChanges changes parked with their reason
 * @param parkedPushes pushes parked with their reason
 * @param oldestOverdue how long the longest-due change has been due (null: none)
 * @param webhooksLastHour deliveries received in the last hour
 * @param feedWaiting orders (and cancellations) in the feed the WMS has not acknowledged
 * @param oldestWaiting how long the longest-waiting of them has waited since its last change (null: none)
 * @param budgetInUse the share of the store's cost budget in use on this instance (null: no call yet)
 * @param signals the limits in force (the dashboard's settings)
 */
public record StoreHealthView(
        long storeId,
        String domain,
        String status,
        boolean syncEnabled,
        int windowSeconds,
        Lag lag,
        long waitingWindow,
        long waitingBudget,
        long sending,
        long parkedChanges,
        long parkedPushes,
        Duration oldestOverdue,
        long webhooksLastHour,
        long feedWaiting,
        Duration oldestWaiting,
        long held,
        long failedShipments,
        Double budgetInUse,
        Signals signals) {

    public Signals.Reading lagReading() {
        return this.signals.lag(this.lag.lastHour().p95Millis(), this.windowSeconds);
    }

    public Signals.Reading backlogReading() {
        return this.signals.backlog(this.parkedChanges + this.parkedPushes, this.oldestOverdue);
    }

    public Signals.Reading ordersReading() {
        return this.signals.orders(this.oldestWaiting, this.held);
    }

    public Signals.Reading shipmentsReading() {
        return this.signals.shipments(this.failedShipments);
    }

    public Signals.Reading budgetReading() {
        return this.signals.budget(this.budgetInUse);
    }

    /** The store's worst signal. */
    public Signal overall() {
        return List.of(lagReading(), backlogReading(), ordersReading(), shipmentsReading(), budgetReading()).stream()
                .map(Signals.Reading::signal)
                .reduce(Signal.GREEN, Signal::worst);
    }

    /** Deliveries per minute over the last hour. */
    public double webhooksPerMinute() {
        return this.webhooksLastHour / 60.0;
    }
}
