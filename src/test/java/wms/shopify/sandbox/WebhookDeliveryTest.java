package wms.shopify.sandbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook retries and the end of a subscription: a failing webhook is retried 8 times with the same ids and body, a
 * subscription is deleted when one of its webhooks failed 8 attempts in a row (a short outage, with many webhooks
 * failing a few times each, does not delete it), and uninstalling the app
 * revokes its tokens, sends {@code app/uninstalled} and deletes its subscriptions. Retries run on a time scale of
 * 1/10 000 (the last retry comes 0.77 s after the one before); tests wait for outcomes, never for a fixed time.
 */
class WebhookDeliveryTest {

    private ShopifySandbox sandbox;
    private Shop shop;
    private Location warehouse;
    private AdminClient admin;

    @BeforeEach
    void start() throws IOException {
        sandbox = ShopifySandbox.startForLocalDemo(SandboxSettings.defaults().withWebhookTimeScale(0.0001));
        shop = sandbox.createShop("hooks.myshopify.com", Plan.STANDARD);
        warehouse = shop.addLocation("Main warehouse");
        shop.addProduct("T-shirt", "TS-S");
        shop.stock("TS-S", warehouse, 100);
        admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void retriesAFailingWebhookEightTimesWithTheSameIdsAndBytes() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(call -> 500)) {
            admin.subscribe("ORDERS_CREATE", receiver.uri());
            shop.placeOrder(warehouse, false, Map.of("TS-S", 1));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> shop.journal().webhooks("orders/create").size() == 9);
            assertEquals(
                    List.of(1, 2, 3, 4, 5, 6, 7, 8, 9),
                    shop.journal().webhooks("orders/create").stream()
                            .map(Journal.Webhook::attempt)
                            .sorted()
                            .toList());
            List<WebhookReceiver.Delivery> attempts = receiver.deliveries();
            assertEquals(9, attempts.size());
            assertEquals(
                    1,
                    attempts.stream()
                            .map(d -> d.header("X-Shopify-Webhook-Id"))
                            .distinct()
                            .count());
            assertEquals(
                    1,
                    attempts.stream()
                            .map(d -> d.header("X-Shopify-Event-Id"))
                            .distinct()
                            .count());
            assertEquals(
                    1,
                    attempts.stream().map(d -> new String(d.body())).distinct().count());
        }
    }

    @Test
    void deletesTheSubscriptionAfterEightConsecutiveFailures() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(call -> 500)) {
            admin.subscribe("ORDERS_CREATE", receiver.uri());
            shop.placeOrder(warehouse, false, Map.of("TS-S", 1));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> shop.webhookSubscriptions().isEmpty());
            assertTrue(shop.journal().webhooks("orders/create").size() >= 8);
            // The webhook's last retry still goes out: it belongs to the event, not to the deleted subscription.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> receiver.deliveries().size() == 9);
        }
    }

    @Test
    void aShortOutageUnderTrafficKeepsTheSubscriptionAndEveryWebhookArrives() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
        try (WebhookReceiver receiver = WebhookReceiver.answering(call -> down.get() ? 503 : 200)) {
            admin.subscribe("ORDERS_CREATE", receiver.uri());
            for (int order = 0; order < 12; order++) {
                shop.placeOrder(warehouse, false, Map.of("TS-S", 1));
            }
            // Twelve webhooks fail at once: more than 8 failed attempts in a row, but none failed 8 times.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> shop.journal().webhooks("orders/create").stream()
                                    .filter(w -> w.outcome() == Journal.WebhookOutcome.FAILED)
                                    .count()
                            >= 12);
            down.set(false);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> shop.journal().webhooks("orders/create").stream()
                                    .filter(w -> w.outcome() == Journal.WebhookOutcome.DELIVERED)
                                    .count()
                            == 12);
            assertEquals(1, shop.webhookSubscriptions().size(), "the subscription survived the outage");
            assertTrue(
                    shop.journal().webhooks("orders/create").stream().allMatch(w -> w.attempt() < 8),
                    "no webhook needed its last retries");
        }
    }

    @Test
    void aSuccessfulDeliveryResetsTheRunOfFailures() throws Exception {
        // Each order fails seven times, then gets through: fourteen failures in all, but never eight in a row.
        try (WebhookReceiver receiver = WebhookReceiver.answering(call -> call % 8 == 0 ? 200 : 500)) {
            admin.subscribe("ORDERS_CREATE", receiver.uri());
            WebhookSubscription subscription = shop.webhookSubscriptions().get(0);
            for (int order = 1; order <= 2; order++) {
                shop.placeOrder(warehouse, false, Map.of("TS-S", 1));
                int delivered = order;
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> shop.journal().webhooks().stream()
                                        .filter(w -> w.outcome() == Journal.WebhookOutcome.DELIVERED)
                                        .count()
                                == delivered);
                assertEquals(List.of(subscription), shop.webhookSubscriptions());
                assertEquals(0, subscription.consecutiveFailures());
            }
            assertEquals(16, receiver.deliveries().size());
        }
    }

    @Test
    void uninstallingTheAppRevokesTokensSendsAppUninstalledAndDeletesSubscriptions() throws Exception {
        Map<String, Object> expiring = sandbox.issueExpiringAccessToken(shop);
        try (WebhookReceiver receiver = WebhookReceiver.accepting()) {
            admin.subscribe("APP_UNINSTALLED", receiver.uri());
            admin.subscribe("ORDERS_CREATE", receiver.uri());
            shop.uninstallApp();

            assertTrue(shop.webhookSubscriptions().isEmpty());
            assertEquals(401, admin.send("{ shop { name } }", Map.of()).statusCode());
            assertEquals(
                    400,
                    admin.post(
                                    sandbox.adminBaseUrl(shop) + "/admin/oauth/access_token",
                                    null,
                                    Map.of(
                                            "client_id",
                                            SandboxSettings.DEFAULT_CLIENT_ID,
                                            "client_secret",
                                            SandboxSettings.DEFAULT_CLIENT_SECRET,
                                            "grant_type",
                                            "refresh_token",
                                            "refresh_token",
                                            expiring.get("refresh_token")))
                            .statusCode());

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !receiver.deliveries().isEmpty());
            WebhookReceiver.Delivery uninstalled = receiver.deliveries().get(0);
            assertEquals("app/uninstalled", uninstalled.topic());
            assertEquals(shop.domain(), uninstalled.header("X-Shopify-Shop-Domain"));
            assertEquals(
                    ShopifySignatures.bodyHmac(uninstalled.body(), SandboxSettings.DEFAULT_CLIENT_SECRET),
                    uninstalled.header("X-Shopify-Hmac-Sha256"));
            JsonNode body = uninstalled.json();
            assertEquals(shop.shopId(), body.get("id").asLong());
            assertEquals(shop.domain(), body.get("myshopify_domain").asText());
            assertEquals(
                    warehouse.legacyResourceId(),
                    body.get("primary_location_id").asLong());
        }
    }
}
