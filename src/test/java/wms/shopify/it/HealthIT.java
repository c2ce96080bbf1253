package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/** Black-box checks of what an operator and a load balancer see: readiness, liveness, metrics and OpenAPI. */
@MicroShedTest
class HealthIT {

    private static final HttpClient CLIENT = ConnectorServer.client();

    @BeforeAll
    static void connectorIsUp() throws InterruptedException {
        ConnectorServer.awaitReady(ConnectorServer.url());
    }

    @Test
    void readinessReportsTheMigratedDatabaseAndTheMessagingEngine() throws Exception {
        HttpResponse<String> response = ConnectorServer.get(CLIENT, "/health/ready");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = json(response.body());
        assertEquals("UP", health.getString("status"));
        JsonObject database = check(health, "database");
        assertEquals("UP", database.getString("status"));
        String version = database.getJsonObject("data").getString("schemaVersion");
        assertTrue(Integer.parseInt(version) >= 1, "schema version " + version);
        assertTrue(database.getJsonObject("data").getString("database").contains("PostgreSQL"), database.toString());
        assertEquals("UP", check(health, "messaging").getString("status"));
    }

    @Test
    void readinessShowsTheDatabaseKeepsEveryCommitItAcknowledged() throws Exception {
        // SHOW synchronous_commit, fsync and full_page_writes through the connector's own data source
        HttpResponse<String> response = ConnectorServer.get(CLIENT, "/health/ready");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject data = check(json(response.body()), "database").getJsonObject("data");
        assertEquals("on", data.getString("synchronousCommit"), data.toString());
        assertEquals("on", data.getString("fsync"), data.toString());
        assertEquals("on", data.getString("fullPageWrites"), data.toString());
        assertTrue(data.getBoolean("durable"), data.toString());
    }

    @Test
    void livenessLooksForDeadlockedThreads() throws Exception {
        HttpResponse<String> response = ConnectorServer.get(CLIENT, "/health/live");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject threads = check(json(response.body()), "threads");
        assertEquals("UP", threads.getString("status"));
        assertTrue(threads.getJsonObject("data").getInt("liveThreads") > 0);
    }

    @Test
    void metricsArePublishedWithoutLogin() throws Exception {
        HttpResponse<String> response = ConnectorServer.get(CLIENT, "/metrics?scope=base");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("jvm_uptime_seconds"), "base metrics missing");
    }

    @Test
    void openApiDocumentDescribesTheWmsApi() throws Exception {
        HttpResponse<String> document = ConnectorServer.get(CLIENT, "/openapi?format=JSON");
        assertEquals(200, document.statusCode());
        assertEquals("WMS Shopify connector API", json(document.body()).getJsonObject("info").getString("title"));
        HttpResponse<String> ui = ConnectorServer.get(CLIENT, "/openapi/ui/");
        assertEquals(200, ui.statusCode());
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    static JsonObject check(JsonObject health, String name) {
        for (JsonValue check : health.getJsonArray("checks")) {
            if (check.asJsonObject().getString("name").equals(name)) {
                return check.asJsonObject();
            }
        }
        throw new AssertionError("no health check named " + name + " in " + health);
    }
}
