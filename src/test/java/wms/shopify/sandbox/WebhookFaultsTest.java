package wms.shopify.sandbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook faults as the app's endpoint sees them: a dropped webhook never arrives, a duplicated one arrives twice as
 * the same delivery (same {@code X-Shopify-Webhook-Id}, {@code X-Shopify-Event-Id}, bytes and HMAC), a delayed one
 * arrives no sooner than the delay, and reordered ones arrive out of the order they happened in, none lost.
 */
class WebhookFaultsTest {

    private ShopifySandbox sandbox;
    private Shop shop;
    private Location warehouse;
    private WebhookReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        sandbox = ShopifySandbox.startForLocalDemo(SandboxSettings.defaults());
        shop = sandbox.createShop("webhook-faults.myshopify.com", Plan.STANDARD);
        warehouse = shop.addLocation("Main warehouse");
        shop.addProduct("T-shirt", "TS-S");
        shop.stock("TS-S", warehouse, 100);
        receiver = WebhookReceiver.accepting();
        new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop)).subscribe("ORDERS_CREATE", receiver.uri());
    }

    @AfterEach
    void stop() {
        receiver.close();
        sandbox.close();
    }

    @Test
    void aDroppedWebhookIsNeverSent() {
        shop.faults().webhookDropShare(1.0);
        Order lost = shop.placeOrder(warehouse, true, Map.of("TS-S", 1));
        Journal.Webhook dropped = shop.journal().webhooks("orders/create").get(0);
        assertEquals(Journal.WebhookOutcome.DROPPED, dropped.outcome());
        assertEquals(0, dropped.attempt());

        shop.faults().none();
        Order kept = shop.placeOrder(warehouse, true, Map.of("TS-S", 1));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !receiver.deliveries().isEmpty());
        // The dropped webhook was never scheduled, so the one that arrived is the only one there will be.
        assertEquals(
                List.of(kept.legacyResourceId()),
                receiver.deliveries().stream()
                        .map(d -> d.json().get("id").asLong())
                        .toList());
        assertNotEquals(lost.legacyResourceId(), kept.legacyResourceId());
    }

    @Test
    void aDuplicatedWebhookArrivesTwiceAsTheSameDelivery() {
        shop.faults().webhookDuplicateShare(1.0);
        shop.placeOrder(warehouse, true, Map.of("TS-S", 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries().size() == 2);
        WebhookReceiver.Delivery first = receiver.deliveries().get(0);
        WebhookReceiver.Delivery second = receiver.deliveries().get(1);
        for (String header : List.of(
                "X-Shopify-Webhook-Id",
                "X-Shopify-Event-Id",
                "X-Shopify-Hmac-Sha256",
                "X-Shopify-Triggered-At",
                "X-Shopify-Topic")) {
            assertEquals(first.header(header), second.header(header), header);
        }
        assertArrayEquals(first.body(), second.body());
        assertEquals(
                ShopifySignatures.bodyHmac(second.body(), SandboxSettings.DEFAULT_CLIENT_SECRET),
                second.header("X-Shopify-Hmac-Sha256"));
    }

    @Test
    void aDelayedWebhookArrivesNoSoonerThanTheDelay() {
        Duration delay = Duration.ofMillis(400);
        shop.faults().webhookDelay(delay);
        long placed = System.nanoTime();
        shop.placeOrder(warehouse, true, Map.of("TS-S", 1));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !receiver.deliveries().isEmpty());
        Duration took = Duration.ofNanos(receiver.deliveries().get(0).arrivedAtNanos() - placed);
        assertTrue(took.compareTo(delay) >= 0, "arrived after " + took);
    }

    @Test
    void reorderedWebhooksArriveOutOfOrderButAllArrive() {
        // Ten orders placed within milliseconds, each webhook held back a seeded random time of up to 2 s.
        shop.faults().webhookReorderWindow(Duration.ofSeconds(2));
        List<Long> placed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            placed.add(shop.placeOrder(warehouse, true, Map.of("TS-S", 1)).legacyResourceId());
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.deliveries().size() == 10);
        List<Long> arrived = receiver.deliveries().stream()
                .map(d -> d.json().get("id").asLong())
                .toList();
        assertEquals(
                placed.stream().sorted().toList(), arrived.stream().sorted().toList());
        assertNotEquals(placed, arrived);
    }
}
