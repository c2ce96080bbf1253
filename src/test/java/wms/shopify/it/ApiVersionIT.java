package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The connector compares the version Shopify answers in ({@code X-Shopify-API-Version}) with its pin on every answer
 * and webhook (issue #17): the sandbox answers in the pinned 2026-07, so all is UP; a webhook sent in another
 * version (as Shopify sends one after falling forward) degrades the admin's health details, writes one Activity
 * entry per version, and counts on {@code shopify_api_version_mismatch}; a webhook in the pinned version again makes
 * it UP.
 */
class ApiVersionIT {

    private static final String DOMAIN = "api-version-it.myshopify.com";

    @Test
    void aWebhookInAnotherVersionThanThePinIsRaisedOnceButCountedEachTime() throws Exception {
        SandboxConnector connector = SandboxConnector.get();
        var shop = connector.sandbox().createShop(DOMAIN, wms.shopify.sandbox.Plan.STANDARD);
        shop.addLocation("Main");
        HttpClient admin = connector.signedInAdmin();
        connector.install(admin, shop);

        // Every answer of the install (locations, subscriptions) came in the pinned version.
        JsonObject before = versionCheck(admin, connector);
        assertEquals("UP", before.getString("status"), before.toString());
        assertEquals("2026-07", before.getJsonObject("data").getString("pinned"));
        assertEquals("2027-07-01T17:00:00Z", before.getJsonObject("data").getString("pinnedRetires"));

        for (int i = 0; i < 2; i++) {
            byte[] body = ("{\"id\":" + (900_000 + i) + ",\"admin_graphql_api_id\":\"gid://shopify/Order/"
                            + (900_000 + i) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            var answered = SandboxConnector.deliverWebhook(
                    connector.url(), DOMAIN, "orders/updated", UUID.randomUUID().toString(), body, "2026-04");
            assertEquals(200, answered.statusCode(), answered.body());
        }

        JsonObject after = versionCheck(admin, connector);
        assertEquals("DEGRADED", after.getString("status"), after.toString());
        assertTrue(after.getString("message").contains("Shopify answers in 2026-04, not the pinned 2026-07"));
        JsonObject health = Json.createReader(
                        new StringReader(connector.get(admin, "/admin/health").body()))
                .readObject();
        assertEquals("DEGRADED", health.getString("status"), "the overall status says so (and stays HTTP 200)");

        String entries = "select count(*) from activity_event where message like "
                + "'Shopify answered in API version 2026-04, not the connector''s pinned 2026-07%'";
        WmsFixture wms = new WmsFixture(connector, "api-version-it");
        WmsFixture.await(Duration.ofSeconds(30), () -> wms.count(entries) > 0, "the activity entry", () -> "");
        assertEquals(1, wms.count(entries), "one entry, not one per webhook");

        Matcher counted = Pattern.compile(
                        "shopify_api_version_mismatch_total\\{[^}]*answered=\"2026-04\"[^}]*\\}\\s+([0-9.E]+)")
                .matcher(connector.metrics("application"));
        assertTrue(counted.find(), "the metric is there");
        assertEquals(2.0, Double.parseDouble(counted.group(1)), "counted on every webhook");

        // A webhook in the pinned version again (the app's webhook version was moved back): UP, and nothing is left
        // degraded for the other tests on this server.
        byte[] body = "{\"id\":900100,\"admin_graphql_api_id\":\"gid://shopify/Order/900100\"}"
                .getBytes(StandardCharsets.UTF_8);
        var answered = SandboxConnector.deliverWebhook(
                connector.url(), DOMAIN, "orders/updated", UUID.randomUUID().toString(), body, "2026-07");
        assertEquals(200, answered.statusCode(), answered.body());
        JsonObject again = versionCheck(admin, connector);
        assertEquals("UP", again.getString("status"), again.toString());
        assertEquals(1, wms.count(entries), "still the one entry");
    }

    private static JsonObject versionCheck(HttpClient admin, SandboxConnector connector) throws Exception {
        var response = connector.get(admin, "/admin/health");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = Json.createReader(new StringReader(response.body())).readObject();
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("shopify-api-version"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no shopify-api-version check: " + response.body()));
    }
}
