package wms.shopify.platform.database;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.platform.secrets.Secrets;

/**
 * Brings the database up before anything else touches it: starts the embedded PostgreSQL when no external one is
 * configured, then applies the schema migrations. Nothing is started while the {@link Secrets} refuse the start
 * (a published password or key outside a local trial); readiness then reports why.
 *
 * <p>When the database cannot be reached the server does not fail: it logs one clear line, readiness stays DOWN
 * with the reason, and the attempt is repeated on a schedule until it succeeds, so the connector becomes ready by
 * itself when the database comes back.
 */
@ApplicationScoped
public class DatabaseStartup {

    private static final Logger LOG = Logger.getLogger(DatabaseStartup.class.getName());
    /** A failed attempt is logged the first time and then once every this many attempts, not every few seconds. */
    private static final int LOG_EVERY_N_FAILURES = 30;

    @Inject
    DatabaseSettings settings;

    @Inject
    SchemaMigration migration;

    @Inject
    Secrets secrets;

    @Inject
    Event<DatabaseReady> ready;

    @Inject
    @ConfigProperty(name = "wms.startup.retry-seconds")
    int retrySeconds;

    @Resource(lookup = "jdbc/wms")
    DataSource dataSource;

    @Resource(lookup = "concurrent/wmsScheduler")
    ManagedScheduledExecutorService scheduler;

    private volatile DatabaseState state = DatabaseState.starting();
    private EmbeddedDatabase embedded;
    private ScheduledFuture<?> retry;
    private int failures;

    void onStart(@Observes Startup startup) {
        LOG.info(() -> "Connector starting with " + this.settings.describe() + ".");
        if (this.secrets.refusal().isPresent()) {
            // Nothing is started or touched: the settings change only with a restart
            this.state = DatabaseState.refused(this.secrets.refusal().get());
            return;
        }
        if (!attempt()) {
            this.retry = this.scheduler.scheduleWithFixedDelay(
                    this::retry, this.retrySeconds, this.retrySeconds, TimeUnit.SECONDS);
        }
    }

    private void retry() {
        if (attempt() && this.retry != null) {
            this.retry.cancel(false);
        }
    }

    /** One try at starting (if embedded) and migrating the database; true once the schema is current. */
    private synchronized boolean attempt() {
        if (this.state.ready()) {
            return true;
        }
        try {
            if (this.settings.embedded() && this.embedded == null) {
                this.embedded = EmbeddedDatabase.start(
                        this.settings.embeddedDirectory(),
                        this.settings.port(),
                        this.settings.name(),
                        this.settings.user(),
                        this.secrets.databasePassword(),
                        this.secrets.superuserPassword());
                LOG.info(() -> "Embedded PostgreSQL running on port " + this.settings.port() + " with its data in "
                        + this.settings.embeddedDirectory() + ".");
            }
            SchemaMigration.Outcome outcome = this.migration.migrate(this.dataSource);
            warnWhenNotDurable();
            this.state = DatabaseState.ready(outcome.schemaVersion());
            LOG.info(() -> "Database schema is at version " + outcome.schemaVersion() + " (" + outcome.applied()
                    + " migration(s) applied now). The connector is ready to use the database.");
            this.ready.fire(new DatabaseReady(outcome.schemaVersion(), outcome.applied(), this.failures));
            return true;
        } catch (Exception e) {
            String reason = DatabaseState.reasonOf(e);
            this.state = DatabaseState.waiting(reason, this.retrySeconds);
            if (this.failures++ % LOG_EVERY_N_FAILURES == 0) {
                LOG.warning(() -> "The database (" + this.settings.describe() + ") is not available: " + reason
                        + ". Readiness stays DOWN; retrying every " + this.retrySeconds + " s.");
                LOG.log(Level.FINE, "Database start-up failure", e);
            }
            return false;
        }
    }

    private void warnWhenNotDurable() throws SQLException {
        try (Connection connection = this.dataSource.getConnection()) {
            Durability durability = Durability.of(connection);
            if (!durability.durable()) {
                LOG.warning(() -> "The database does not keep every commit through an OS crash or power loss ("
                        + durability + "): an acknowledged webhook or WMS call can be lost. Set synchronous_commit=on,"
                        + " fsync=on and full_page_writes=on (docs/operations.md).");
            }
        }
    }

    /** What readiness reports: whether the schema is current, and why not. */
    public DatabaseState state() {
        return this.state;
    }

    @PreDestroy
    synchronized void stop() {
        if (this.retry != null) {
            this.retry.cancel(false);
        }
        if (this.embedded != null) {
            LOG.info("Stopping the embedded PostgreSQL.");
            this.embedded.close();
            this.embedded = null;
        }
    }
}
