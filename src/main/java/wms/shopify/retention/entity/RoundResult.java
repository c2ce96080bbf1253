package wms.shopify.retention.entity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** What one retention round pruned, per kind, and why it stopped early if it did. */
public final class RoundResult {

    private final Map<DataKind, Long> pruned = new EnumMap<>(DataKind.class);
    private String stoppedEarly;

    /** Adds the rows one batch pruned. */
    public void add(DataKind kind, long rows) {
        if (rows > 0) {
            this.pruned.merge(kind, rows, Long::sum);
        }
    }

    /** The round ended before pruning everything due (lease lost, database failing): the next round goes on. */
    public void stoppedEarly(String reason) {
        this.stoppedEarly = reason;
    }

    public long pruned(DataKind kind) {
        return this.pruned.getOrDefault(kind, 0L);
    }

    public Map<DataKind, Long> pruned() {
        return Collections.unmodifiableMap(this.pruned);
    }

    public boolean prunedAnything() {
        return !this.pruned.isEmpty();
    }

    /**
     * One line for the log, the Activity page and the last round's summary, e.g. "webhook bodies: 120 erased
     * (older than 30 days); activity entries: 4 deleted (older than 90 days)".
     *
     * @param policy the policy the round applied, for the ages
     */
    public String describe(RetentionPolicy policy) {
        String text = this.pruned.isEmpty()
                ? "nothing was old enough to prune"
                : this.pruned.entrySet().stream()
                        .map(e -> e.getKey().label() + ": " + e.getValue() + " "
                                + e.getKey().done() + " (older than " + policy.describe(e.getKey()) + ")")
                        .collect(Collectors.joining("; "));
        return this.stoppedEarly == null ? text : text + "; stopped early: " + this.stoppedEarly;
    }
}
