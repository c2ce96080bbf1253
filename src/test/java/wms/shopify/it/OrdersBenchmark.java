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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Order;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.SandboxSettings;
import wms.shopify.sandbox.SharedDir;
import wms.shopify.sandbox.Shop;
import wms.shopify.sandbox.ShopifySignatures;

/**
 * P4 benchmark, not part of the default run (its name does not end in IT): 500 {@code orders/create} webhooks sent
 * by 50 concurrent senders to the connector (against the Shopify sandbox, where the 500 orders were placed with
 * the sandbox's own deliveries switched off). Prints the acknowledgement latencies (p50, p95, p99, max) and the time
 * from the last acknowledgement until all 500 orders are in the WMS feed, for a running server (a first round of 200
 * right after a restart shows the cold case), and for P6 the start-up time and the server's resident memory at rest
 * and at its peak under the load. Asserts only that every webhook was acknowledged with 200 and every order reached
 * the feed exactly once, never a time.
 *
 * <pre>DB_PORT=15732 ./mvnw verify -Dit.test=OrdersBenchmark -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class OrdersBenchmark {

    private static final String DOMAIN = "orders-bench.myshopify.com";
    private static final int ORDERS = 500;
    private static final int SENDERS = 50;
    private static final int WARM_UP = 200;
    private static final String IN_FEED = "select count(*) from shop_order o join store s on s.id = o.store_id "
            + "where s.domain = '" + DOMAIN + "' and o.feed_pending";
    private static final Pattern TOKEN = Pattern.compile("<code id=\"new-secret\"[^>]*>([^<]+)</code>");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private SandboxConnector connector;
    private String token;

    @Test
    void fiveHundredOrdersCreateFromFiftySenders() throws Exception {
        List<String> environment = new ArrayList<>(List.of("ORDER_SWEEP_INTERVAL_SECONDS=0"));
        if (System.getenv("BENCH_CONSUMERS") != null) {
            environment.add("WEBHOOK_CONSUMERS=" + System.getenv("BENCH_CONSUMERS"));
        }
        if (System.getenv("BENCH_JVM_ARGS") != null) {
            environment.add("JVM_ARGS=" + System.getenv("BENCH_JVM_ARGS"));
        }
        this.connector = SandboxConnector.get(environment);
        Shop shop = this.connector.sandbox().createShop(DOMAIN, Plan.PLUS);
        Location main = shop.addLocation("Bench main");
        shop.addProduct("Bench shirt", "B-SHIRT");
        shop.stock("B-SHIRT", main, 100_000);
        HttpClient admin = this.connector.signedInAdmin();
        this.connector.install(admin, shop);
        try (Connection db = this.connector.jdbc()) {
            db.createStatement()
                    .executeUpdate(
                            "insert into warehouse (code, name, updated_at) values " + "('WH-BENCH', 'Bench', now())");
            db.createStatement()
                    .executeUpdate("update store_location set warehouse_id = (select id from warehouse "
                            + "where code = 'WH-BENCH'), default_for_orders = true where shopify_location_id = '"
                            + main.id()
                            + "'");
        }
        String page = this.connector.get(admin, "/admin/wms-api.xhtml").body();
        Matcher matcher = TOKEN.matcher(this.connector
                .post(
                        admin,
                        "/admin/wms-api.xhtml",
                        FacesForm.of(page, "create")
                                .set("create:name", "orders-benchmark")
                                .submittedWith("create:create-credential", "Create credential"))
                .body());
        assertTrue(matcher.find());
        this.token = matcher.group(1).trim();
        assertEquals(
                200,
                api("PUT", "/api/v1/products", "[{\"code\":\"W-BENCH\",\"sku\":\"B-SHIRT\",\"name\":\"B\"}]")
                        .statusCode());
        assertEquals(
                202,
                api("POST", "/api/v1/stores/" + DOMAIN + "/product-sync", null).statusCode());
        awaitMapped();

        // P6 start-up: the configured server stopped and started as an operator does, until it answers ready.
        this.connector.server().stop();
        Instant starting = Instant.now();
        this.connector.server().startAgain();
        ConnectorServer.awaitReady(this.connector.url());
        Duration startUp = Duration.between(starting, Instant.now());
        long pid = this.connector.server().pid();

        long restingRss = residentKib(pid);
        AtomicLong peakRss = new AtomicLong(restingRss);
        ScheduledExecutorService rssSampler = Executors.newSingleThreadScheduledExecutor();
        rssSampler.scheduleAtFixedRate(
                () -> peakRss.accumulateAndGet(residentKib(pid), Math::max), 0, 100, TimeUnit.MILLISECONDS);
        // A server that has just started meets its first webhooks with nothing loaded, compiled or pooled yet;
        // Shopify's storms reach a server that has been running. The first round shows the cold case, the second
        // (the measured P4 round) a running server.
        Storm cold = storm(shop, main, WARM_UP);
        Storm warm = storm(shop, main, ORDERS);
        if (System.getenv("BENCH_JFR_DUMP") != null) {
            new ProcessBuilder("jcmd", Long.toString(pid), "JFR.dump", "filename=" + System.getenv("BENCH_JFR_DUMP"))
                    .inheritIO()
                    .start()
                    .waitFor();
        }
        rssSampler.shutdown();
        assertEquals(
                WARM_UP + ORDERS,
                count("select count(*) from shop_order o join store s on s.id = o.store_id " + "where s.domain = '"
                        + DOMAIN + "'"),
                "exactly once");

        System.out.printf("%nP4: %d orders/create webhooks from %d concurrent senders%n", ORDERS, SENDERS);
        warm.print();
        System.out.printf("  (just after start-up, the first %d webhooks:)%n", WARM_UP);
        cold.print();
        String metrics = this.connector.metrics("application");
        System.out.printf(
                "  server's own answer time, both rounds (webhook_answer_time on /metrics): p50 %s ms, "
                        + "p99 %s ms, max %s ms%n",
                metric(metrics, "webhook_answer_time_seconds{", "quantile=\"0.5\""),
                metric(metrics, "webhook_answer_time_seconds{", "quantile=\"0.99\""),
                metric(metrics, "webhook_answer_time_seconds_max{", ""));
        System.out.printf(
                "P6: start-up to ready %.1f s; resident memory %d MiB at rest, peak %d MiB under P4%n%n",
                startUp.toMillis() / 1000.0, restingRss / 1024, peakRss.get() / 1024);
    }

    /** What one round of webhooks measured. */
    private record Storm(List<Long> sortedLatencies, Duration sending, Duration toFeed, ProcessCpu cpu) {

        void print() {
            System.out.printf("  sending took           %d ms%n", this.sending.toMillis());
            System.out.printf("  ack latency p50        %.1f ms%n", percentile(this.sortedLatencies, 50));
            System.out.printf("  ack latency p95        %.1f ms%n", percentile(this.sortedLatencies, 95));
            System.out.printf("  ack latency p99        %.1f ms%n", percentile(this.sortedLatencies, 99));
            System.out.printf(
                    "  ack latency max        %.1f ms%n",
                    this.sortedLatencies.get(this.sortedLatencies.size() - 1) / 1e6);
            System.out.printf("  last ack to all in feed %d ms%n", this.toFeed.toMillis());
            int webhooks = this.sortedLatencies.size();
            System.out.printf(
                    "  CPU per webhook, from the first send until all in the feed: connector %.1f ms, its "
                            + "PostgreSQL %.1f ms, test JVM (senders and the sandbox answering the order reads) %.1f ms%n",
                    this.cpu.connector() / webhooks, this.cpu.database() / webhooks, this.cpu.tests() / webhooks);
        }
    }

    /**
     * Places this many orders on the sandbox with its own deliveries off, sends their orders/create webhooks from
     * the senders, and waits until all of them are in the WMS feed. Asserts every webhook was answered 200.
     */
    private Storm storm(Shop shop, Location location, int orderCount) throws Exception {
        shop.faults().webhookDropShare(1.0); // the benchmark sends the webhooks itself
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < orderCount; i++) {
            orders.add(shop.placeOrder(location, true, Map.of("B-SHIRT", 1)));
        }
        Thread.sleep(500);
        shop.faults().none();
        long alreadyInFeed = count(IN_FEED);
        // Each body is Shopify's published sample order (27 KiB) with this order's ids, compact as Shopify sends it.
        JsonObject sample;
        try (var reader = Json.createReader(
                java.nio.file.Files.newBufferedReader(SharedDir.file("shopify/samples/order.json")))) {
            sample = reader.readObject();
        }
        List<byte[]> requests = new ArrayList<>();
        for (Order order : orders) {
            requests.add(webhookRequest(Json.createObjectBuilder(sample)
                    .add("id", order.legacyResourceId())
                    .add("admin_graphql_api_id", order.id())
                    .build()
                    .toString()
                    .getBytes(StandardCharsets.UTF_8)));
        }

        ProcessCpu before = ProcessCpu.of(this.connector);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        Instant started = Instant.now();
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            done.add(senders.submit(() -> {
                try (Sender sender = new Sender(this.connector.server().httpPort())) {
                    for (int i = next.getAndIncrement(); i < orderCount; i = next.getAndIncrement()) {
                        byte[] request = requests.get(i);
                        long t0 = System.nanoTime();
                        int status = sender.send(request);
                        latencies.add(System.nanoTime() - t0);
                        if (status != 200) {
                            refused.incrementAndGet();
                        }
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

        long inFeed = 0;
        Instant until = lastAck.plusSeconds(300);
        while (Instant.now().isBefore(until)) {
            inFeed = count(IN_FEED) - alreadyInFeed;
            if (inFeed >= orderCount) {
                break;
            }
            Thread.sleep(50);
        }
        Instant allInFeed = Instant.now();
        assertEquals(orderCount, inFeed, "every order in the feed");
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Storm(
                sorted,
                Duration.between(started, lastAck),
                Duration.between(lastAck, allInFeed),
                ProcessCpu.of(this.connector).minus(before));
    }

    /** The resident set size of a process in KiB (Linux /proc), 0 when it cannot be read. */
    private static long residentKib(long pid) {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** A status-200 webhook_answer_time figure from the Prometheus text, in milliseconds. */
    private static String metric(String metrics, String name, String label) {
        return metrics.lines()
                .filter(line -> line.startsWith(name) && line.contains("status=\"200\"") && line.contains(label))
                .findFirst()
                .map(line ->
                        String.format("%.1f", Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) * 1000))
                .orElse("n/a");
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    /** The bytes of one signed orders/create delivery, as Shopify would send it. */
    private byte[] webhookRequest(byte[] body) {
        String head = "POST /shopify/webhooks HTTP/1.1\r\n"
                + "Host: localhost:" + this.connector.server().httpPort() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "X-Shopify-Topic: orders/create\r\n"
                + "X-Shopify-Shop-Domain: " + DOMAIN + "\r\n"
                + "X-Shopify-API-Version: 2026-07\r\n"
                + "X-Shopify-Webhook-Id: " + UUID.randomUUID() + "\r\n"
                + "X-Shopify-Triggered-At: " + java.time.Instant.now() + "\r\n"
                + "X-Shopify-Hmac-Sha256: " + ShopifySignatures.bodyHmac(body, SandboxSettings.DEFAULT_CLIENT_SECRET)
                + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = java.util.Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /**
     * One sender: a kept-alive HTTP/1.1 connection written and read directly, so that the senders (Shopify's
     * machines in production) take as little as possible of the two cores the connector runs on. Reads the status
     * line and the headers, then the body by Content-Length or chunks.
     */
    private static final class Sender implements AutoCloseable {

        private final int port;
        private java.net.Socket socket;
        private java.io.BufferedInputStream in;

        Sender(int port) {
            this.port = port;
        }

        int send(byte[] request) throws java.io.IOException {
            if (this.socket == null) {
                this.socket = new java.net.Socket("localhost", this.port);
                this.socket.setTcpNoDelay(true);
                this.socket.setSoTimeout(30_000);
                this.in = new java.io.BufferedInputStream(this.socket.getInputStream());
            }
            this.socket.getOutputStream().write(request);
            this.socket.getOutputStream().flush();
            String status = line();
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16);
                        size > 0;
                        size = Long.parseLong(line().trim(), 16)) {
                    this.in.skipNBytes(size);
                    line();
                }
                line();
            } else if (length > 0) {
                this.in.skipNBytes(length);
            }
            if (close) {
                close();
            }
            return Integer.parseInt(status.split(" ")[1]);
        }

        private String line() throws java.io.IOException {
            StringBuilder line = new StringBuilder();
            for (int c = this.in.read(); c != '\n'; c = this.in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException("connection closed by the server");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws java.io.IOException {
            if (this.socket != null) {
                this.socket.close();
                this.socket = null;
            }
        }
    }

    private void awaitMapped() throws Exception {
        Instant until = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(until)) {
            JsonObject latest = Json.createReader(
                            new StringReader(api("GET", "/api/v1/stores/" + DOMAIN + "/product-sync", null)
                                    .body()))
                    .readObject();
            if (!"running".equals(latest.getString("state"))) {
                assertEquals(1, latest.getInt("matched"));
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Sync Products did not end");
    }

    private long count(String sql) throws Exception {
        try (Connection db = this.connector.jdbc();
                ResultSet result = db.createStatement().executeQuery(sql)) {
            return result.next() ? result.getLong(1) : 0;
        }
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.connector.url() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + this.token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
