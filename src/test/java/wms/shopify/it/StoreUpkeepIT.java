package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Shop;
import wms.shopify.sandbox.WebhookSubscription;

/**
 * The connector's scheduled upkeep of connected stores, against the Shopify sandbox: a webhook subscription Shopify
 * no longer holds (it deletes one after repeated failed deliveries; here it is deleted through the Admin API) is
 * created again by the next check, and an expiring access token is refreshed before it lapses. Runs its own
 * connector with upkeep rounds every 5 s (STORE_UPKEEP_ROUND_SECONDS), a one-minute check interval and a refresh
 * margin so wide that tokens are due ten seconds after each refresh. Rather than wait out the check interval, the
 * test moves the store's last check back by two intervals, as if that time had passed (that a check is due only
 * after the interval is StoreTest's). A round that checks a store while its install is still registering the webhooks
 * (Shopify answering slowly) does not make either check fail, and the install returns with every subscription.
 */
class StoreUpkeepIT {

    private static SandboxConnector connector;
    private static HttpClient admin;
    private static Shop dora;
    private static String firstAccessToken;
    private static String firstRefreshToken;

    @BeforeAll
    static void installAStore() throws Exception {
        // Tokens live an hour; a margin of 3590 s makes them due ten seconds after each refresh.
        connector = SandboxConnector.get(List.of(
                "SHOPIFY_SUBSCRIPTION_CHECK_MINUTES=1",
                "SHOPIFY_TOKEN_REFRESH_MARGIN_SECONDS=3590",
                "STORE_UPKEEP_ROUND_SECONDS=5"));
        dora = connector.sandbox().createShop("dora.myshopify.com", Plan.STANDARD);
        dora.addLocation("Dora store");
        admin = connector.signedInAdmin();
        connector.install(admin, dora);
        firstAccessToken = column("access_token");
        firstRefreshToken = column("refresh_token");
    }

