package wms.shopify.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL: a real server whose data survives a stop and a start on the same directory. */
class EmbeddedDatabaseTest {

    @TempDir
    Path directory;

    @Test
    void dataWrittenBeforeAStopIsThereAfterTheNextStart() throws Exception {
        int port = freePort();
        try (EmbeddedDatabase first = EmbeddedDatabase.start(this.directory, port, "shop_data", "shop_user", "s3cr'et")) {
            try (Connection connection = connect(port, "shop_data", "shop_user", "s3cr'et");
                    Statement statement = connection.createStatement()) {
                statement.execute("create table kept (value text)");
                statement.execute("insert into kept values ('still here')");
            }
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.start(this.directory, port, "shop_data", "shop_user", "s3cr'et");
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
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> EmbeddedDatabase.start(this.directory, 1, "shop; drop database postgres", "user", "x"));
        assertTrue(refused.getMessage().contains("database name"), refused.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> EmbeddedDatabase.start(this.directory, 1, "shop", "User\"", "x"));
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
