package wms.shopify.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;

/**
 * One warehouse's acknowledgement of its part of an order's feed entry (an order shipping from several warehouses is
 * one entry per warehouse): the entry leaves the feed once every part's warehouse acknowledged its revision.
 */
@Embeddable
public class PartAcknowledgement {

    @Column(name = "warehouse_code", nullable = false)
    private String warehouseCode;

    @Column(name = "revision", nullable = false)
    private long revision;

    @Column(name = "acknowledged_at", nullable = false)
    private Instant acknowledgedAt;

    protected PartAcknowledgement() {
        // for JPA
    }

    public PartAcknowledgement(String warehouseCode, long revision, Instant acknowledgedAt) {
        this.warehouseCode = Objects.requireNonNull(warehouseCode);
        this.revision = revision;
        this.acknowledgedAt = Objects.requireNonNull(acknowledgedAt);
    }

    public String warehouseCode() {
        return this.warehouseCode;
    }

    public long revision() {
        return this.revision;
    }

    public Instant acknowledgedAt() {
        return this.acknowledgedAt;
    }

    /** Whether this acknowledges that warehouse's part of the entry at that revision. */
    public boolean of(String warehouse, long atRevision) {
        return this.revision == atRevision && this.warehouseCode.equals(warehouse);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartAcknowledgement that
                && this.revision == that.revision
                && this.warehouseCode.equals(that.warehouseCode)
                && this.acknowledgedAt.equals(that.acknowledgedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.warehouseCode, this.revision);
    }
}
