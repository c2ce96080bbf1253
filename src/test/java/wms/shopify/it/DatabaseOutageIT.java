package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wms.shopify.platform.database.EmbeddedDatabase;

/**
 * The connector configured for an external PostgreSQL that is not there: it starts anyway with a clear log line
 * and readiness DOWN, and becomes ready by itself once the database appears. Runs a second Liberty server of the
 * build's installation, configured as an operator would (server.env).
 */
class DatabaseOutageIT {

    private static final String SERVER = "outageServer";
    private static ExtraServer server;
    private static int databasePort;
    /** The operator's own admin password (a published one would refuse the start). */
    private static final String ADMIN_PASSWORD = "outage-" + java.util.UUID.randomUUID();

    @BeforeAll
    static void startConnectorWithoutItsDatabase() throws Exception {
        databasePort = ExtraServer.freePort();
        server = ExtraServer.start(
                SERVER,
                ExtraServer.freePort(),
                List.of(
                        "DB_HOST=localhost",
                        "DB_PORT=" + databasePort,
                        "DB_NAME=outage_test",
                        "DB_USER=outage_test",
                        "DB_PASSWORD=outage-secret",
                        "WMS_RETRY_SECONDS=2",
                        "ADMIN_PASSWORD=" + ADMIN_PASSWORD));
    }

    @AfterAll
    static void stopConnector() throws Exception {
        server.stop();
    }

    @Test
    void readinessIsDownWithAClearReasonUntilTheDatabaseAppearsThenUpByItself(@TempDir Path databaseDirectory)
            throws Exception {
        HttpResponse<String> down = awaitReadinessAnswer();
        assertEquals(503, down.statusCode(), down.body());
        JsonObject database = HealthIT.check(HealthIT.json(down.body()), "database");
        assertEquals("DOWN", database.getString("status"));
        assertTrue(HealthIT.withoutDetails(database), "an anonymous probe learns DOWN, not why: " + database);
        HttpResponse<String> details = details();
        assertEquals(503, details.statusCode(), details.body());
        JsonObject detailed = HealthIT.check(HealthIT.json(details.body()), "database");
        String reason = detailed.getJsonObject("data").getString("reason");
        assertTrue(reason.contains("retrying every 2 s"), reason);
        assertTrue(
                detailed.getJsonObject("data").getString("database").contains("outage_test"),
                "the admin " + "sees which database");
        assertFalse(details.body().contains("outage-secret"), "the password is never shown");

        String log = server.log();
        assertTrue(
                log.contains("is not available") && log.contains("Readiness stays DOWN"),
                "one clear line explains the situation");
        assertFalse(log.lines().anyMatch(line -> line.startsWith("\tat ")), "no stack trace in the log");
        assertFalse(log.contains("outage-secret"), "the password is never logged");
        assertTrue(log.contains("CWWKZ0001I"), "the application started despite the missing database");

        try (EmbeddedDatabase appeared = EmbeddedDatabase.start(
                databaseDirectory,
                databasePort,
                "outage_test",
                "outage_test",
                "outage-secret",
                "outage-superuser-secret")) {
            ConnectorServer.awaitReady(baseUrl());
            HttpResponse<String> up = readiness();
            assertEquals(
                    "UP", HealthIT.check(HealthIT.json(up.body()), "database").getString("status"));
        }
    }

    /** The first answer of the readiness endpoint once the server listens. */
    private static HttpResponse<String> awaitReadinessAnswer() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        IOException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = readiness();
                if (response.body().contains("\"database\"")) {
                    return response;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the outage server never answered readiness", last);
    }

    /**
     * The health details as the signed-in admin reads them: over HTTPS, as the admin pages are served only there
     * (TransportGuard; plain HTTP is refused by default).
     */
    private static HttpResponse<String> details() throws IOException, InterruptedException {
        HttpClient admin = ConnectorServer.httpsClient();
        admin.send(
                HttpRequest.newBuilder(URI.create(server.httpsUrl() + "/admin/health"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> signedIn = admin.send(
                HttpRequest.newBuilder(URI.create(server.httpsUrl() + "/j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("j_username=admin&j_password=" + ADMIN_PASSWORD))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signedIn.statusCode(), "signed in");
        return admin.send(
                HttpRequest.newBuilder(URI.create(server.httpsUrl() + "/admin/health"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> readiness() throws IOException, InterruptedException {
        return ConnectorServer.client()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String baseUrl() {
        return server.baseUrl();
    }
}
