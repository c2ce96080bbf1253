package wms.shopify.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import wms.shopify.platform.database.EmbeddedDatabase;
import wms.shopify.sandbox.SandboxSettings;
import wms.shopify.sandbox.Shop;
import wms.shopify.sandbox.ShopifySandbox;
import wms.shopify.sandbox.ShopifySignatures;

/**
 * The connector configured for the Shopify sandbox: a sandbox on a free port, a PostgreSQL owned by the test (so a
 * test can stop it), and a second Liberty server whose Shopify settings point at the sandbox. Started once per test
 * JVM on first use and stopped when the JVM ends; the build's own server stays pointed at real Shopify.
 */
public final class SandboxConnector {

    private static final HttpClient WEBHOOK_CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public static final String DB_NAME = "sandbox_test";
    public static final String DB_USER = "sandbox_test";
    public static final String DB_PASSWORD = "sandbox-secret";
    private static final String DB_SUPERUSER_PASSWORD = "sandbox-superuser-secret";
    /**
     * The connector is configured as an operator outside a local trial would: its own admin password, and a token
     * key and an API pepper of its own, shared by every instance of this test JVM (not generated per server).
     */
    public static final String ADMIN_PASSWORD = randomText(18);

    private static final String METRICS_PASSWORD = randomText(18);
    private static final String TOKEN_KEY = Base64.getEncoder().encodeToString(randomBytes(32));
    private static final String API_PEPPER = randomText(32);
    /** The client secret before a rotation whose window has ended: webhooks signed with it must be refused. */
    public static final String EXPIRED_PREVIOUS_SECRET = "secret-before-rotation";

    private static SandboxConnector instance;

    private final ShopifySandbox sandbox;
    private final ExtraServer server;
    private final List<String> environment;
    private final Path databaseDirectory;
    private final int databasePort;
    private EmbeddedDatabase database;

    /** Webhook retries 1000 times faster than Shopify's: the 8 retries of a failing webhook span 15 s. */
    public static final double WEBHOOK_TIME_SCALE = 0.001;

