package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.await;
import static wms.shopify.it.WmsFixture.json;
import static wms.shopify.it.WmsFixture.movement;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Journal;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Order;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Shop;

/**
 * R6: two instances of the connector on one PostgreSQL, both running their schedules (stock flush, re-queue,
 * sweeps). The WMS sends every batch of stock movements to both at once (as through a load balancer that retries
 * on the other node); Shopify's order webhooks reach the first, the same deliveries and an {@code orders/updated} of
 * each order reach the second at the same time. No quantity is pushed twice, no order is imported twice.
 */
class TwoInstancesIT {

    private static final String DOMAIN = "two-instances.myshopify.com";
    private static final String WAREHOUSE = "TI-WH";
    private static final int SKUS = 40;
    private static final int ORDERS = 60;
    private static final int BATCHES = 40;
    private static final int START = 500;

    @Test
    void twoInstancesOnOneDatabasePushNoQuantityTwiceAndImportNoOrderTwice() throws Exception {
        SandboxConnector connector =
                SandboxConnector.get(List.of("STOCK_RECONCILE_MINUTES=0", "ORDER_SWEEP_INTERVAL_SECONDS=0"));
        WmsFixture fixture = new WmsFixture(connector, "two-instances-it");
        Shop shop = connector.sandbox().createShop(DOMAIN, Plan.STANDARD);
        Location location = shop.addLocation("Two instances warehouse");
        List<String> skus = new ArrayList<>();
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < SKUS; i++) {
            skus.add("TI-" + i);
            expected.put("TI-" + i, START);
        }
        shop.addProduct("Shared goods", skus.toArray(String[]::new));
        for (String sku : skus) {
            shop.stock(sku, location, START);
        }
        long store = fixture.install(shop, location, WAREHOUSE);
        fixture.registerProducts(skus);
        fixture.syncProducts(DOMAIN);
        fixture.stockSync(store, "DELTA", 1);

