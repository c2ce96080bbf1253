package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Journal;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.SandboxSettings;
import wms.shopify.sandbox.Shop;
import wms.shopify.sandbox.ShopifySignatures;

/**
 * Security review, issue #15 item 2, as the reviewer tried it on the sandbox demo: bodies Shopify signed and sent
 * are sent again under another topic, for another shop, under a new webhook id, or long after Shopify sent them.
 * Whatever would change or delete state is refused (and logged) and changes nothing; the store stays connected,
 * its deliveries, locations and orders stay as they were. Also item 10: JSON nested past the parser's limit is a
 * 400 at the webhook intake and on the WMS API, never a 5xx. The store and its order are set up once for the class
 * and never changed: each test replays what it asserts on, so none depends on another's order.
 */
class WebhookReplayIT {

    private static final String DOMAIN = "replay-it.myshopify.com";
    private static final String OTHER = "replay-other.myshopify.com";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    static SandboxConnector connector;
    static WmsFixture wmsApi;
    static Shop shop;
    static Location main;
    /** A body Shopify signed and delivered to the connector: orders/create of an order of {@link #shop}. */
    static byte[] orderBody;

    static String orderId;

    @BeforeAll
    static void aConnectedStoreWithAnOrderItReceived() throws Exception {
        connector = SandboxConnector.get();
        shop = WmsFixture.stockedShop(connector, DOMAIN, "Replay main", 50, "Shirt", "R-SHIRT");
        main = shop.location("Replay main");
        wmsApi = new WmsFixture(connector, "replay-it");
        wmsApi.installForOrders(shop, main, "WH-REPLAY", null);
        var order = shop.placeOrder(main, true, Map.of("R-SHIRT", 1));
        orderId = order.id();
        Journal.Webhook delivered = await(() -> shop.journal().webhooks("orders/create").stream()
                .filter(w -> w.outcome() == Journal.WebhookOutcome.DELIVERED)
                .findFirst()
                .orElse(null));
        orderBody = delivered.body().getBytes(StandardCharsets.UTF_8);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> count("select count(*) from shop_order " + "where shopify_order_id = '" + orderId
                                + "' and contact_email is not null")
                        == 1);
    }

    @Test
    void anOrderBodySentAgainAsAppUninstalledShopRedactOrCustomersRedactChangesNothing() throws Exception {
        // The deliveries the store keeps, counted as after the replays: other tests' refused ones are not among them.
        long keptBodies = count("select count(*) from webhook_delivery d join store s on s.id = d.store_id "
                + "where s.domain = '" + DOMAIN + "' and d.body <> '{}'::bytea and d.outcome <> 'REFUSED'");
        long locations = count("select count(*) from store_location l join store s on s.id = l.store_id "
                + "where s.domain = '" + DOMAIN + "'");
        assertTrue(keptBodies > 0 && locations > 0);

        String uninstall = UUID.randomUUID().toString();
        assertEquals(
                200,
                deliver(DOMAIN, "app/uninstalled", uninstall, orderBody, Instant.now())
                        .statusCode());
        assertEquals("REFUSED", awaitOutcome(uninstall));
        assertTrue(note(uninstall).contains("myshopify_domain"), note(uninstall));
        assertEquals("CONNECTED", status(DOMAIN), "the store is not disconnected");

        String shopRedact = UUID.randomUUID().toString();
        assertEquals(
                200,
                deliver(DOMAIN, "shop/redact", shopRedact, orderBody, Instant.now())
                        .statusCode());
        assertEquals("REFUSED", awaitOutcome(shopRedact));
        String customerRedact = UUID.randomUUID().toString();
        assertEquals(
                200,
                deliver(DOMAIN, "customers/redact", customerRedact, orderBody, Instant.now())
                        .statusCode());
        assertEquals("REFUSED", awaitOutcome(customerRedact));

        assertEquals(
                keptBodies,
                count("select count(*) from webhook_delivery d join store s on s.id = d.store_id "
                        + "where s.domain = '" + DOMAIN + "' and d.body <> '{}'::bytea and d.outcome <> 'REFUSED'"),
                "no stored delivery was erased");
        assertEquals(
                locations,
                count("select count(*) from store_location l join store s on s.id = l.store_id " + "where s.domain = '"
                        + DOMAIN + "'"),
                "no location mapping was forgotten");
        assertOrderKeepsItsCustomer();
        assertEquals("CONNECTED", status(DOMAIN));
        String log = connector.server().log();
        assertTrue(log.contains("Refused webhook delivery") && log.contains(uninstall), "logged");
    }

    @Test
    void theSameBodyForTheSameTopicUnderANewWebhookIdIsAcknowledgedButNotStoredAgain() throws Exception {
        String again = UUID.randomUUID().toString();
        HttpResponse<String> response = deliver(DOMAIN, "orders/create", again, orderBody, Instant.now());
        assertEquals(200, response.statusCode());
        assertEquals("duplicate", response.body());
        assertEquals(0, count("select count(*) from webhook_delivery where webhook_id = '" + again + "'"));
        assertEquals(1, count("select count(*) from shop_order where shopify_order_id = '" + orderId + "'"));
    }

    @Test
    void aShopsOwnUninstallOrPrivacyRequestSentForAnotherShopChangesNothing() throws Exception {
        Shop other = WmsFixture.stockedShop(connector, OTHER, "Other main", 5, "Cap", "R-CAP");
        connector.install(wmsApi.admin, other);
        other.uninstallApp();
        Journal.Webhook uninstalled = await(() -> other.journal().webhooks("app/uninstalled").stream()
                .filter(w -> w.outcome() == Journal.WebhookOutcome.DELIVERED)
                .findFirst()
                .orElse(null));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "DISCONNECTED".equals(status(OTHER)));

        String replayed = UUID.randomUUID().toString();
        assertEquals(
                200,
                deliver(
                                DOMAIN,
                                "app/uninstalled",
                                replayed,
                                uninstalled.body().getBytes(StandardCharsets.UTF_8),
                                Instant.now())
                        .statusCode());
        assertEquals("REFUSED", awaitOutcome(replayed));
        assertTrue(note(replayed).contains(OTHER), note(replayed));
        assertEquals("CONNECTED", status(DOMAIN), "only the shop the body names was disconnected");

        byte[] redact = ("{\"shop_id\":" + other.shopId() + ",\"shop_domain\":\"" + OTHER + "\",\"customer\":{"
                        + "\"id\":1,\"email\":\"bob.norman@example.com\"},\"orders_to_redact\":[]}")
                .getBytes(StandardCharsets.UTF_8);
        String misdirected = UUID.randomUUID().toString();
        assertEquals(
                200,
                deliver(DOMAIN, "customers/redact", misdirected, redact, Instant.now())
                        .statusCode());
        assertEquals("REFUSED", awaitOutcome(misdirected));
        assertOrderKeepsItsCustomer();

        byte[] own = ("{\"shop_id\":" + shop.shopId() + ",\"shop_domain\":\"" + DOMAIN + "\",\"customer\":{\"id\":1,"
                        + "\"email\":\"nobody@example.com\"},\"orders_requested\":[]}")
                .getBytes(StandardCharsets.UTF_8);
        String request = UUID.randomUUID().toString();
        assertEquals(
                200,
                deliver(DOMAIN, "customers/data_request", request, own, Instant.now())
                        .statusCode());
        assertEquals("PROCESSED", awaitOutcome(request), "a request naming its own shop is honoured");
    }

    @Test
    void aDeliveryTriggeredLongAgoOrWithoutATimeIsRefusedWith400AndNotStored() throws Exception {
        String old = UUID.randomUUID().toString();
        HttpResponse<String> response =
                deliver(DOMAIN, "orders/updated", old, orderBody, Instant.parse("2020-01-01T00:00:00Z"));
        assertEquals(400, response.statusCode());
        assertTrue(
                response.body().contains("2020-01-01T00:00:00Z")
                        && response.body().contains("48 hours"),
                response.body());
        HttpResponse<String> stale =
                deliver(DOMAIN, "orders/updated", old, orderBody, Instant.now().minus(Duration.ofHours(49)));
        assertEquals(400, stale.statusCode(), stale.body());
        String undated = UUID.randomUUID().toString();
        HttpResponse<String> noTime = deliver(DOMAIN, "orders/updated", undated, orderBody, null);
        assertEquals(400, noTime.statusCode());
        assertTrue(noTime.body().contains("x-shopify-triggered-at"), noTime.body());
        assertEquals(
                0,
                count("select count(*) from webhook_delivery where webhook_id in ('" + old + "', '" + undated + "')"),
                "nothing stored");
        assertTrue(connector.server().log().contains("more than 48 h ago"), "logged");

        String recent = UUID.randomUUID().toString();
        assertEquals(
                200,
                deliver(
                                DOMAIN,
                                "orders/updated",
                                recent,
                                orderBody,
                                Instant.now().minus(Duration.ofHours(47)))
                        .statusCode(),
                "Shopify's own late retries are taken");
        assertEquals("PROCESSED", awaitOutcome(recent));
    }

    @Test
    void jsonNestedPastTheParsersLimitIs400AtTheIntakeAndOnTheApi() throws Exception {
        byte[] deep = ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        HttpResponse<String> webhook = deliver(DOMAIN, "orders/updated", id, deep, Instant.now());
        assertEquals(400, webhook.statusCode(), webhook.body());
        assertEquals(0, count("select count(*) from webhook_delivery where webhook_id = '" + id + "'"));

        long warehouses = count("select count(*) from warehouse");
        HttpResponse<String> api =
                wmsApi.api("PUT", "/api/v1/warehouses", "[" + "{\"a\":[".repeat(2500) + "]}".repeat(2500) + "]");
        assertEquals(400, api.statusCode(), api.body());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(api.body().contains("\"field\":\"body\""), api.body());
        assertEquals(warehouses, count("select count(*) from warehouse"), "nothing changed");
    }

    private static void assertOrderKeepsItsCustomer() throws Exception {
        try (Connection db = connector.jdbc();
                ResultSet row = db.createStatement()
                        .executeQuery(
                                "select " + "contact_email, redacted_at from shop_order where shopify_order_id = '"
                                        + orderId + "'")) {
            assertTrue(row.next());
            assertNotNull(row.getString(1), "the order's customer is not erased");
            assertNull(row.getTimestamp(2));
        }
    }

    /** A delivery as Shopify makes it, signed with the app's secret; no X-Shopify-Triggered-At when null. */
    private static HttpResponse<String> deliver(
            String shopDomain, String topic, String webhookId, byte[] body, Instant triggeredAt) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(connector.url() + "/shopify/webhooks"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", topic)
                .header("X-Shopify-Shop-Domain", shopDomain)
                .header("X-Shopify-API-Version", "2026-07")
                .header("X-Shopify-Webhook-Id", webhookId)
                .header("X-Shopify-Event-Id", UUID.randomUUID().toString())
                .header(
                        "X-Shopify-Hmac-Sha256",
                        ShopifySignatures.bodyHmac(body, SandboxSettings.DEFAULT_CLIENT_SECRET))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (triggeredAt != null) {
            request.header("X-Shopify-Triggered-At", triggeredAt.toString());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String awaitOutcome(String webhookId) {
        return await(() -> {
            String outcome = text("select outcome from webhook_delivery where webhook_id = '" + webhookId + "'");
            return outcome == null || outcome.equals("RECEIVED") ? null : outcome;
        });
    }

    private static String note(String webhookId) throws Exception {
        return text("select outcome_note from webhook_delivery where webhook_id = '" + webhookId + "'");
    }

    private static String status(String domain) throws Exception {
        return text("select status from store where domain = '" + domain + "'");
    }

    private static String text(String query) throws Exception {
        try (Connection db = connector.jdbc();
                ResultSet row = db.createStatement().executeQuery(query)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static long count(String query) throws Exception {
        try (Connection db = connector.jdbc();
                ResultSet row = db.createStatement().executeQuery(query)) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private interface Probe<T> {
        T value() throws Exception;
    }

    private static <T> T await(Probe<T> probe) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(probe::value, value -> value != null);
    }
}
