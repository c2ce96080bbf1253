package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import wms.shopify.orders.entity.OrderSweep;
import wms.shopify.stores.entity.Store;

/** The sweeps' own records, each written in its own short transaction. */
@ApplicationScoped
public class SweepRecords {

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Transactional
    public long start(long storeId, Instant from, Instant until, Instant at, String by) {
        OrderSweep sweep = new OrderSweep(this.entityManager.find(Store.class, storeId), from, until, at, by);
        this.entityManager.persist(sweep);
        this.entityManager.flush();
        return sweep.id();
    }

    @Transactional
    public OrderSweep finish(long sweepId, int read, List<String> gaps, String failure, Instant at) {
        OrderSweep sweep = this.entityManager.find(OrderSweep.class, sweepId);
        sweep.finished(read, gaps, failure, at);
        return sweep;
    }

    /** Up to when the store's scheduled sweeps have covered its orders. */
    public Optional<Instant> sweptUntil(long storeId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = this.entityManager
                .createNativeQuery("select swept_until from order_sweep_state where " + "store_id = ?")
                .setParameter(1, storeId)
                .getResultList();
        return rows.stream().findFirst().map(SweepRecords::instant);
    }

    @Transactional
    public void sweptUntil(long storeId, Instant until) {
        this.entityManager
                .createNativeQuery("insert into order_sweep_state (store_id, swept_until) values (?, ?) "
                        + "on conflict (store_id) do update set swept_until = greatest(order_sweep_state.swept_until, "
                        + "excluded.swept_until)")
                .setParameter(1, storeId)
                .setParameter(2, Timestamp.from(until))
                .executeUpdate();
    }

    public List<OrderSweep> latest(int count) {
        return this.entityManager
                .createNamedQuery(OrderSweep.LATEST, OrderSweep.class)
                .setMaxResults(count)
                .getResultList();
    }

    public List<OrderSweep> withGaps(int count) {
        return this.entityManager
                .createNamedQuery(OrderSweep.WITH_GAPS, OrderSweep.class)
                .setMaxResults(count)
                .getResultList();
    }

    static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        return value instanceof Instant instant ? instant : null;
    }
}
