package wms.shopify.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import wms.shopify.platform.database.EmbeddedDatabase;
import wms.shopify.sandbox.SandboxSettings;
import wms.shopify.sandbox.ShopifySandbox;

/**
 * The connector configured for the Shopify sandbox: a sandbox on a free port, a PostgreSQL owned by the test (so a
 * test can stop it), and a second Liberty server whose Shopify settings point at the sandbox. Started once per test
 * JVM on first use and stopped when the JVM ends; the build's own server stays pointed at real Shopify.
 */
public final class SandboxConnector {

    public static final String DB_NAME = "sandbox_test";
    public static final String DB_USER = "sandbox_test";
    public static final String DB_PASSWORD = "sandbox-secret";
    /** The client secret before a rotation whose window has ended: webhooks signed with it must be refused. */
    public static final String EXPIRED_PREVIOUS_SECRET = "secret-before-rotation";
    private static SandboxConnector instance;

    private final ShopifySandbox sandbox;
    private final ExtraServer server;
    private final Path databaseDirectory;
    private final int databasePort;
    private EmbeddedDatabase database;

    private SandboxConnector() throws Exception {
        this.sandbox = ShopifySandbox.start(SandboxSettings.defaults().withWebhookTimeScale(0.001));
        this.databasePort = ExtraServer.freePort();
        this.databaseDirectory = Files.createTempDirectory("sandbox-connector-db");
        this.database = startDatabase();
        int httpPort = ExtraServer.freePort();
        String base = "http://localhost:" + httpPort;
        this.server = ExtraServer.start("sandboxServer", httpPort, List.of("DB_HOST=localhost",
                "DB_PORT=" + this.databasePort, "DB_NAME=" + DB_NAME, "DB_USER=" + DB_USER,
                "DB_PASSWORD=" + DB_PASSWORD, "WMS_RETRY_SECONDS=2",
                "SHOPIFY_CLIENT_ID=" + SandboxSettings.DEFAULT_CLIENT_ID,
                "SHOPIFY_CLIENT_SECRET=" + SandboxSettings.DEFAULT_CLIENT_SECRET,
                "SHOPIFY_PREVIOUS_CLIENT_SECRET=" + EXPIRED_PREVIOUS_SECRET,
                "SHOPIFY_PREVIOUS_CLIENT_SECRET_UNTIL=2026-01-01T00:00:00Z",
                "SHOPIFY_SHOP_URL_TEMPLATE=" + this.sandbox.baseUrl() + "/shops/{shop}",
                "SHOPIFY_CALLBACK_URL=" + base + "/admin/shopify/callback",
                "SHOPIFY_WEBHOOK_URL=" + base + "/shopify/webhooks",
                "SHOPIFY_WEBHOOK_MAX_BYTES=65536",
                "TOKEN_ENCRYPTION_KEY=" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        ConnectorServer.awaitReady(this.server.baseUrl());
    }

    /** The running instance, started on first use. */
    public static synchronized SandboxConnector get() throws Exception {
        if (instance == null) {
            instance = new SandboxConnector();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::shutDown));
        }
        return instance;
    }

    private EmbeddedDatabase startDatabase() throws IOException {
        return EmbeddedDatabase.start(this.databaseDirectory, this.databasePort, DB_NAME, DB_USER, DB_PASSWORD);
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

    /** A connection to the connector's database, for tests to check what was (not) stored. */
    public Connection jdbc() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + this.databasePort + "/" + DB_NAME,
                DB_USER, DB_PASSWORD);
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
