package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The build's server as a first run leaves it, started with nothing set (as {@code ./mvnw liberty:run} is): the
 * admin password and keys it generated are in an owner-only file and in no log, the former admin/admin is refused,
 * and its embedded PostgreSQL lets in only by password, the connector as a user that is no superuser.
 */
@MicroShedTest
class FirstRunSecretsIT {

    private static final String SERVER = System.getProperty("it.server.name", "defaultServer");

    @BeforeAll
    static void connectorIsUp() throws InterruptedException {
        ConnectorServer.awaitReady(ConnectorServer.url());
    }

    @Test
    void theGeneratedSecretsAreReadableByTheirOwnerOnlyAndInNoLog() throws Exception {
        Path file = ConnectorServer.secretsFile(SERVER);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        List<String> secrets = List.of(
                ConnectorServer.adminPassword(),
                ConnectorServer.generatedSecret(file, "wms.generated.database-superuser-password"),
                ConnectorServer.generatedSecret(file, "wms.generated.token-key"),
                ConnectorServer.generatedSecret(file, "wms.generated.api-pepper"),
                ConnectorServer.databasePassword());
        try (Stream<Path> logs = Files.list(ConnectorServer.wlp().resolve("usr/servers/" + SERVER + "/logs"))) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(log);
                for (String secret : secrets) {
                    assertFalse(text.contains(secret), log + " shows a secret");
                }
            }
        }
    }

    @Test
    void theFormerDefaultAdminPasswordNoLongerSignsIn() throws Exception {
        HttpClient client = ConnectorServer.client();
        ConnectorServer.get(client, "/admin/plugins.xhtml");
        HttpResponse<String> refused = AdminLoginIT.signIn(client, "admin", "admin");
        assertTrue(
                refused.headers().firstValue("Location").orElse("").contains("login-failed"),
                "admin/admin is refused: " + refused.headers().map());
        assertEquals(302, ConnectorServer.get(client, "/admin/plugins.xhtml").statusCode(), "still signed out");
    }

    @Test
    void theEmbeddedDatabaseLetsNobodyInWithoutThePassword() {
        for (String[] attempt : new String[][] {
            {"postgres", ""}, {"postgres", "postgres"}, {"wms_shopify", "wms_shopify"}, {"wms_shopify", ""}
        }) {
            SQLException refused = assertThrows(
                    SQLException.class,
                    () -> connect("wms_shopify", attempt[0], attempt[1]).close(),
                    attempt[0] + " got in with the password '" + attempt[1] + "'");
            assertTrue(refused.getMessage().toLowerCase(Locale.ROOT).contains("password"), refused.getMessage());
        }
    }

    @Test
    void theConnectorSignsInAsItsOwnUserWhichIsNoSuperuserAndEveryPasswordIsScram() throws Exception {
        try (Connection connector = connect("wms_shopify", "wms_shopify", ConnectorServer.databasePassword());
                Statement statement = connector.createStatement();
                ResultSet user = statement.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
            assertTrue(user.next());
            assertFalse(user.getBoolean(1), "the connector's database user is no superuser");
        }
        String superuserPassword = ConnectorServer.generatedSecret(
                ConnectorServer.secretsFile(SERVER), "wms.generated.database-superuser-password");
        try (Connection superuser = connect("postgres", "postgres", superuserPassword);
                Statement statement = superuser.createStatement();
                ResultSet rules = statement.executeQuery("select distinct auth_method from pg_hba_file_rules")) {
            assertTrue(rules.next());
            assertEquals("scram-sha-256", rules.getString(1), "every rule asks for a scram-sha-256 password");
            assertFalse(rules.next(), "and no rule asks for anything else");
        }
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + System.getProperty("it.db.port", "15432") + "/" + database,
                user,
                password);
    }
}
