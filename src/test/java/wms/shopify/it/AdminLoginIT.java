package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/** The admin area is behind a login, and a failed login says only that it failed. */
@MicroShedTest
class AdminLoginIT {

    @BeforeAll
    static void connectorIsUp() throws InterruptedException {
        ConnectorServer.awaitReady(ConnectorServer.url());
    }

    @Test
    void everyAdminPageSendsAnUnauthenticatedVisitorToTheLoginPage() throws Exception {
        HttpClient client = ConnectorServer.client();
        for (String page : new String[] {
            "/admin/plugins.xhtml",
            "/admin/stores.xhtml",
            "/admin/activity.xhtml",
            "/admin/integration-guide.xhtml",
            "/"
        }) {
            // The root forwards to the first admin page, which then asks for the login: follow at most two hops.
            String at = page;
            HttpResponse<String> response = ConnectorServer.get(client, at);
            for (int hop = 0;
                    hop < 2
                            && response.statusCode() == 302
                            && !location(response).endsWith("/login.xhtml");
                    hop++) {
                at = location(response);
                response = ConnectorServer.get(client, at);
            }
            assertEquals(302, response.statusCode(), page);
            assertTrue(location(response).endsWith("/login.xhtml"), page + " led to " + location(response));
            assertFalse(response.body().contains("Plugins"), page + " leaked content: " + response.body());
        }
        HttpResponse<String> login = ConnectorServer.get(client, "/login.xhtml");
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("j_security_check"));
    }

    @Test
    void wrongCredentialsShowTheLoginPageAgainWithAMessageAndNothingElse() throws Exception {
        HttpClient client = ConnectorServer.client();
        ConnectorServer.get(client, "/admin/plugins.xhtml");
        HttpResponse<String> failed = signIn(client, "admin", "not-the-password");
        String body = failed.statusCode() == 302
                ? ConnectorServer.get(client, location(failed)).body()
                : failed.body();
        assertTrue(body.contains("The user name or password is not right"), body);
        assertTrue(body.contains("j_security_check"), "the login form is shown again");
        assertFalse(body.contains("Plugins"), "no admin content after a failed login");
        assertFalse(body.toLowerCase().contains("exception"), "no technical detail: " + body);

        HttpResponse<String> afterwards = ConnectorServer.get(client, "/admin/plugins.xhtml");
        assertEquals(302, afterwards.statusCode(), "still not signed in");
    }

    @Test
    void theConfiguredAdminReachesTheAdminPagesWithTheirNavigation() throws Exception {
        HttpClient client = ConnectorServer.client();
        ConnectorServer.get(client, "/admin/activity.xhtml");
        HttpResponse<String> signedIn = signIn(client, "admin", ConnectorServer.adminPassword());
        assertEquals(302, signedIn.statusCode());
        assertTrue(location(signedIn).endsWith("/admin/activity.xhtml"), "back to the page asked for");

        HttpResponse<String> activity = ConnectorServer.get(client, "/admin/activity.xhtml");
        assertEquals(200, activity.statusCode());
        for (String item : new String[] {
            "Plugins", "Marketplaces", "Shopify", "Stores", "Product Mapping", "Orders", "Activity", "Integration Guide"
        }) {
            assertTrue(activity.body().contains(item), "navigation lacks " + item);
        }
        assertTrue(activity.body().contains("id=\"log:activity\""), "the activity log's table");
        // The start-up entry may be pages back (the log is paged, newest first, and other tests write to it).
        try (java.sql.Connection db = ConnectorServer.database();
                java.sql.ResultSet started = db.createStatement()
                        .executeQuery("select count(*) from activity_event where message like 'Connector started%'")) {
            started.next();
            assertTrue(started.getLong(1) > 0, "the start-up is in the activity log");
        }
        assertEquals("DENY", activity.headers().firstValue("X-Frame-Options").orElse(""));

        HttpResponse<String> stores = ConnectorServer.get(client, "/admin/product-mapping.xhtml");
        assertEquals(200, stores.statusCode());
        assertTrue(stores.body().contains("Product Mapping"));
        HttpResponse<String> orders = ConnectorServer.get(client, "/admin/orders.xhtml");
        assertEquals(200, orders.statusCode());
        assertTrue(
                orders.body().contains("id=\"orders:state\"") && !orders.body().contains("Not available yet"),
                "the Orders page is a real page now");
        assertTrue(orders.body().contains("Failed shipments"), "the Orders page with its failed shipments");
    }

    static HttpResponse<String> signIn(HttpClient client, String user, String password) throws Exception {
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return client.send(
                HttpRequest.newBuilder(ConnectorServer.uri("/j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.startsWith("http")
                ? location.substring(location.indexOf('/', location.indexOf("//") + 2))
                : location;
    }
}
