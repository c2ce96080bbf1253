package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * An admin sign-in as the security review tried it: every sign-in gets a token of its own, signing out ends that
 * token on the server (a copy presented again opens nothing), and guessing passwords gets the account locked out for
 * a while, during which even the right password is refused, with a clear message and an Activity entry.
 */
@MicroShedTest
class AdminSignInIT {

    private static final String PAGE = "/admin/plugins.xhtml";

    @BeforeAll
    static void connectorIsUp() throws InterruptedException {
        ConnectorServer.awaitReady(ConnectorServer.url());
    }

    @Test
    void everySignInGetsItsOwnTokenAndSigningOutEndsIt() throws Exception {
        HttpClient first = ConnectorServer.client();
        String firstToken = token(signedIn(first));
        HttpClient second = ConnectorServer.client();
        String secondToken = token(signedIn(second));
        assertNotEquals(firstToken, secondToken, "two sign-ins, two tokens");

        assertEquals(200, withTokenOnly(firstToken).statusCode(), "the token alone opens the admin pages");
        HttpResponse<String> page = ConnectorServer.get(first, PAGE);
        String form = FacesForm.of(page.body(), "session").submittedWith("session:sign-out", "Sign out");
        HttpResponse<String> signedOut = first.send(
                HttpRequest.newBuilder(ConnectorServer.uri(PAGE))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signedOut.statusCode(), signedOut.body());
        assertTrue(AdminLoginIT.location(signedOut).startsWith("/login"), AdminLoginIT.location(signedOut));

        HttpResponse<String> replayed = withTokenOnly(firstToken);
        assertEquals(302, replayed.statusCode(), "a copy of the signed-out token opens nothing");
        assertTrue(AdminLoginIT.location(replayed).endsWith("/login.xhtml"), AdminLoginIT.location(replayed));
        assertEquals(200, withTokenOnly(secondToken).statusCode(), "the other sign-in goes on");
    }

    @Test
    void guessingPasswordsLocksTheAccountUntilThePauseIsOver() throws Exception {
        HttpClient client = ConnectorServer.client();
        signedIn(client); // a success clears earlier failures of the account
        long lockedBefore = lockEntries();
        HttpClient guesser = ConnectorServer.client();
        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> failed = AdminLoginIT.signIn(guesser, "admin", "guess-" + attempt);
            assertTrue(AdminLoginIT.location(failed).contains("login-failed"), "attempt " + attempt);
        }

        HttpResponse<String> refused = AdminLoginIT.signIn(guesser, "Admin", ConnectorServer.adminPassword());
        assertEquals(303, refused.statusCode(), "the right password is refused while the account is locked");
        assertTrue(AdminLoginIT.location(refused).startsWith("/login.xhtml?locked="), AdminLoginIT.location(refused));
        assertTrue(
                refused.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("LtpaToken2=")),
                "no token while locked");
        String message =
                ConnectorServer.get(guesser, AdminLoginIT.location(refused)).body();
        assertTrue(message.contains("Too many failed sign-ins") && message.contains("Try again in"), message);

        // Once the pause is over (30 s by default), the right password works again.
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        HttpResponse<String> attempt;
        do {
            Thread.sleep(2000);
            attempt = AdminLoginIT.signIn(guesser, "admin", ConnectorServer.adminPassword());
        } while (attempt.statusCode() == 303 && Instant.now().isBefore(giveUp));
        assertEquals(302, attempt.statusCode());
        assertTrue(!AdminLoginIT.location(attempt).contains("login"), AdminLoginIT.location(attempt));

        String activity = awaitActivity(guesser, "Sign-in locked");
        assertTrue(activity.contains("account 'admin'") && activity.contains("5 failed sign-ins"), activity);
        assertEquals(lockedBefore + 1, lockEntries(), "one Activity entry for this lock-out, not one an earlier left");
    }

    /** How many lock-outs of the admin account the Activity log holds (other classes lock it out too). */
    private static long lockEntries() throws Exception {
        try (java.sql.Connection db = ConnectorServer.database();
                java.sql.ResultSet count = db.createStatement()
                        .executeQuery("select count(*) from activity_event where message like 'Sign-in locked%'"
                                + " and message like '%account ''admin''%'")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Signs in (asking for an admin page first, as a browser does) and returns the answer of the login. */
    private static HttpResponse<String> signedIn(HttpClient client) throws Exception {
        ConnectorServer.get(client, PAGE);
        HttpResponse<String> signedIn = AdminLoginIT.signIn(client, "admin", ConnectorServer.adminPassword());
        assertEquals(302, signedIn.statusCode());
        assertTrue(AdminLoginIT.location(signedIn).endsWith(PAGE), AdminLoginIT.location(signedIn));
        return signedIn;
    }

    /** The sign-in token a sign-in set (checked HttpOnly and SameSite=Lax), as a copy of the cookie would carry it. */
    static String token(HttpResponse<String> signIn) {
        List<String> cookies = signIn.headers().allValues("Set-Cookie");
        String cookie = cookies.stream()
                .filter(c -> c.startsWith("LtpaToken2="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no LtpaToken2 in " + cookies));
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
        return cookie.substring("LtpaToken2=".length(), cookie.indexOf(';'));
    }

    private static HttpResponse<String> withTokenOnly(String token) throws Exception {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(
                        HttpRequest.newBuilder(ConnectorServer.uri(PAGE))
                                .header("Cookie", "LtpaToken2=" + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** The Activity page once it shows an entry with this text (the log is written through a queue). */
    private static String awaitActivity(HttpClient client, String text) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        String body;
        do {
            body = ConnectorServer.get(client, "/admin/activity.xhtml").body();
            if (body.contains(text)) {
                int at = body.indexOf(text);
                return body.substring(Math.max(0, at - 200), Math.min(body.length(), at + 400));
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(giveUp));
        throw new AssertionError("no activity entry with '" + text + "'");
    }
}