    @Test
    void anExpiringTokenIsRefreshedBeforeItLapses() throws Exception {
        // Due ten seconds after the install, refreshed by the first round after that: within 20 s, given 40.
        Awaitility.await()
                .atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> !firstAccessToken.equals(column("access_token")));
        assertNotEquals(firstRefreshToken, column("refresh_token"), "Shopify rotates the refresh token too");
        assertEquals("CONNECTED", column("status"));
        assertTrue(
                dora.journal().requests().stream()
                        .anyMatch(r -> "refresh_token".equals(r.operationName()) && r.status() == 200),
                "Shopify granted a refresh");
    }

    @Test
    void aSubscriptionShopifyRemovedIsCreatedAgainByTheScheduledCheck() throws Exception {
        Set<String> registered = topics(dora);
        assertEquals(
                wms.shopify.stores.control.WebhookSubscriptions.TOPICS.size(),
                registered.size(),
                "every subscription registered at the install");

        WebhookSubscription removed = dora.webhookSubscriptions().stream()
                .filter(s -> s.topic().equals("ORDERS_CREATE"))
                .findFirst()
                .orElseThrow();
        delete(dora, removed);
        assertFalse(topics(dora).contains("ORDERS_CREATE"), "gone on Shopify");

        try (Connection db = connector.jdbc()) {
            db.createStatement()
                    .executeUpdate("update store set subscriptions_checked_at = subscriptions_checked_at"
                            + " - interval '2 minutes' where domain = 'dora.myshopify.com'");
        }
        // The check is due now and rounds run every 5 s: the next round re-creates it.
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> topics(dora).equals(registered));
        assertEquals(
                wms.shopify.stores.control.WebhookSubscriptions.TOPICS.size() + 1,
                dora.journal().applied("webhookSubscriptionCreate").size(),
                "only the missing one created");
        // The activity entry travels through the activity queue after the round's commit: it follows shortly.
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> connector
                        .get(admin, "/admin/activity.xhtml")
                        .body()
                        .contains("re-created after Shopify removed them: ORDERS_CREATE"));
        assertEquals("CONNECTED", column("status"), "the refreshed tokens kept working");
    }

    @Test
    void subscriptionsToTopicsTheConnectorNoLongerHandlesAreRemovedByTheScheduledCheck() throws Exception {
        // A store installed by an earlier version holds subscriptions to inventory_levels/update (every level the
        // connector wrote came back) and bulk_operations/finish; the check removes them, and nothing else.
        Shop elder = connector.sandbox().createShop("elder.myshopify.com", Plan.STANDARD);
        elder.addLocation("Elder store");
        connector.install(admin, elder);
        String ours = connector.url() + "/shopify/webhooks";
        String othersAddress = "https://other-app.example.com/webhooks";
        create(elder, "INVENTORY_LEVELS_UPDATE", ours);
        create(elder, "BULK_OPERATIONS_FINISH", ours);
        create(elder, "INVENTORY_LEVELS_UPDATE", othersAddress);
        try (Connection db = connector.jdbc()) {
            db.createStatement()
                    .executeUpdate("update store set subscriptions_checked_at = subscriptions_checked_at"
                            + " - interval '2 minutes' where domain = 'elder.myshopify.com'");
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() ->
                        topics(elder, ours).equals(Set.copyOf(wms.shopify.stores.control.WebhookSubscriptions.TOPICS)));
        assertEquals(
                Set.of("INVENTORY_LEVELS_UPDATE"), topics(elder, othersAddress), "another app's subscription is kept");
        assertEquals(2, elder.journal().applied("webhookSubscriptionDelete").size(), "each removed once");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> connector
                        .get(admin, "/admin/activity.xhtml")
                        .body()
                        .contains("that the connector no longer needs removed: BULK_OPERATIONS_FINISH, "
                                + "INVENTORY_LEVELS_UPDATE"));
    }

    @Test
    void aStoreInstalledWhileARoundChecksItHasEverySubscriptionWhenTheInstallReturns() throws Exception {
        // Shopify answering slowly (0.4 s a call) makes each install's registration outlast a round (every 5 s), so
        // the round checks the just-connected store while the install is still registering its webhooks.
        for (int i = 1; i <= 4; i++) {
            String domain = "overlap-" + i + ".myshopify.com";
            Shop shop = connector.sandbox().createShop(domain, Plan.STANDARD);
            shop.addLocation("Overlap " + i);
            shop.faults().latency(Duration.ofMillis(400));
            connector.install(admin, shop);
            assertEquals(
                    Set.copyOf(wms.shopify.stores.control.WebhookSubscriptions.TOPICS),
                    topics(shop),
                    domain + ": every subscription registered when the install returns (an app/uninstalled right "
                            + "after it must reach the connector)");
            shop.faults().latency(Duration.ZERO);
            String log = connector
                    .server()
                    .log()
                    .lines()
                    .filter(line -> line.contains(domain))
                    .collect(Collectors.joining("\n"));
            assertFalse(
                    log.contains("Store " + domain + " is connected, but"),
                    "the install's registration " + "failed:\n" + log);
            assertFalse(log.contains("Upkeep of store " + domain + " failed"), "the round's check failed:\n" + log);
        }
    }

    private static String column(String name) throws Exception {
        try (Connection db = connector.jdbc();
                ResultSet row = db.createStatement()
                        .executeQuery("select " + name + " from store where domain = 'dora.myshopify.com'")) {
            row.next();
            return row.getString(1);
        }
    }

    private static Set<String> topics(Shop shop, String uri) {
        return shop.webhookSubscriptions().stream()
                .filter(subscription -> subscription.uri().equals(uri))
                .map(WebhookSubscription::topic)
                .collect(Collectors.toSet());
    }

    /** Creates a subscription through Shopify's Admin API, as an earlier version of the connector (or an app) did. */
    private static void create(Shop shop, String topic, String uri) throws Exception {
        String mutation = "{\"query\":\"mutation($topic: WebhookSubscriptionTopic!, $uri: String!) { "
                + "webhookSubscriptionCreate(topic: $topic, webhookSubscription: {uri: $uri, format: JSON}) { "
                + "webhookSubscription { id } userErrors { message } } }\",\"variables\":{\"topic\":\"" + topic
                + "\",\"uri\":\"" + uri + "\"}}";
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(connector.sandbox().graphQlUrl(shop, "2026-07")))
                                .header("Content-Type", "application/json")
                                .header(
                                        "X-Shopify-Access-Token",
                                        connector.sandbox().issueAccessToken(shop))
                                .POST(HttpRequest.BodyPublishers.ofString(mutation))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("gid://shopify/WebhookSubscription/"), answer.body());
    }

    private static Set<String> topics(Shop shop) {
        return shop.webhookSubscriptions().stream()
                .map(WebhookSubscription::topic)
                .collect(Collectors.toSet());
    }

    /** Deletes a subscription as Shopify does, through its Admin API (the sandbox journals it like any call). */
    private static void delete(Shop shop, WebhookSubscription subscription) throws Exception {
        String mutation = "{\"query\":\"mutation { webhookSubscriptionDelete(id: \\\"" + subscription.id()
                + "\\\") { deletedWebhookSubscriptionId userErrors { message } } }\"}";
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(connector.sandbox().graphQlUrl(shop, "2026-07")))
                                .header("Content-Type", "application/json")
                                .header(
                                        "X-Shopify-Access-Token",
                                        connector.sandbox().issueAccessToken(shop))
                                .POST(HttpRequest.BodyPublishers.ofString(mutation))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains(subscription.id()), answer.body());
    }
}