    private SandboxConnector(List<String> extraEnvironment, double webhookTimeScale) throws Exception {
        // The connector here listens on plain HTTP on localhost, which Shopify would refuse as a webhook address.
        this.sandbox =
                ShopifySandbox.startForLocalDemo(SandboxSettings.defaults().withWebhookTimeScale(webhookTimeScale));
        this.databasePort = ExtraServer.freePort();
        this.databaseDirectory = Files.createTempDirectory("sandbox-connector-db");
        this.database = startDatabase();
        int httpPort = ExtraServer.freePort();
        String base = "http://localhost:" + httpPort;
        List<String> environment = new ArrayList<>(List.of(
                "DB_HOST=localhost",
                "DB_PORT=" + this.databasePort,
                "DB_NAME=" + DB_NAME,
                "DB_USER=" + DB_USER,
                "DB_PASSWORD=" + DB_PASSWORD,
                "WMS_RETRY_SECONDS=2",
                "ALLOW_PLAIN_HTTP=true",
                "SHOPIFY_CLIENT_ID=" + SandboxSettings.DEFAULT_CLIENT_ID,
                "SHOPIFY_CLIENT_SECRET=" + SandboxSettings.DEFAULT_CLIENT_SECRET,
                "SHOPIFY_PREVIOUS_CLIENT_SECRET=" + EXPIRED_PREVIOUS_SECRET,
                "SHOPIFY_PREVIOUS_CLIENT_SECRET_UNTIL=2026-01-01T00:00:00Z",
                "SHOPIFY_SHOP_URL_TEMPLATE=" + this.sandbox.baseUrl() + "/shops/{shop}",
                "SHOPIFY_CALLBACK_URL=" + base + "/admin/shopify/callback",
                "SHOPIFY_WEBHOOK_URL=" + base + "/shopify/webhooks",
                "SHOPIFY_WEBHOOK_MAX_BYTES=1048576", // a 180-line order's orders/create is over 64 KiB (BigOrdersIT)
                "TOKEN_ENCRYPTION_KEY=" + TOKEN_KEY,
                "WMS_API_PEPPER=" + API_PEPPER,
                "ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                "METRICS_PASSWORD=" + METRICS_PASSWORD));
        environment.addAll(extraEnvironment);
        this.environment = List.copyOf(environment);
        this.server = ExtraServer.start("sandboxServer", httpPort, environment);
        ConnectorServer.awaitReady(this.server.baseUrl());
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String randomText(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    /**
     * The settings of the order and shipping tests: no order sweep, short Shopify timeouts, quick shipment retries
     * and a breaker that a test's injected faults do not open. One list, so that whichever of those classes starts
     * the test JVM's connector starts it the same way.
     */
    public static final List<String> SHIPPING_SETTINGS = List.of(
            "ORDER_SWEEP_INTERVAL_SECONDS=0",
            "SHOPIFY_REQUEST_TIMEOUT_SECONDS=3",
            "SHIPPING_MAX_ATTEMPTS=8",
            "SHIPPING_RETRY_BASE_SECONDS=1",
            "SHIPPING_RETRY_MAX_SECONDS=2",
            "SHIPPING_SWEEP_SECONDS=2",
            "SHIPPING_BREAKER_FAILURES=50");

    /** The running instance, started on first use. */
    public static SandboxConnector get() throws Exception {
        return get(List.of());
    }

    /**
     * The running instance, started on first use with these settings added to the server's environment (later
     * lines win), e.g. a shorter subscription check. A test JVM starts one connector; the first caller decides.
     */
    public static synchronized SandboxConnector get(List<String> extraEnvironment) throws Exception {
        return get(extraEnvironment, WEBHOOK_TIME_SCALE);
    }

    /**
     * As {@link #get(List)}, with the sandbox's webhook retries on another time scale: a test that keeps the
     * connector down for a while needs Shopify's retries to outlast the outage as they would (4 hours, unscaled).
     */
    public static synchronized SandboxConnector get(List<String> extraEnvironment, double webhookTimeScale)
            throws Exception {
        if (instance == null) {
            instance = new SandboxConnector(extraEnvironment, webhookTimeScale);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::shutDown));
        }
        return instance;
    }

    private EmbeddedDatabase startDatabase() throws IOException {
        return EmbeddedDatabase.start(
                this.databaseDirectory, this.databasePort, DB_NAME, DB_USER, DB_PASSWORD, DB_SUPERUSER_PASSWORD);
    }

    /** The process id of the connector's embedded PostgreSQL server (its postmaster). */
    public long databasePid() throws IOException {
        return Long.parseLong(Files.readAllLines(this.databaseDirectory.resolve("postmaster.pid"))
                .get(0)
                .trim());
    }

    /**
     * Delivers a webhook to a connector at {@code baseUrl} as Shopify does: JSON, the topic, shop, API version and
     * webhook id headers, and the body signed with the sandbox app's client secret.
     */
    public static HttpResponse<String> deliverWebhook(
            String baseUrl, String shop, String topic, String webhookId, byte[] body)
            throws IOException, InterruptedException {
        return deliverWebhook(baseUrl, shop, topic, webhookId, body, "2026-07");
    }

    /** As {@link #deliverWebhook(String, String, String, String, byte[])}, sent in this API version. */
    public static HttpResponse<String> deliverWebhook(
            String baseUrl, String shop, String topic, String webhookId, byte[] body, String apiVersion)
            throws IOException, InterruptedException {
        return WEBHOOK_CLIENT.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/shopify/webhooks"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("X-Shopify-Topic", topic)
                        .header("X-Shopify-Shop-Domain", shop)
                        .header("X-Shopify-API-Version", apiVersion)
                        .header("X-Shopify-Webhook-Id", webhookId)
                        .header(
                                "X-Shopify-Triggered-At",
                                java.time.Instant.now().toString())
                        .header(
                                "X-Shopify-Hmac-Sha256",
                                ShopifySignatures.bodyHmac(body, SandboxSettings.DEFAULT_CLIENT_SECRET))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public ShopifySandbox sandbox() {
        return this.sandbox;
    }

    public String url() {
        return this.server.baseUrl();
    }

    public ExtraServer server() {
        return this.server;
    }

    /**
     * Another instance of the connector (R6): a server of its own on a free port, configured exactly as the first
     * (same database, same sandbox, same public addresses), started and ready. The caller stops it.
     */
    public ExtraServer startAnotherInstance(String name) throws Exception {
        ExtraServer other = ExtraServer.start(name, ExtraServer.freePort(), this.environment);
        ConnectorServer.awaitReady(other.baseUrl());
        return other;
    }

    /**
     * Another instance as {@link #startAnotherInstance(String)}, with these settings changed (later lines win), e.g.
     * a server that reaches its stores as real Shopify. The caller stops it.
     */
    public ExtraServer startAnotherInstance(String name, List<String> changedEnvironment) throws Exception {
        List<String> environment = new ArrayList<>(this.environment);
        environment.addAll(changedEnvironment);
        ExtraServer other = ExtraServer.start(name, ExtraServer.freePort(), environment);
        ConnectorServer.awaitReady(other.baseUrl());
        return other;
    }

    /** A connection to the connector's database, for tests to check what was (not) stored. */
    public Connection jdbc() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + this.databasePort + "/" + DB_NAME, DB_USER, DB_PASSWORD);
    }

    /** An HTTP client signed in as the admin, keeping its session, not following redirects. */
    public HttpClient signedInAdmin() throws Exception {
        HttpClient client = ConnectorServer.client();
        get(client, "/admin/stores.xhtml");
        HttpResponse<String> signedIn = post(
                client,
                "/j_security_check",
                "j_username=admin&j_password="
                        + java.net.URLEncoder.encode(ADMIN_PASSWORD, java.nio.charset.StandardCharsets.UTF_8));
        if (signedIn.statusCode() != 302) {
            throw new IllegalStateException("sign-in failed: " + signedIn.statusCode());
        }
        return client;
    }

    /** The connector's /metrics of one scope, read as Prometheus does: HTTPS with the metrics credential. */
    public String metrics(String scope) throws IOException, InterruptedException {
        return ConnectorServer.metrics(this.server.httpsPort(), scope, "metrics", METRICS_PASSWORD)
                .body();
    }

    public HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create(url() + path))
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(HttpClient client, String path, String form)
            throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create(url() + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Add Store submitted as the browser would, to see the raw answer (status, redirect to Shopify). */
    public HttpResponse<String> addStore(HttpClient admin, String shop) throws IOException, InterruptedException {
        String page = get(admin, "/admin/store-add.xhtml").body();
        return post(
                admin,
                "/admin/store-add.xhtml",
                FacesForm.of(page, "add-store")
                        .set("add-store:shop", shop)
                        .submittedWith("add-store:install", "Connect store"));
    }

    /** Installs the app on a sandbox shop over HTTP: Add Store, the merchant's approval, Shopify's callback. */
    public void install(HttpClient admin, Shop shop) throws IOException, InterruptedException {
        String authorize =
                addStore(admin, shop.domain()).headers().firstValue("Location").orElseThrow();
        HttpResponse<String> back =
                get(admin, this.sandbox.approveInstall(authorize).substring(url().length()));
        if (back.statusCode() != 302) {
            throw new IllegalStateException("install of " + shop.domain() + " failed: " + back.body());
        }
    }

    public void stopDatabase() {
        this.database.close();
    }

    public void startDatabaseAgain() throws IOException {
        this.database = startDatabase();
    }

    private void shutDown() {
        try {
            this.server.stop();
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("Could not stop the sandbox connector: " + e);
        }
        this.database.close();
        this.sandbox.close();
    }
}
