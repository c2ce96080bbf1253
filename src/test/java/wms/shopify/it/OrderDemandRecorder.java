package wms.shopify.it;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import wms.shopify.orders.entity.OrderDemand;

/**
 * Stands in for stock sync in {@link OrderDemandIT}: observes every {@link OrderDemand} the orders component fires,
 * and whether it came inside an active transaction, as the contract requires.
 */
@ApplicationScoped
public class OrderDemandRecorder {

    /** One observed event and whether a transaction was active when it came. */
    public record Seen(OrderDemand demand, boolean inTransaction) {}

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    void observe(@Observes OrderDemand demand) {
        this.seen.add(new Seen(demand, this.transactions.getTransactionStatus() == Status.STATUS_ACTIVE));
    }

    /** The events seen for one order, oldest first. */
    public List<Seen> of(String shopifyOrderId) {
        return this.seen.stream()
                .filter(s -> s.demand().shopifyOrderId().equals(shopifyOrderId))
                .toList();
    }
}
