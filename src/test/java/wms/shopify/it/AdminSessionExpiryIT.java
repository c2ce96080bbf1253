package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin session's idle timeout as an operator sets it (ADMIN_SESSION_MINUTES=1), on a server of its own sharing
 * the build's database: once the session's time is over, a copy of the sign-in token presented alone opens nothing on
 * the server (it gets the login page, as after signing out), and neither does the admin's own browser.
 * The one setting is both the session's idle timeout and the token's lifetime from the sign-in, so the token ends
 * no later than the session does, whichever of Liberty's two checks (token expiry, logout on session expiry) is first.
 */
class AdminSessionExpiryIT {

    private static final String PAGE = "/admin/plugins.xhtml";
    private static final int SESSION_MINUTES = 1;
    /** An operator's own admin password (a published one refuses the start). */
    private static final String ADMIN_PASSWORD = "session-" + UUID.randomUUID();

    private static ExtraServer server;

    @BeforeAll
    static void startWithAOneMinuteSession() throws Exception {
        server = ExtraServer.start(
                "sessionServer",
                ExtraServer.freePort(),
                List.of(
                        "DB_HOST=localhost",
                        "DB_PORT=" + System.getProperty("it.db.port", "15432"),
                        "WMS_RETRY_SECONDS=2",
                        "DB_PASSWORD=" + ConnectorServer.databasePassword(),
                        "ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                        "ALLOW_PLAIN_HTTP=true",
                        "ADMIN_SESSION_MINUTES=" + SESSION_MINUTES));
        ConnectorServer.awaitReady(server.baseUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void onceTheSessionHasExpiredACopyOfTheTokenOpensNothing() throws Exception {
        HttpClient browser = ConnectorServer.client();
        assertEquals(302, get(browser, PAGE, null).statusCode(), "the admin page asks for a sign-in first");
        String form = "j_username=admin&j_password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Instant signInTime = Instant.now();
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        assertTrue(AdminLoginIT.location(signedIn).endsWith(PAGE), AdminLoginIT.location(signedIn));
        String token = AdminSignInIT.token(signedIn);

        HttpResponse<String> copied = withTokenOnly(token);
        assertEquals(200, copied.statusCode(), "before the session expires, the token alone opens the admin pages");
        assertTrue(copied.body().contains("Sign out"), "an admin page, not the login page");

        // The session, idle since the sign-in, expires a minute after it (swept within Liberty's 30 s reaper
        // interval), when the token's own lifetime also ends; the token is asked until the server refuses it, for at
        // most the timeout plus a few sweeps. (Asked alone, it carries no session cookie: it keeps nothing alive.)
        Instant giveUp = signInTime.plus(Duration.ofMinutes(SESSION_MINUTES)).plus(Duration.ofMinutes(3));
        HttpResponse<String> replayed = copied;
        while (replayed.statusCode() == 200 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(5000);
            replayed = withTokenOnly(token);
        }
        System.out.println("A copy of the sign-in token was answered " + replayed.statusCode() + " "
                + Duration.between(signInTime, Instant.now()).toSeconds()
                + " s after the sign-in (session idle timeout "
                + SESSION_MINUTES + " min)");
        assertEquals(302, replayed.statusCode(), "once the session has expired, a copy of its token opens nothing");
        assertTrue(AdminLoginIT.location(replayed).endsWith("/login.xhtml"), AdminLoginIT.location(replayed));
        HttpResponse<String> again = withTokenOnly(token);
        assertEquals(302, again.statusCode(), "and it stays refused");
        assertTrue(AdminLoginIT.location(again).endsWith("/login.xhtml"), AdminLoginIT.location(again));

        HttpResponse<String> ownBrowser = get(browser, PAGE, null);
        assertEquals(302, ownBrowser.statusCode(), "the admin's own browser (session cookie and token) is signed out");
        assertTrue(AdminLoginIT.location(ownBrowser).endsWith("/login.xhtml"), AdminLoginIT.location(ownBrowser));
    }

    private static HttpResponse<String> get(HttpClient client, String path, String cookie) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The admin page asked with nothing but this token: no session cookie, as a copied cookie would be replayed. */
    private static HttpResponse<String> withTokenOnly(String token) throws Exception {
        return get(
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                PAGE,
                "LtpaToken2=" + token);
    }
}