        ExtraServer second = connector.startAnotherInstance("sandboxServer2");
        List<String> instances = List.of(connector.url(), second.baseUrl());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        Random random = new Random(6);
        try {
            Future<?> warehouse = pool.submit(() -> {
                for (int batch = 0; batch < BATCHES; batch++) {
                    JsonArrayBuilder movements = Json.createArrayBuilder();
                    for (int i = 0; i < 10; i++) {
                        String sku = skus.get(random.nextInt(SKUS));
                        synchronized (expected) {
                            expected.merge(sku, 1, Integer::sum);
                        }
                        movements.add(movement("TI-RCV-" + batch + "-" + i, "receiving", sku, WAREHOUSE, 1, 1));
                    }
                    String body = movements.build().toString();
                    List<Callable<HttpResponse<String>>> both = new ArrayList<>();
                    for (String instance : instances) {
                        both.add(() -> fixture.api(instance, "POST", "/api/v1/stock-movements", body));
                    }
                    for (Future<HttpResponse<String>> sent : pool.invokeAll(both)) {
                        assertEquals(200, sent.get().statusCode(), sent.get().body());
                    }
                    Thread.sleep(50);
                }
                return null;
            });
            List<Order> placed = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                Map<String, Integer> lines = new LinkedHashMap<>();
                lines.put(skus.get(random.nextInt(SKUS)), 1 + random.nextInt(2));
                Order order;
                synchronized (expected) {
                    order = shop.placeOrder(location, true, lines);
                    lines.forEach((sku, quantity) -> expected.merge(sku, -quantity, Integer::sum));
                }
                placed.add(order);
                // The second instance hears of the same order at the same time: another delivery about it.
                byte[] body = ("{\"id\":" + order.legacyResourceId() + ",\"admin_graphql_api_id\":\"" + order.id()
                                + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                assertEquals(
                        200,
                        webhook(
                                        second.baseUrl(),
                                        "orders/updated",
                                        UUID.randomUUID().toString(),
                                        body)
                                .statusCode());
                Thread.sleep(30);
            }
            warehouse.get(5, TimeUnit.MINUTES);
            // Every delivery the first instance got from Shopify now reaches the second as well (same webhook id).
            await(
                    Duration.ofSeconds(60),
                    () -> shop.journal().webhooks("orders/create").stream()
                                    .filter(w -> w.outcome() == Journal.WebhookOutcome.DELIVERED)
                                    .count()
                            >= ORDERS,
                    "orders/create delivered");
            List<Callable<Integer>> replays = new ArrayList<>();
            for (Journal.Webhook delivered : shop.journal().webhooks("orders/create")) {
                replays.add(() -> webhook(
                                second.baseUrl(),
                                delivered.topic(),
                                delivered.webhookId(),
                                delivered.body().getBytes(StandardCharsets.UTF_8))
                        .statusCode());
            }
            for (Future<Integer> replayed : pool.invokeAll(replays)) {
                assertEquals(200, replayed.get());
            }

            await(
                    Duration.ofSeconds(120),
                    () -> {
                        for (String sku : skus) {
                            synchronized (expected) {
                                if (shop.quantity(sku, location, "available") != expected.get(sku)) {
                                    return false;
                                }
                            }
                        }
                        return true;
                    },
                    "every quantity right on Shopify");
            await(
                    Duration.ofSeconds(120),
                    () -> count("select count(*) from webhook_delivery where outcome = " + "'RECEIVED'", fixture) == 0
                            && count("select count(*) from shop_order", fixture) >= ORDERS,
                    "every delivery processed");
            Thread.sleep(3000);

            for (String sku : skus) {
                assertEquals(
                        expected.get(sku),
                        shop.quantity(sku, location, "available"),
                        sku + ": every movement applied once, every sale once");
            }
            Set<String> keys = new HashSet<>();
            for (Journal.Mutation applied : shop.journal().applied("inventoryAdjustQuantities")) {
                assertTrue(keys.add(applied.idempotencyKey()), "push applied twice: " + applied.idempotencyKey());
            }
            assertEquals(
                    BATCHES * 10,
                    count("select count(*) from stock_movement", fixture),
                    "each movement stored once though both instances received it");
            Map<String, Long> orders = new HashMap<>();
            try (Connection db = connector.jdbc();
                    ResultSet rows = db.createStatement()
                            .executeQuery(
                                    "select shopify_order_id, count(*) from shop_order group by shopify_order_id")) {
                while (rows.next()) {
                    orders.put(rows.getString(1), rows.getLong(2));
                }
            }
            assertEquals(ORDERS, orders.size(), "one WMS order per Shopify order");
            for (Order order : placed) {
                assertEquals(1L, orders.get(order.id()), order.name() + " imported once");
            }
            Map<String, Integer> inFeed = new HashMap<>();
            JsonObject feed = json(fixture.feed(0, 500));
            feed.getJsonArray("entries")
                    .forEach(e -> inFeed.merge(e.asJsonObject().getString("shopifyOrderId"), 1, Integer::sum));
            for (Order order : placed) {
                assertEquals(1, inFeed.getOrDefault(order.id(), 0), order.name() + " once in the WMS feed");
            }
            long deliveries = count("select count(*) from webhook_delivery where topic like 'orders/%'", fixture);
            System.out.printf(
                    "TwoInstancesIT: %d movements sent to both instances (%d calls), %d orders with %d "
                            + "order deliveries stored (each id once), %d pushes applied, %d replays answered%n",
                    BATCHES * 10,
                    BATCHES * 2,
                    ORDERS,
                    deliveries,
                    keys.size(),
                    shop.journal().mutations("inventoryAdjustQuantities").stream()
                            .filter(m -> m.outcome() == Journal.Outcome.REPLAYED)
                            .count());
        } finally {
            pool.shutdownNow();
            second.stop();
        }
    }

    private static long count(String query, WmsFixture fixture) {
        try {
            return fixture.longValue(query);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> webhook(String baseUrl, String topic, String webhookId, byte[] body)
            throws Exception {
        return SandboxConnector.deliverWebhook(baseUrl, DOMAIN, topic, webhookId, body);
    }
}
