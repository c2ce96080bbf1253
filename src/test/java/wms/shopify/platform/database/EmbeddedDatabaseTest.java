package wms.shopify.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL: a real server whose data survives a stop and a start on the same directory, that keeps
 * every commit (durable settings) and lets only the connector's own user and its superuser in, by password.
 */
class EmbeddedDatabaseTest {

    private static final String SUPERUSER_PASSWORD = "superuser-s3cret";

    @TempDir
    Path directory;

    @Test
    void dataWrittenBeforeAStopIsThereAfterTheNextStart() throws Exception {
        int port = freePort();
        try (EmbeddedDatabase first =
                EmbeddedDatabase.start(this.directory, port, "shop_data", "shop_user", "s3cr'et", SUPERUSER_PASSWORD)) {
            try (Connection connection = connect(port, "shop_data", "shop_user", "s3cr'et");
                    Statement statement = connection.createStatement()) {
                statement.execute("create table kept (value text)");
                statement.execute("insert into kept values ('still here')");
            }
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.start(
                        this.directory, port, "shop_data", "shop_user", "s3cr'et", SUPERUSER_PASSWORD);
                Connection connection = connect(port, "shop_data", "shop_user", "s3cr'et");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select value from kept")) {
            assertTrue(rows.next(), "the row written before the restart");
            assertEquals("still here", rows.getString(1));
            assertEquals(port, second.port());
        }
    }

    @Test
    void namesThatAreNotPlainIdentifiersAreRefusedBeforeAnythingStarts() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> EmbeddedDatabase.start(this.directory, 1, "shop; drop database postgres", "user", "x", "y"));
        assertTrue(refused.getMessage().contains("database name"), refused.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> EmbeddedDatabase.start(this.directory, 1, "shop", "User\"", "x", "y"));
    }

    @Test
    void commitsAreDurableAsPostgresqlDefaultsThemNotAsTheEmbeddingLibraryDoes() throws Exception {
        int port = freePort();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(
                        this.directory, port, "shop_data", "shop_user", "pw", SUPERUSER_PASSWORD);
                Connection connection = connect(port, "shop_data", "shop_user", "pw")) {
            Durability durability = Durability.of(connection);
            assertEquals(new Durability("on", "on", "on"), durability);
            assertTrue(durability.durable());
        }
    }

    @Test
    void onlyPasswordLoginsGetInAndTheConnectorsUserIsNoSuperuser() throws Exception {
        int port = freePort();
        try (EmbeddedDatabase database =
                EmbeddedDatabase.start(this.directory, port, "shop_data", "shop_user", "pw", SUPERUSER_PASSWORD)) {
            assertRefused(port, "postgres", "postgres", "");
            assertRefused(port, "postgres", "postgres", "not-the-password");
            assertRefused(port, "shop_data", "shop_user", "not-the-password");
            try (Connection superuser = connect(port, "postgres", "postgres", SUPERUSER_PASSWORD);
                    Statement statement = superuser.createStatement();
                    ResultSet roles =
                            statement.executeQuery("select rolname, rolsuper, rolpassword like 'SCRAM-SHA-256$%'"
                                    + " from pg_authid where rolname in ('postgres', 'shop_user') order by rolname")) {
                assertTrue(roles.next());
                assertEquals("postgres", roles.getString(1));
                assertTrue(roles.getBoolean(3), "the superuser's password is stored as a SCRAM verifier");
                assertTrue(roles.next());
                assertEquals("shop_user", roles.getString(1));
                assertFalse(roles.getBoolean(2), "the connector's user is no superuser");
                assertTrue(roles.getBoolean(3), "its password is stored as a SCRAM verifier");
            }
        }
    }

    @Test
    void aDirectoryOfAnEarlierVersionThatTrustedEveryLocalLoginIsSecuredAtTheNextStart() throws Exception {
        int port = freePort();
        // what the embedding library's initdb leaves (and every earlier version of the connector ran with)
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder()
                .setDataDirectory(this.directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start()) {
            try (Connection trusted = connect(port, "postgres", "postgres", "")) {
                assertTrue(trusted.isValid(5), "an earlier version's directory let the superuser in without password");
            }
        }
        try (EmbeddedDatabase database =
                EmbeddedDatabase.start(this.directory, port, "shop_data", "shop_user", "pw", SUPERUSER_PASSWORD)) {
            assertRefused(port, "postgres", "postgres", "");
            assertRefused(port, "shop_data", "shop_user", "");
            try (Connection connection = connect(port, "shop_data", "shop_user", "pw")) {
                assertTrue(connection.isValid(5));
            }
        }
    }

    @Test
    void theConnectorsUserFollowsThePasswordItIsGiven() throws Exception {
        int port = freePort();
        try (EmbeddedDatabase first =
                EmbeddedDatabase.start(this.directory, port, "shop_data", "shop_user", "old", SUPERUSER_PASSWORD)) {
            assertTrue(first.port() > 0);
        }
        try (EmbeddedDatabase second =
                EmbeddedDatabase.start(this.directory, port, "shop_data", "shop_user", "new", SUPERUSER_PASSWORD)) {
            assertRefused(port, "shop_data", "shop_user", "old");
            try (Connection connection = connect(port, "shop_data", "shop_user", "new")) {
                assertTrue(connection.isValid(5));
            }
        }
    }

    private static void assertRefused(int port, String database, String user, String password) {
        SQLException refused = assertThrows(
                SQLException.class,
                () -> connect(port, database, user, password).close(),
                user + " got in with password '" + password + "'");
        // the server asked for a password: "password authentication failed", or the driver's "the password is an
        // empty string" when it has none to give (with trust, the connection would have been made)
        assertTrue(refused.getMessage().toLowerCase(java.util.Locale.ROOT).contains("password"), refused.getMessage());
    }

    private static Connection connect(int port, String database, String user, String password) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, user, password);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
