package wms.shopify.orders.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.adminapi.control.ShopifyUnauthorizedException;
import wms.shopify.orders.entity.HoldReason;
import wms.shopify.orders.entity.ImportedOrder;
import wms.shopify.orders.entity.OrderFiltersChanged;
import wms.shopify.orders.entity.OrderState;
import wms.shopify.stores.entity.Store;

/**
 * After a store's order filters changed (Store Settings or the filters API), its orders filtered out so far are
 * decided again at once, in the background: each is read again from Shopify and recorded as any update is
 * ({@link OrderImport}: locked, the same rules, a feed position only when it newly goes to the WMS), so one that
 * passes the new filters enters the WMS feed exactly once, whatever webhook or sweep reads it meanwhile. The result
 * is one activity entry. Changes made while a re-check runs are covered by one more run after it.
 */
@ApplicationScoped
public class FilterRecheck {

    static final String SOURCE = "filter change";
    private static final Logger LOG = Logger.getLogger(FilterRecheck.class.getName());

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    OrderImport importer;

    @Inject
    ActivityLog activity;

    @Resource
    ManagedExecutorService executor;

    /** Per store: the re-checks asked for and not run yet (a run is under way while above 0). */
    private final Map<Long, AtomicInteger> asked = new ConcurrentHashMap<>();

    /** What one re-check did. */
    public record Result(int rechecked, int toWms, int held, int unread) {}

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderFiltersChanged changed) {
        request(changed.storeId(), changed.by());
    }

    /** Asks for a re-check of the store's filtered-out orders: started now, or after the one under way. */
    public void request(long storeId, String by) {
        AtomicInteger pending = this.asked.computeIfAbsent(storeId, id -> new AtomicInteger());
        if (pending.getAndIncrement() == 0) {
            try {
                this.executor.execute(() -> runWhileAsked(storeId, by, pending));
            } catch (RuntimeException e) {
                pending.set(0);
                LOG.log(
                        Level.WARNING,
                        "Could not start the re-check of store " + storeId + "'s filtered-out orders; "
                                + "they are decided on their next update: " + e);
            }
        }
    }

    private void runWhileAsked(long storeId, String by, AtomicInteger pending) {
        int covered;
        do {
            covered = pending.get();
            try {
                recheck(storeId, by);
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "The re-check of store " + storeId + "'s filtered-out orders failed; they are "
                                + "decided on their next update",
                        e);
            }
        } while (pending.addAndGet(-covered) > 0);
    }

    /** Decides every filtered-out order of the store again (read from Shopify), and records what became of them. */
    public Result recheck(long storeId, String by) {
        Store store = this.entityManager.find(Store.class, storeId);
        if (store == null || !store.isConnected()) {
            return new Result(0, 0, 0, 0);
        }
        List<String> filtered = this.entityManager
                .createQuery(
                        "select o.shopifyOrderId from ImportedOrder o where o.store.id = :store and (o.state = :state "
                                + "or (o.state = :held and o.holdReason = :risk)) order by o.id",
                        String.class)
                .setParameter("store", storeId)
                .setParameter("state", OrderState.FILTERED)
                // The risk hold is a filter too: turned off or relaxed, the orders it holds are decided again.
                .setParameter("held", OrderState.HELD)
                .setParameter("risk", HoldReason.HIGH_RISK)
                .getResultList();
        int toWms = 0;
        int held = 0;
        int unread = 0;
        for (int i = 0; i < filtered.size(); i++) {
            String orderId = filtered.get(i);
            try {
                OrderRecords.Outcome outcome = this.importer.importOrder(store, orderId, SOURCE);
                if (outcome.change() == ImportedOrder.Change.TO_FEED) {
                    toWms++;
                } else if (outcome.state() == OrderState.HELD) {
                    held++;
                }
            } catch (ShopifyUnauthorizedException e) {
                unread += filtered.size() - i;
                LOG.warning("Re-check of " + store.domain() + "'s filtered-out orders stopped: Shopify refused the "
                        + "store's token.");
                break;
            } catch (RuntimeException e) {
                unread++;
                LOG.info(() -> "Order " + orderId + " of " + store.domain() + " not re-checked now: " + e);
            }
        }
        Result result = new Result(filtered.size() - unread, toWms, held, unread);
        if (!filtered.isEmpty()) {
            this.activity.record(
                    OrderRecords.CATEGORY,
                    result.rechecked() + " orders of " + store.domain()
                            + " re-checked after the filter change, " + toWms + " now go to the WMS"
                            + (held > 0 ? ", " + held + " held (see the Orders page)" : "")
                            + (unread > 0
                                    ? "; " + unread + " could not be read from Shopify now and are decided on their "
                                            + "next update"
                                    : "")
                            + ".",
                    by);
        }
        return result;
    }
}
