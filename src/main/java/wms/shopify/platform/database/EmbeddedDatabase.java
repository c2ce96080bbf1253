package wms.shopify.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A real PostgreSQL 17 server that the connector runs itself when no external database is configured.
 *
 * <p>It runs with PostgreSQL's durable defaults ({@code fsync}, {@code synchronous_commit=on},
 * {@code full_page_writes}): a commit is on disk before the connector acknowledges what it stored.
 *
 * <p>Its data directory is kept between starts, so what the connector stored is there after a restart. A
 * server left running by a connector that was killed (its JVM gone, PostgreSQL still up) is stopped before the new
 * one starts on the same directory.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on the given directory and port and makes sure the connector's database and user exist.
     *
     * @throws IOException when PostgreSQL cannot be started (port taken, directory not writable, ...)
     */
    public static EmbeddedDatabase start(Path directory, int port, String database, String user, String password)
            throws IOException {
        requireIdentifier("database name", database);
        requireIdentifier("database user", user);
        Files.createDirectories(directory);
        stopOrphanedServer(directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C")
                // PostgreSQL's durable defaults, not the embedding library's synchronous_commit=off: a webhook
                // answered 200 or a WMS call answered 2xx must survive an OS crash or a power loss
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        EmbeddedDatabase embedded = new EmbeddedDatabase(postgres);
        try {
            embedded.provision(database, user, password);
        } catch (SQLException e) {
            embedded.close();
            throw new IOException("embedded PostgreSQL started but the database " + database
                    + " could not be prepared: " + e.getMessage(), e);
        }
        return embedded;
    }

    private void provision(String database, String user, String password) throws SQLException {
        DataSource admin = this.postgres.getPostgresDatabase();
        try (Connection connection = admin.getConnection()) {
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", user)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create role " + user + " login password '" + password.replace("'", "''") + "'");
                }
                LOG.info(() -> "Created database user " + user + " in the embedded PostgreSQL.");
            }
            if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create database " + database + " owner " + user + " encoding 'UTF8'");
                }
                LOG.info(() -> "Created database " + database + " in the embedded PostgreSQL.");
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    private static void requireIdentifier(String what, String value) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException("The " + what + " for the embedded PostgreSQL must be lower-case letters,"
                    + " digits and underscores, starting with a letter: '" + value + "'");
        }
    }

    /**
     * PostgreSQL writes its process id into postmaster.pid; when that process is still alive, a previous
     * connector died without stopping it. It is stopped (fast shutdown) so the directory can be reused.
     */
    private static void stopOrphanedServer(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan;
        try {
            String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            orphan = ProcessHandle.of(Long.parseLong(firstLine));
        } catch (IOException | NumberFormatException e) {
            return;
        }
        orphan.filter(ProcessHandle::isAlive).ifPresent(process -> {
            LOG.warning(() -> "An embedded PostgreSQL (pid " + process.pid() + ") from an earlier run is still using "
                    + directory + "; stopping it before starting again.");
            process.destroy();
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "The earlier embedded PostgreSQL did not stop within 30 s", e);
            }
        });
    }

    public int port() {
        return this.postgres.getPort();
    }

    @Override
    public void close() {
        try {
            this.postgres.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
