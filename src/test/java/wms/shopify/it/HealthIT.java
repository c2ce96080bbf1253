package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/**
 * Black-box checks of what an operator and a load balancer see: readiness and liveness (UP or DOWN only, for anyone),
 * their details (for the signed-in admin), metrics (with the metrics credential) and OpenAPI.
 */
@MicroShedTest
class HealthIT {

    private static final HttpClient CLIENT = ConnectorServer.client();

    @BeforeAll
    static void connectorIsUp() throws InterruptedException {
        ConnectorServer.awaitReady(ConnectorServer.url());
    }

    @Test
    void anonymousProbesSeeUpOrDownPerCheckAndNothingAboutTheDatabase() throws Exception {
        for (String path : new String[] {"/health/ready", "/health", "/health/live"}) {
            HttpResponse<String> response = ConnectorServer.get(CLIENT, path);
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            JsonObject health = json(response.body());
            assertEquals("UP", health.getString("status"), path);
            for (JsonValue check : health.getJsonArray("checks")) {
                assertTrue(withoutDetails(check.asJsonObject()), path + " shows no details: " + check);
            }
            String body = response.body();
            assertFalse(
                    body.contains("wms_shopify")
                            || body.contains("localhost")
                            || body.contains("PostgreSQL")
                            || body.contains(System.getProperty("it.db.port", "15432")),
                    path + " names no database: " + body);
        }
        JsonObject ready = json(ConnectorServer.get(CLIENT, "/health/ready").body());
        assertEquals("UP", check(ready, "database").getString("status"));
        assertEquals("UP", check(ready, "messaging").getString("status"));
        assertEquals(
                "UP",
                check(json(ConnectorServer.get(CLIENT, "/health/live").body()), "threads")
                        .getString("status"));
    }

    @Test
    void theDetailsAreForTheSignedInAdminOnly() throws Exception {
        HttpClient client = ConnectorServer.client();
        HttpResponse<String> anonymous = ConnectorServer.get(client, "/admin/health");
        assertEquals(302, anonymous.statusCode(), "to the login page");
        assertFalse(anonymous.body().contains("PostgreSQL"));
        AdminLoginIT.signIn(client, "admin", ConnectorServer.adminPassword());
        HttpResponse<String> response = ConnectorServer.get(client, "/admin/health");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = json(response.body());
        assertEquals("UP", health.getString("status"));
        JsonObject database = check(health, "database");
        assertEquals("UP", database.getString("status"));
        String version = database.getJsonObject("data").getString("schemaVersion");
        assertTrue(Integer.parseInt(version) >= 35, "schema version " + version);
        String described = database.getJsonObject("data").getString("database");
        assertTrue(described.contains("PostgreSQL") && described.contains("wms_shopify"), described);
        assertFalse(response.body().contains("password"), "never the password");
        assertTrue(check(health, "messaging").getJsonObject("data").containsKey("deadLetters"));
        assertTrue(
                Integer.parseInt(check(health, "threads").getJsonObject("data").getString("liveThreads")) > 0);
    }

    @Test
    void theDatabaseKeepsEveryCommitItAcknowledged() throws Exception {
        // SHOW synchronous_commit, fsync and full_page_writes through the connector's own data source
        HttpClient client = ConnectorServer.client();
        ConnectorServer.get(client, "/admin/health");
        AdminLoginIT.signIn(client, "admin", ConnectorServer.adminPassword());
        HttpResponse<String> response = ConnectorServer.get(client, "/admin/health");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject data = check(json(response.body()), "database").getJsonObject("data");
        assertEquals("on", data.getString("synchronousCommit"), data.toString());
        assertEquals("on", data.getString("fsync"), data.toString());
        assertEquals("on", data.getString("fullPageWrites"), data.toString());
        assertEquals("true", data.getString("durable"), data.toString());
    }

    @Test
    void metricsNeedTheMetricsCredential() throws Exception {
        int https = ConnectorServer.httpsPort();
        HttpResponse<String> anonymous = ConnectorServer.metrics(https, "base", null, null);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertFalse(anonymous.body().contains("jvm_uptime_seconds"));
        HttpResponse<String> wrong = ConnectorServer.metrics(https, "base", "metrics", "guess");
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> admin = ConnectorServer.metrics(https, "base", "admin", ConnectorServer.adminPassword());
        assertEquals(403, admin.statusCode(), "the pages' admin is not the metrics reader");
        HttpResponse<String> plain = ConnectorServer.get(CLIENT, "/metrics?scope=base");
        assertFalse(
                plain.statusCode() == 200 || plain.body().contains("jvm_uptime_seconds"),
                "nothing over plain HTTP without the credential: " + plain.statusCode());

        HttpResponse<String> response = ConnectorServer.metrics(https, "base");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("jvm_uptime_seconds"), "base metrics missing");
    }

    @Test
    void openApiDocumentDescribesTheWmsApi() throws Exception {
        HttpResponse<String> document = ConnectorServer.get(CLIENT, "/openapi?format=JSON");
        assertEquals(200, document.statusCode());
        assertEquals(
                "WMS Shopify connector API",
                json(document.body()).getJsonObject("info").getString("title"));
        HttpResponse<String> ui = ConnectorServer.get(CLIENT, "/openapi/ui/");
        assertEquals(200, ui.statusCode());
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    /** A check as anonymous callers see it: status only (Liberty may add an empty "data" to a DOWN one). */
    static boolean withoutDetails(JsonObject check) {
        return !check.containsKey("data") || check.getJsonObject("data").isEmpty();
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
