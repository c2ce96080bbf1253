package wms.shopify.retention.entity;

/**
 * How big one table is: its rows (PostgreSQL's estimate, kept current by its statistics, never a count of the
 * table) and the bytes it takes on disk with its indexes and TOAST.
 */
public record TableSize(String table, long rows, long bytes) {

    private static final double MIB = 1024.0 * 1024.0;

    /** The size in MiB with one decimal, as the page shows it ("27.3"). */
    public String mib() {
        return String.format(java.util.Locale.ROOT, "%.1f", this.bytes / MIB);
    }
}
