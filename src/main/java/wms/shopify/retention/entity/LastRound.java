package wms.shopify.retention.entity;

import java.time.Instant;

/**
 * The latest retention round of any instance: when it started, when it finished (null while it runs) and what it
 * pruned. Null times when no round has run yet.
 */
public record LastRound(Instant startedAt, Instant finishedAt, String summary) {

    public boolean running() {
        return this.startedAt != null && this.finishedAt == null;
    }
}
