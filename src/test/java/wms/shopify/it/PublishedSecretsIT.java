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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Published passwords and keys (the former defaults, the README's demo token key) refuse the start, with readiness
 * and the log saying what to set; the same settings in the local-trial mode start, and the pages say it is a
 * trial. Two second servers of the build's installation, configured through server.env as an operator would.
 */
class PublishedSecretsIT {

    /** What a merchant who copied the README's demo command and the former defaults would run with. */
    private static final List<String> PUBLISHED = List.of(
            "ADMIN_PASSWORD=admin",
            "TOKEN_ENCRYPTION_KEY=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
            "WMS_API_PEPPER=local-trial-pepper-change-me",
            "KEYSTORE_PASSWORD=wms-shopify-keystore",
            "WMS_RETRY_SECONDS=2",
            "ALLOW_PLAIN_HTTP=true");

    private static final HttpClient CLIENT = ConnectorServer.client();
    private static ExtraServer refused;
    private static ExtraServer trial;

    @BeforeAll
    static void startBoth() throws Exception {
        List<String> refusedEnvironment = new java.util.ArrayList<>(PUBLISHED);
        refusedEnvironment.add("DB_PORT=" + ExtraServer.freePort());
        refused = ExtraServer.start("publishedSecretsServer", ExtraServer.freePort(), refusedEnvironment);
        // the trial leaves the admin password to the connector: its first start says where to read it
        trial = ExtraServer.start(
                "localTrialServer",
                ExtraServer.freePort(),
                List.of(
                        "LOCAL_TRIAL=true",
                        "TOKEN_ENCRYPTION_KEY=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                        "DB_PORT=" + ExtraServer.freePort(),
                        "WMS_RETRY_SECONDS=2",
                        "ALLOW_PLAIN_HTTP=true"));
    }

    @AfterAll
    static void stopBoth() throws Exception {
        if (refused != null) {
            refused.stop();
        }
        if (trial != null) {
            trial.stop();
        }
    }

    @Test
    void publishedSecretsOutsideATrialRefuseTheStartNamingWhatToSet() throws Exception {
        HttpResponse<String> readiness = awaitDatabaseCheck(refused.baseUrl());
        assertEquals(503, readiness.statusCode(), readiness.body());
        assertEquals(
                "DOWN",
                HealthIT.check(HealthIT.json(readiness.body()), "database").getString("status"));
        // the reason is a detail: for the signed-in admin (the registry still has the published password)
        HttpClient admin = ConnectorServer.client();
        admin.send(
                HttpRequest.newBuilder(URI.create(refused.baseUrl() + "/admin/health"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        admin.send(
                HttpRequest.newBuilder(URI.create(refused.baseUrl() + "/j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("j_username=admin&j_password=admin"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> details = admin.send(
                HttpRequest.newBuilder(URI.create(refused.baseUrl() + "/admin/health"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, details.statusCode(), details.body());
        JsonObject database = HealthIT.check(HealthIT.json(details.body()), "database");
        assertEquals("DOWN", database.getString("status"));
        String reason = database.getJsonObject("data").getString("reason");
        assertTrue(reason.startsWith("refused to start: "), reason);
        for (String setting :
                List.of("ADMIN_PASSWORD", "TOKEN_ENCRYPTION_KEY", "WMS_API_PEPPER", "KEYSTORE_PASSWORD")) {
            assertTrue(reason.contains(setting + " is a published default or demo value: set "), reason);
        }
        assertTrue(reason.contains("LOCAL_TRIAL=true"), "the way to a demo is named: " + reason);
        assertFalse(reason.contains("MDEyMzQ1"), "no value is repeated: " + reason);

        String log = refused.log();
        assertTrue(log.contains("The connector refuses to start: ADMIN_PASSWORD is a published default"), log);
        assertFalse(log.contains("Embedded PostgreSQL running"), "nothing was started");
        assertFalse(Files.exists(refused.directory().resolve("embedded-postgres/PG_VERSION")), "no database was made");
    }

    @Test
    void theSameInALocalTrialStartsAndEveryPageSaysItIsATrial() throws Exception {
        ConnectorServer.awaitReady(trial.baseUrl());
        HttpResponse<String> login = CLIENT.send(
                HttpRequest.newBuilder(URI.create(trial.baseUrl() + "/login.xhtml"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("id=\"local-trial\"") && login.body().contains("Local trial"), login.body());

        Path secrets = trial.directory().resolve("embedded-postgres-secrets.xml");
        String adminPassword = ConnectorServer.generatedSecret(secrets, "wms.generated.admin-password");
        String log = trial.log();
        assertTrue(
                log.contains("Local trial mode (LOCAL_TRIAL=true): accepted although TOKEN_ENCRYPTION_KEY is a"
                        + " published default or demo value"),
                log);
        assertTrue(
                log.contains("generated its own secrets into "
                        + secrets.toAbsolutePath().normalize()),
                log);
        assertTrue(log.contains("Sign in as admin with the password in that file"), log);
        assertFalse(log.contains(adminPassword), "the admin password itself is never logged");

        HttpClient admin = ConnectorServer.client();
        admin.send(
                HttpRequest.newBuilder(URI.create(trial.baseUrl() + "/admin/stores.xhtml"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> signedIn = admin.send(
                HttpRequest.newBuilder(URI.create(trial.baseUrl() + "/j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("j_username=admin&j_password="
                                + java.net.URLEncoder.encode(adminPassword, java.nio.charset.StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(
                signedIn.headers().firstValue("Location").orElse("").endsWith("/admin/stores.xhtml"),
                "the generated password signs in: " + signedIn.headers().map());
        HttpResponse<String> page = admin.send(
                HttpRequest.newBuilder(URI.create(trial.baseUrl() + "/admin/stores.xhtml"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"local-trial\""), "the admin pages' header says it too");
    }

    /** The first readiness answer that has the database check (the application has started). */
    private static HttpResponse<String> awaitDatabaseCheck(String baseUrl) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = CLIENT.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.body().contains("\"database\"")) {
                    return response;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no database check from " + baseUrl + "; last answer: " + last);
    }
}
