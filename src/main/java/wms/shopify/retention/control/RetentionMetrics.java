package wms.shopify.retention.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import wms.shopify.platform.database.DatabaseReady;
import wms.shopify.retention.entity.DataKind;
import wms.shopify.retention.entity.TableSize;

/**
 * Retention's MicroProfile Metrics, on /metrics: {@code retention_pruned} (rows pruned, per kind) and, per table,
 * {@code database_table_bytes} and {@code database_table_rows} (the figures of the Activity page's Data section),
 * read from the database at most once a minute however often the metrics are scraped.
 */
@ApplicationScoped
public class RetentionMetrics {

    /** Sizes change slowly; a scraper polling every few seconds must not query the catalog each time. */
    private static final Duration SIZES_KEPT = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(RetentionMetrics.class.getName());

    @Inject
    MetricRegistry registry;

    @Inject
    TableSizes tableSizes;

    @Inject
    Clock clock;

    private final Set<String> registered = new HashSet<>();
    private volatile List<TableSize> sizes = List.of();
    private volatile Instant readAt = Instant.MIN;

    void pruned(DataKind kind, long rows) {
        this.registry
                .counter("retention_pruned", new Tag("kind", kind.name().toLowerCase(Locale.ROOT)))
                .inc(rows);
    }

    /** The tables exist once the schema is migrated: a gauge per table from then on. */
    void onDatabaseReady(@Observes DatabaseReady ready) {
        // Never fails: the other observers of the database being ready (the schedules) must still run.
        for (TableSize size : current()) {
            register(size.table());
        }
    }

    private synchronized void register(String table) {
        if (this.registered.add(table)) {
            Tag tag = new Tag("table", table);
            this.registry.gauge("database_table_bytes", () -> of(table, TableSize::bytes), tag);
            this.registry.gauge("database_table_rows", () -> of(table, TableSize::rows), tag);
        }
    }

    private long of(String table, ToLongFunction<TableSize> figure) {
        return current().stream()
                .filter(size -> size.table().equals(table))
                .mapToLong(figure)
                .findFirst()
                .orElse(0);
    }

    /** The latest sizes read; while the database cannot be read, the last ones known (a scrape never fails). */
    private List<TableSize> current() {
        Instant now = this.clock.instant();
        if (this.readAt.plus(SIZES_KEPT).isBefore(now)) {
            this.readAt = now;
            try {
                this.sizes = this.tableSizes.all();
            } catch (RuntimeException e) {
                LOG.warning(() ->
                        "Table sizes for /metrics not read (the last ones known are reported): " + e.getMessage());
            }
        }
        return this.sizes;
    }
}
