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

    /** The first line of the connector's pg_hba.conf: a directory that has it no longer trusts local logins. */
    private static final String RULES_HEADER =
            "# Written by the WMS Shopify connector at every start: password" + " logins only, for every user.\n";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on the given directory and port, makes sure the connector's database and user exist with
     * these passwords, and then lets only password logins in (scram-sha-256 for every user).
     *
     * @param password the password of the connector's own user, which owns its database and is no superuser
     * @param superuserPassword the password of PostgreSQL's superuser {@code postgres}, which only this class uses
     * @throws IOException when PostgreSQL cannot be started (port taken, directory not writable, a superuser
     *         password that does not match the one the directory was secured with, ...)
     */
    public static EmbeddedDatabase start(
            Path directory, int port, String database, String user, String password, String superuserPassword)
            throws IOException {
        requireIdentifier("database name", database);
        requireIdentifier("database user", user);
        Files.createDirectories(directory);
        stopOrphanedServer(directory);
        Path hba = directory.resolve("pg_hba.conf");
        boolean secured = Files.isRegularFile(hba) && Files.readString(hba).startsWith(RULES_HEADER);
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
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
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // the embedding library checks the start by signing in as the superuser: with its password once
                    // the directory is secured (a new directory trusts local logins until provision() below)
                    .setConnectConfig("password", superuserPassword)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw secured
                    ? new IOException(
                            e.getMessage() + " (this data directory only lets its superuser in with"
                                    + " the password kept in the connector's secrets file, GENERATED_SECRETS_FILE: if that file was"
                                    + " lost or replaced, put the one that belongs to " + directory + " back)",
                            e)
                    : e;
        }
        EmbeddedDatabase embedded = new EmbeddedDatabase(postgres);
        try {
            embedded.provision(database, user, password, superuserPassword);
            embedded.acceptPasswordsOnly(directory);
        } catch (SQLException | IOException e) {
            embedded.close();
            throw new IOException(
                    "embedded PostgreSQL started but the database " + database + " could not be prepared: "
                            + e.getMessage(),
                    e);
        }
        return embedded;
    }

    private void provision(String database, String user, String password, String superuserPassword)
            throws SQLException {
        DataSource admin = this.postgres.getPostgresDatabase();
        try (Connection connection = admin.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                // set at every start: a directory of an earlier version has a superuser without a password
                statement.execute("alter role postgres password " + literal(superuserPassword));
            }
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", user)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create role " + user + " login nosuperuser password " + literal(password));
                }
                LOG.info(() -> "Created database user " + user + " in the embedded PostgreSQL.");
            } else {
                try (Statement statement = connection.createStatement()) {
                    // the password is the connector's to choose (generated, or DB_PASSWORD): follow it
                    statement.execute("alter role " + user + " login nosuperuser password " + literal(password));
                }
            }
            if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create database " + database + " owner " + user + " encoding 'UTF8'");
                }
                LOG.info(() -> "Created database " + database + " in the embedded PostgreSQL.");
            }
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * Replaces the {@code trust} rules the embedding library's initdb wrote: every user, the superuser included,
     * signs in with a password (scram-sha-256), over the Unix socket as over localhost. Written at every start,
     * then applied without a restart.
     */
    private void acceptPasswordsOnly(Path directory) throws IOException, SQLException {
        String rules = RULES_HEADER + """
                local   all   all                  scram-sha-256
                host    all   all   127.0.0.1/32   scram-sha-256
                host    all   all   ::1/128        scram-sha-256
                """;
        Path hba = directory.resolve("pg_hba.conf");
        if (!rules.equals(Files.readString(hba))) {
            Files.writeString(hba, rules);
        }
        try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("select pg_reload_conf()");
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
            throw new IllegalArgumentException(
                    "The " + what + " for the embedded PostgreSQL must be lower-case letters,"
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
            String firstLine =
                    Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
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
