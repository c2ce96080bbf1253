package wms.shopify.console.control;

import java.time.Instant;
import java.util.Comparator;

/**
 * One line of a trace's timeline: when it happened, what kind of step it was (a WMS movement, a push, a webhook, a
 * decision...), what happened in a sentence, and the identifiers an operator quotes to Shopify or the WMS.
 *
 * @param sequence breaks ties between steps of the same instant (the later step has the higher number)
 */
public record TraceEvent(Instant at, String kind, String what, String detail, long sequence)
        implements java.io.Serializable {

    /** Newest first; of one instant, the later step first. */
    public static final Comparator<TraceEvent> NEWEST_FIRST = Comparator.comparing(TraceEvent::at)
            .thenComparingLong(TraceEvent::sequence)
            .reversed();

    /** A key for the table's rows. */
    public String key() {
        return this.kind + "-" + this.at.toEpochMilli() + "-" + this.sequence;
    }
}
