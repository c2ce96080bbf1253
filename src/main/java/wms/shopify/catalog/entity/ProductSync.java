package wms.shopify.catalog.entity;

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
import java.util.Objects;
import wms.shopify.stores.entity.Store;

/**
 * One run of Sync Products for a store: its state, its progress while it runs (variants read, matched, unmapped,
 * ambiguous, with problems, of how many Shopify counted) and its result once done, which the Product Mapping page
 * keeps showing. The admin may ask it to stop: it does so at its next page, keeping every page it recorded. At most one
 * runs per store at a time: the database refuses a second running row.
 */
@Entity
@Table(name = "product_sync")
@NamedQuery(
        name = ProductSync.LATEST,
        query = "select s from ProductSync s where s.store.id = :store order by s.id desc")
@NamedQuery(
        name = ProductSync.ABANDONED,
        query = "select s from ProductSync s where s.store.id = :store and "
                + "s.state = :running and s.startedAt < :before")
public class ProductSync {

    public static final String LATEST = "ProductSync.latest";
    public static final String ABANDONED = "ProductSync.abandoned";
    private static final int MESSAGE_LIMIT = 1000;

    /** Where a sync stands. */
    public enum State {
        RUNNING,
        SUCCEEDED,
        FAILED,
        /** Stopped at a page boundary because the admin asked: what it recorded stays. */
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "store_id")
    private Store store;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "state", nullable = false)
    private State state;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "started_by")
    private String startedBy;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "variants_read", nullable = false)
    private int variantsRead;

    @Column(name = "matched", nullable = false)
    private int matched;

    @Column(name = "unmapped", nullable = false)
    private int unmapped;

    @Column(name = "ambiguous", nullable = false)
    private int ambiguous;

    @Column(name = "problems", nullable = false)
    private int problems;

    @Column(name = "message")
    private String message;

    @Column(name = "total")
    private Integer total;

    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;

    protected ProductSync() {
        // for JPA
    }

    public ProductSync(Store store, String by, Instant at) {
        this.store = Objects.requireNonNull(store, "store");
        this.state = State.RUNNING;
        this.startedBy = by;
        this.startedAt = Objects.requireNonNull(at, "at");
    }

    /** Adds the counts of one more page of variants. */
    public void progressed(SyncCounts page) {
        requireRunning();
        this.variantsRead += page.read();
        this.matched += page.matched();
        this.unmapped += page.unmapped();
        this.ambiguous += page.ambiguous();
        this.problems += page.problems();
    }

    /** Every variant was read. */
    public void succeeded(Instant at) {
        requireRunning();
        this.state = State.SUCCEEDED;
        this.finishedAt = at;
        this.message = null;
    }

    /** The sync stopped; what it recorded so far stays (every page was complete in itself). */
    public void failed(String why, Instant at) {
        requireRunning();
        this.state = State.FAILED;
        this.finishedAt = at;
        this.message = why == null || why.length() <= MESSAGE_LIMIT ? why : why.substring(0, MESSAGE_LIMIT);
    }

    /** How many variants Shopify counted when the sync started. */
    public void counted(int variants) {
        requireRunning();
        this.total = variants;
    }

    /** The sync stops at its next page: the page being recorded is kept, none after it is read. */
    public void requestCancel() {
        requireRunning();
        this.cancelRequested = true;
    }

    /** It stopped as asked; every page it recorded stays. */
    public void cancelled(Instant at) {
        requireRunning();
        this.state = State.CANCELLED;
        this.finishedAt = at;
        this.message = "cancelled after " + this.variantsRead + " variants";
    }

    private void requireRunning() {
        if (this.state != State.RUNNING) {
            throw new IllegalStateException("sync " + this.id + " is " + this.state);
        }
    }

    public Long id() {
        return this.id;
    }

    public State state() {
        return this.state;
    }

    public boolean running() {
        return this.state == State.RUNNING;
    }

    public Instant startedAt() {
        return this.startedAt;
    }

    public String startedBy() {
        return this.startedBy;
    }

    public Instant finishedAt() {
        return this.finishedAt;
    }

    public int variantsRead() {
        return this.variantsRead;
    }

    public int matched() {
        return this.matched;
    }

    public int unmapped() {
        return this.unmapped;
    }

    public int ambiguous() {
        return this.ambiguous;
    }

    public int problems() {
        return this.problems;
    }

    public String message() {
        return this.message;
    }

    /** The variants Shopify counted when the sync started, or null when not known. */
    public Integer total() {
        return this.total;
    }

    public boolean cancelRequested() {
        return this.cancelRequested;
    }
}
