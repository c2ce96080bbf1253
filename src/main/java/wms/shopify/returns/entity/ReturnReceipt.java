package wms.shopify.returns.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import wms.shopify.platform.retry.Attempts;

/**
 * Returned units the WMS received, to be disposed of on Shopify. Like a shipment: claimed per attempt, and after an
 * attempt whose outcome is unclear the dispositions Shopify already has are compared with what was sent (from the
 * disposed quantities before it, the baseline) before anything is sent again.
 */
@Entity
@Table(name = "return_receipt")
@NamedQuery(name = ReturnReceipt.BY_KEY, query = "select r from ReturnReceipt r where r.receiptKey = :key")
@NamedQuery(
        name = ReturnReceipt.DUE,
        query =
                "select r.id from ReturnReceipt r where (r.state = "
                        + "wms.shopify.returns.entity.ReceiptState.QUEUED "
                        + "and (r.attempt.nextAttemptAt is null or r.attempt.nextAttemptAt <= :now)) "
                        + "or (r.state = wms.shopify.returns.entity.ReceiptState.PUSHING and r.updatedAt < :stale) order by r.id")
public class ReturnReceipt {

    public static final String BY_KEY = "ReturnReceipt.byKey";
    public static final String DUE = "ReturnReceipt.due";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "receipt_key", nullable = false)
    private String receiptKey;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "return_id")
    private ShopReturn shopReturn;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private ReceiptState state;

    @Embedded
    private Attempts attempt = new Attempts();

    @Column(name = "baseline")
    private String baseline;

    @Column(name = "planned")
    private String planned;

    @Column(name = "closed_return", nullable = false)
    private boolean closedReturn;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "return_receipt_line", joinColumns = @JoinColumn(name = "receipt_id"))
    @OrderColumn(name = "position")
    private List<ReceiptLine> lines = new ArrayList<>();

    @Version
    @Column(name = "version")
    private long version;

    protected ReturnReceipt() {
        // for JPA
    }

    public ReturnReceipt(String receiptKey, ShopReturn shopReturn, List<ReceiptLine> lines, Instant now) {
        this.receiptKey = receiptKey;
        this.shopReturn = shopReturn;
        this.lines.addAll(lines);
        this.state = ReceiptState.QUEUED;
        this.receivedAt = now;
        this.updatedAt = now;
    }

    public boolean due(Instant now) {
        return this.state == ReceiptState.QUEUED && this.attempt.due(now);
    }

    public void claim(Instant now) {
        this.state = ReceiptState.PUSHING;
        this.attempt.start();
        this.updatedAt = now;
    }

    public void interrupted(Instant now) {
        this.attempt.interrupted(now);
        this.state = ReceiptState.QUEUED;
        this.updatedAt = now;
    }

    /** What is about to be sent, and Shopify's disposed quantities just before. */
    public void planned(String baseline, String planned, Instant now) {
        this.baseline = baseline;
        this.planned = planned;
        this.updatedAt = now;
    }

    public void done(boolean closedReturn, Instant now) {
        this.state = ReceiptState.DONE;
        this.closedReturn = closedReturn;
        this.attempt.succeeded();
        this.updatedAt = now;
    }

    /** @return whether another attempt follows (false: the attempts are spent and the receipt is parked) */
    public boolean failedForNow(String why, boolean unclear, int maxAttempts, Instant nextAt, Instant now) {
        boolean again = this.attempt.failedForNow(why, unclear, maxAttempts, nextAt, now);
        this.state = again ? ReceiptState.QUEUED : ReceiptState.FAILED;
        this.updatedAt = now;
        return again;
    }

    public void park(String why, Instant now) {
        this.state = ReceiptState.FAILED;
        this.attempt.parked(why);
        this.updatedAt = now;
    }

    public boolean retry(Instant now) {
        if (this.state != ReceiptState.FAILED) {
            return false;
        }
        this.state = ReceiptState.QUEUED;
        this.attempt.reset();
        this.updatedAt = now;
        return true;
    }

    public Long id() {
        return this.id;
    }

    public String receiptKey() {
        return this.receiptKey;
    }

    public ShopReturn shopReturn() {
        return this.shopReturn;
    }

    public ReceiptState state() {
        return this.state;
    }

    public int attempts() {
        return this.attempt.count();
    }

    public Instant nextAttemptAt() {
        return this.attempt.nextAttemptAt();
    }

    public boolean outcomeUnclear() {
        return this.attempt.outcomeUnclear();
    }

    public String baseline() {
        return this.baseline;
    }

    public String planned() {
        return this.planned;
    }

    public String reason() {
        return this.attempt.reason();
    }

    public boolean closedReturn() {
        return this.closedReturn;
    }

    public Instant receivedAt() {
        return this.receivedAt;
    }

    public Instant updatedAt() {
        return this.updatedAt;
    }

    public List<ReceiptLine> lines() {
        return List.copyOf(this.lines);
    }
}
