package wms.shopify.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import wms.shopify.stores.entity.Store;

/** One reconciliation sweep of a store's orders over a window of update times, and what it found. */
@Entity
@Table(name = "order_sweep")
@NamedQuery(name = OrderSweep.LATEST, query = "select s from OrderSweep s join fetch s.store order by s.id desc")
@NamedQuery(
        name = OrderSweep.WITH_GAPS,
        query = "select s from OrderSweep s join fetch s.store " + "where s.gapsFilled > 0 order by s.id desc")
public class OrderSweep {

    public static final String LATEST = "OrderSweep.latest";
    public static final String WITH_GAPS = "OrderSweep.withGaps";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "store_id")
    private Store store;

    @Column(name = "window_from", nullable = false)
    private Instant windowFrom;

    @Column(name = "window_until", nullable = false)
    private Instant windowUntil;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "started_by")
    private String startedBy;

    @Column(name = "orders_read", nullable = false)
    private int ordersRead;

    @Column(name = "gaps_filled", nullable = false)
    private int gapsFilled;

    @Column(name = "gap_orders")
    private String gapOrders;

    @Column(name = "state", nullable = false)
    private String state;

    @Column(name = "message")
    private String message;

    protected OrderSweep() {
        // for JPA
    }

    public OrderSweep(Store store, Instant from, Instant until, Instant at, String by) {
        this.store = store;
        this.windowFrom = from;
        this.windowUntil = until;
        this.startedAt = at;
        this.startedBy = by;
        this.state = "RUNNING";
    }

    /** Records the result: orders listed, and the orders the sweep had to import because no webhook had. */
    public void finished(int read, List<String> gaps, String failure, Instant at) {
        this.ordersRead = read;
        this.gapsFilled = gaps.size();
        this.gapOrders = gaps.isEmpty() ? null : OrderPlan.bounded(String.join(", ", gaps), 1000);
        this.state = failure == null ? "SUCCEEDED" : "FAILED";
        this.message = OrderPlan.bounded(failure, 1000);
        this.finishedAt = at;
    }

    public Long id() {
        return this.id;
    }

    public Store store() {
        return this.store;
    }

    public Instant windowFrom() {
        return this.windowFrom;
    }

    public Instant windowUntil() {
        return this.windowUntil;
    }

    public Instant startedAt() {
        return this.startedAt;
    }

    public Instant finishedAt() {
        return this.finishedAt;
    }

    public String startedBy() {
        return this.startedBy;
    }

    public int ordersRead() {
        return this.ordersRead;
    }

    public int gapsFilled() {
        return this.gapsFilled;
    }

    public String gapOrders() {
        return this.gapOrders;
    }

    public String state() {
        return this.state;
    }

    public String message() {
        return this.message;
    }
}
