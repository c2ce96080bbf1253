package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Order;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.SandboxSettings;
import wms.shopify.sandbox.Shop;
import wms.shopify.sandbox.ShopifySignatures;

/**
 * P4 benchmark, not part of the default run (its name does not end in IT): 500 {@code orders/create} webhooks sent
 * by 50 concurrent senders to the connector (against the Shopify sandbox, where the 500 orders were placed with
 * the sandbox's own deliveries switched off). Prints the acknowledgement latencies (p50, p95, p99, max) and the time
 * from the last acknowledgement until all 500 orders are in the WMS feed. Asserts only that every webhook was
 * acknowledged with 200 and every order reached the feed exactly once, never a time.
 *
 * <pre>DB_PORT=15732 ./mvnw verify -Dit.test=OrdersBenchmark -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class OrdersBenchmark {

    private static final String DOMAIN = "orders-bench.myshopify.com";
    private static final int ORDERS = 500;
    private static final int SENDERS = 50;
    private static final int WARM_FROM = 100;
    private static final Pattern TOKEN = Pattern.compile("<code id=\"new-secret\"[^>]*>([^<]+)</code>");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private SandboxConnector connector;
    private String token;

    @Test
    void fiveHundredOrdersCreateFromFiftySenders() throws Exception {
        this.connector = SandboxConnector.get(List.of("ORDER_SWEEP_INTERVAL_SECONDS=0",
                "WEBHOOK_CONSUMERS=" + java.util.Objects.requireNonNullElse(System.getenv("BENCH_CONSUMERS"), "4")));
        Shop shop = this.connector.sandbox().createShop(DOMAIN, Plan.PLUS);
        Location main = shop.addLocation("Bench main");
        shop.addProduct("Bench shirt", "B-SHIRT");
        shop.stock("B-SHIRT", main, 100_000);
        HttpClient admin = this.connector.signedInAdmin();
        this.connector.install(admin, shop);
        try (Connection db = this.connector.jdbc()) {
            db.createStatement().executeUpdate("insert into warehouse (code, name, updated_at) values "
                    + "('WH-BENCH', 'Bench', now())");
            db.createStatement().executeUpdate("update store_location set warehouse_id = (select id from warehouse "
                    + "where code = 'WH-BENCH'), default_for_orders = true where shopify_location_id = '" + main.id()
                    + "'");
        }
        String page = this.connector.get(admin, "/admin/wms-api.xhtml").body();
        Matcher matcher = TOKEN.matcher(this.connector.post(admin, "/admin/wms-api.xhtml", FacesForm.of(page, "create")
                .set("create:name", "orders-benchmark").submittedWith("create:create-credential", "Create credential"))
                .body());
        assertTrue(matcher.find());
        this.token = matcher.group(1).trim();
        assertEquals(200, api("PUT", "/api/v1/products", "[{\"code\":\"W-BENCH\",\"sku\":\"B-SHIRT\",\"name\":\"B\"}]")
                .statusCode());
        assertEquals(202, api("POST", "/api/v1/stores/" + DOMAIN + "/product-sync", null).statusCode());
        awaitMapped();

        shop.faults().webhookDropShare(1.0); // the benchmark sends the webhooks itself
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            orders.add(shop.placeOrder(main, true, Map.of("B-SHIRT", 1)));
        }
        Thread.sleep(500);
        shop.faults().none();

        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long[] bySendOrder = new long[ORDERS];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        Instant started = Instant.now();
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            done.add(senders.submit(() -> {
                for (int i = next.getAndIncrement(); i < ORDERS; i = next.getAndIncrement()) {
                    Order order = orders.get(i);
                    byte[] body = ("{\"id\":" + order.legacyResourceId() + ",\"admin_graphql_api_id\":\"" + order.id()
                            + "\"}").getBytes(StandardCharsets.UTF_8);
                    long t0 = System.nanoTime();
                    int status = webhook(body);
                    latencies.add(System.nanoTime() - t0);
                    bySendOrder[i] = System.nanoTime() - t0;
                    if (status != 200) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        Instant lastAck = Instant.now();
        senders.shutdown();
        assertEquals(0, refused.get(), "every webhook acknowledged with 200");

        String prefix = "gid://shopify/Order/";
        long inFeed = 0;
        Instant until = lastAck.plusSeconds(300);
        while (Instant.now().isBefore(until)) {
            inFeed = count("select count(*) from shop_order o join store s on s.id = o.store_id where s.domain = '"
                    + DOMAIN + "' and o.feed_pending and o.shopify_order_id like '" + prefix + "%'");
            if (inFeed >= ORDERS) {
                break;
            }
            Thread.sleep(50);
        }
        Instant allInFeed = Instant.now();
        assertEquals(ORDERS, inFeed, "every order in the feed");
        assertEquals(ORDERS, count("select count(*) from shop_order o join store s on s.id = o.store_id where "
                + "s.domain = '" + DOMAIN + "'"), "exactly once");

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%nP4: %d orders/create webhooks from %d concurrent senders%n", ORDERS, SENDERS);
        System.out.printf("  sending took           %d ms%n", Duration.between(started, lastAck).toMillis());
        System.out.printf("  ack latency p50        %.1f ms%n", percentile(sorted, 50));
        System.out.printf("  ack latency p95        %.1f ms%n", percentile(sorted, 95));
        System.out.printf("  ack latency p99        %.1f ms%n", percentile(sorted, 99));
        System.out.printf("  ack latency max        %.1f ms%n", sorted.get(sorted.size() - 1) / 1e6);
        // The first webhooks meet a cold server (connection pool empty, code not yet compiled): shown apart.
        List<Long> warm = new ArrayList<>();
        for (int i = WARM_FROM; i < ORDERS; i++) {
            warm.add(bySendOrder[i]);
        }
        Collections.sort(warm);
        System.out.printf("  webhooks %d-%d only: ack p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", WARM_FROM + 1, ORDERS,
                percentile(warm, 50), percentile(warm, 95), percentile(warm, 99));
        System.out.printf("  last ack to all in feed %d ms%n%n", Duration.between(lastAck, allInFeed).toMillis());
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private int webhook(byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(this.connector.url() + "/shopify/webhooks"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Shop-Domain", DOMAIN)
                .header("X-Shopify-API-Version", "2026-07")
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                .header("X-Shopify-Hmac-Sha256", ShopifySignatures.bodyHmac(body, SandboxSettings.DEFAULT_CLIENT_SECRET))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private void awaitMapped() throws Exception {
        Instant until = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(until)) {
            JsonObject latest = Json.createReader(new StringReader(api("GET", "/api/v1/stores/" + DOMAIN
                    + "/product-sync", null).body())).readObject();
            if (!"running".equals(latest.getString("state"))) {
                assertEquals(1, latest.getInt("matched"));
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Sync Products did not end");
    }

    private long count(String sql) throws Exception {
        try (Connection db = this.connector.jdbc(); ResultSet result = db.createStatement().executeQuery(sql)) {
            return result.next() ? result.getLong(1) : 0;
        }
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.connector.url() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + this.token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
