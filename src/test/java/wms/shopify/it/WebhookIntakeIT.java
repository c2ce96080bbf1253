package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.SandboxSettings;
import wms.shopify.sandbox.Shop;
import wms.shopify.sandbox.ShopifySignatures;

/**
 * The webhook intake of a connected store against the Shopify sandbox: forged and malformed deliveries are refused
 * and store nothing, a triple delivery is stored and processed once, deliveries while the database is down are 503
 * and accepted once it is back, and privacy requests are honoured. The store is installed once for the class; each
 * test sends the deliveries it asserts on, so none depends on another's order.
 */
class WebhookIntakeIT {

    private static SandboxConnector connector;
    private static HttpClient admin;
    private static Shop gale;

    @BeforeAll
    static void installAStore() throws Exception {
        connector = SandboxConnector.get();
        gale = connector.sandbox().createShop("gale.myshopify.com", Plan.STANDARD);
        gale.addLocation("Gale warehouse");
        admin = connector.signedInAdmin();
        connector.install(admin, gale);
    }

    @Test
    void forgedWebhooksAre401AndMalformedOnesRefusedAndNothingIsStored() throws Exception {
        long before = count("select count(*) from webhook_delivery");
        byte[] body = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
        assertEquals(
                401,
                webhook(
                                gale.domain(),
                                "orders/create",
                                UUID.randomUUID().toString(),
                                body,
                                ShopifySignatures.bodyHmac(body, "not-the-secret"),
                                "application/json")
                        .statusCode());
        assertEquals(
                401,
                webhook(gale.domain(), "customers/redact", UUID.randomUUID().toString(), body, null, "application/json")
                        .statusCode(),
                "compliance topics too, as Shopify requires");
        assertEquals(
                415,
                webhook(gale.domain(), "orders/create", "w", body, signed(body), "text/plain")
                        .statusCode());
        byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
        assertEquals(
                400,
                webhook(gale.domain(), "orders/create", "w2", notJson, signed(notJson), "application/json")
                        .statusCode());
        byte[] huge = ("{\"x\":\"" + "a".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals(
                413,
                webhook(gale.domain(), "orders/create", "w3", huge, signed(huge), "application/json")
                        .statusCode());
        assertEquals(
                404,
                webhook("nobody.myshopify.com", "orders/create", "w4", body, signed(body), "application/json")
                        .statusCode());
        assertEquals(
                401,
                webhook(
                                gale.domain(),
                                "orders/create",
                                "w5",
                                body,
                                ShopifySignatures.bodyHmac(body, SandboxConnector.EXPIRED_PREVIOUS_SECRET),
                                "application/json")
                        .statusCode(),
                "the secret before the rotation is no longer accepted after its window");
        assertEquals(
                400,
                webhook(gale.domain(), "orders/create", null, body, signed(body), "application/json")
                        .statusCode(),
                "no X-Shopify-Webhook-Id");
        assertEquals(before, count("select count(*) from webhook_delivery"), "nothing stored");
    }

    @Test
    void theSameWebhookDeliveredThreeTimesConcurrentlyIsStoredAndProcessedOnce() throws Exception {
        byte[] body = ("{\"id\":42,\"admin_graphql_api_id\":\"gid://shopify/Order/42\","
                        + "\"updated_at\":\"2026-11-27T00:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        var pool = Executors.newFixedThreadPool(3);
        List<Callable<Integer>> sends = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sends.add(() -> webhook(gale.domain(), "orders/create", id, body, signed(body), "application/json")
                    .statusCode());
        }
        for (Future<Integer> status : pool.invokeAll(sends)) {
            assertEquals(200, status.get());
        }
        pool.shutdown();
        assertEquals(1, count("select count(*) from webhook_delivery where webhook_id = '" + id + "'"));
        // Processed once by the orders component (which finds no such order on Shopify, so imports nothing).
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from webhook_delivery where webhook_id = '" + id
                                + "' and outcome = 'PROCESSED'")
                        == 1);
        assertEquals(0, count("select count(*) from shop_order where shopify_order_id = 'gid://shopify/Order/42'"));
        String activity = get(admin, "/admin/activity.xhtml").body();
        assertTrue(activity.contains("orders/create"), "the delivery is listed on the Activity page");
        assertFalse(activity.contains("updated_at"), "payloads are not shown");
        String metrics = connector.metrics("application");
        assertTrue(
                metrics.lines()
                        .anyMatch(line -> line.startsWith("webhook_answer_time_seconds_count{")
                                && line.contains("status=\"200\"")
                                && !line.endsWith(" 0.0")),
                "answer times are published");
    }

    @Test
    void whileTheDatabaseIsDownWebhooksAre503ThenAcceptedOnceItIsBack() throws Exception {
        // R4: PostgreSQL stopped for 30 s: every webhook meanwhile is refused (503, so Shopify retries), never
        // answered 200 and lost; once it is back, the same delivery is accepted and processed, without a restart.
        byte[] body = "{\"id\":7,\"admin_graphql_api_id\":\"gid://shopify/Order/7\"}".getBytes(StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        connector.stopDatabase();
        java.time.Instant back = java.time.Instant.now().plusSeconds(30);
        int refused = 0;
        try {
            while (java.time.Instant.now().isBefore(back)) {
                assertEquals(
                        503,
                        webhook(gale.domain(), "orders/create", id, body, signed(body), "application/json")
                                .statusCode(),
                        "answered while the database is down");
                refused++;
                Thread.sleep(2000);
            }
        } finally {
            connector.startDatabaseAgain();
        }
        java.time.Instant restarted = java.time.Instant.now();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> webhook(gale.domain(), "orders/create", id, body, signed(body), "application/json")
                                .statusCode()
                        == 200);
        Duration accepted = Duration.between(restarted, java.time.Instant.now());
        assertEquals(1, count("select count(*) from webhook_delivery where webhook_id = '" + id + "'"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> count("select count(*) from webhook_delivery " + "where webhook_id = '" + id
                                + "' and outcome = 'PROCESSED'")
                        == 1);
        System.out.printf(
                "WebhookIntakeIT: database down 30 s, %d deliveries answered 503; the delivery accepted "
                        + "%d ms after the database was back, then processed%n",
                refused, accepted.toMillis());
    }

    @Test
    void privacyRequestsAreHonoured() throws Exception {
        byte[] someonesOrder = "{\"id\":44,\"admin_graphql_api_id\":\"gid://shopify/Order/44\",\"customer\":{\"id\":2}}"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(
                200,
                webhook(
                                gale.domain(),
                                "orders/create",
                                UUID.randomUUID().toString(),
                                someonesOrder,
                                signed(someonesOrder),
                                "application/json")
                        .statusCode());
        Shop ivy = connector.sandbox().createShop("ivy.myshopify.com", Plan.STANDARD);
        ivy.addLocation("Ivy depot");
        connector.install(admin, ivy);
        byte[] customer =
                "{\"shop_domain\":\"gale.myshopify.com\",\"customer\":{\"id\":1}}".getBytes(StandardCharsets.UTF_8);
        String kept = "select count(*) from webhook_delivery d join store s on s.id = d.store_id "
                + "where s.domain = 'gale.myshopify.com' and d.topic like 'orders/%' and d.body <> '{}'::bytea";
        long othersBefore = count(kept);
        String redact = UUID.randomUUID().toString();
        assertEquals(
                200,
                webhook(gale.domain(), "customers/redact", redact, customer, signed(customer), "application/json")
                        .statusCode());
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from webhook_delivery " + "where webhook_id = '" + redact
                                + "' and outcome = 'PROCESSED'")
                        == 1);
        assertTrue(othersBefore > 0, "the store has order payloads of its customers");
        assertEquals(othersBefore, count(kept), "customer 1 placed none of them: every other customer's is kept");
        assertEquals(
                1,
                count("select count(*) from webhook_delivery where webhook_id = '" + redact
                        + "' and body = '{}'::bytea"),
                "the request itself (the customer's e-mail, phone) is erased");

        byte[] shopGone = "{\"shop_domain\":\"ivy.myshopify.com\"}".getBytes(StandardCharsets.UTF_8);
        String shopRedact = UUID.randomUUID().toString();
        assertEquals(
                200,
                webhook("ivy.myshopify.com", "shop/redact", shopRedact, shopGone, signed(shopGone), "application/json")
                        .statusCode());
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from webhook_delivery " + "where webhook_id = '" + shopRedact
                                + "' and outcome = 'PROCESSED'")
                        == 1);
        assertEquals(
                0,
                count("select count(*) from store_location l join store s on s.id = l.store_id "
                        + "where s.domain = 'ivy.myshopify.com'"),
                "the shop's locations are forgotten");

        assertEquals(
                200,
                webhook(
                                "never-installed.myshopify.com",
                                "customers/data_request",
                                UUID.randomUUID().toString(),
                                customer,
                                signed(customer),
                                "application/json")
                        .statusCode(),
                "a store the connector never knew holds nothing: acknowledged, as Shopify requires");
    }

    private static String signed(byte[] body) {
        return ShopifySignatures.bodyHmac(body, SandboxSettings.DEFAULT_CLIENT_SECRET);
    }

    /** A webhook as Shopify would deliver it, with these (possibly wrong) headers; null leaves a header out. */
    private static HttpResponse<String> webhook(
            String shop, String topic, String webhookId, byte[] body, String hmac, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(connector.url() + "/shopify/webhooks"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .header("X-Shopify-Topic", topic)
                .header("X-Shopify-Shop-Domain", shop)
                .header("X-Shopify-API-Version", "2026-07")
                .header("X-Shopify-Triggered-At", java.time.Instant.now().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (hmac != null) {
            request.header("X-Shopify-Hmac-Sha256", hmac);
        }
        if (webhookId != null) {
            request.header("X-Shopify-Webhook-Id", webhookId);
        }
        return ConnectorServer.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return connector.get(client, path);
    }

    private static long count(String sql) throws Exception {
        try (Connection db = connector.jdbc();
                ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
