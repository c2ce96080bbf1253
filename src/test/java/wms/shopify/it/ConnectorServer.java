package wms.shopify.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.microshed.testing.ManuallyStartedConfiguration;

/**
 * The connector's Liberty server that the build started for the integration tests (MicroShed's manual
 * environment tells where it is), and what the tests do with it over HTTP: call it, wait for readiness, restart
 * it.
 */
public final class ConnectorServer {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(150);

    private ConnectorServer() {}

    /** The root URL of the connector, without a trailing slash. */
    public static String url() {
        String url = new ManuallyStartedConfiguration().getApplicationURL();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public static URI uri(String path) {
        return URI.create(url() + path);
    }

    /** A client that keeps cookies (the admin session) and does not follow redirects, so tests can see them. */
    public static HttpClient client() {
        // HTTP/1.1 as browsers speak it over plain HTTP: no h2c upgrade attempt on the first request.
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public static HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * {@code /metrics?scope=...} of the server with this HTTPS port, read as Prometheus does: over HTTPS (the
     * server's self-signed certificate trusted) with the metrics credential (METRICS_USER, default metrics/metrics).
     */
    public static HttpResponse<String> metrics(int httpsPort, String scope) throws IOException, InterruptedException {
        return metrics(
                httpsPort,
                scope,
                "metrics",
                generatedSecret(secretsFile(serverName()), "wms.generated.metrics-password"));
    }

    /** As {@link #metrics(int, String)} with another user, or none when {@code user} is null. */
    public static HttpResponse<String> metrics(int httpsPort, String scope, String user, String password)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("https://localhost:" + httpsPort + "/metrics?scope=" + scope))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + java.util.Base64.getEncoder()
                                    .encodeToString(
                                            (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return httpsClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The HTTPS port of the build's server. */
    public static int httpsPort() {
        return Integer.parseInt(System.getProperty("it.https.port", "9443"));
    }

    /**
     * A client that trusts the test server's self-signed certificate (and nothing is sent elsewhere), keeps cookies
     * (the admin session, Secure over HTTPS) and does not follow redirects: how an operator's browser reaches a
     * server that serves its admin pages over HTTPS only.
     */
    public static HttpClient httpsClient() {
        try {
            javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
            tls.init(
                    null,
                    new javax.net.ssl.TrustManager[] {
                        new javax.net.ssl.X509TrustManager() {
                            @Override
                            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) {
                                // not a client certificate check
                            }

                            @Override
                            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {
                                // the test server's own self-signed certificate on localhost
                            }

                            @Override
                            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                                return new java.security.cert.X509Certificate[0];
                            }
                        }
                    },
                    new java.security.SecureRandom());
            javax.net.ssl.SSLParameters parameters = new javax.net.ssl.SSLParameters();
            parameters.setEndpointIdentificationAlgorithm(null);
            return HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .sslContext(tls)
                    .sslParameters(parameters)
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls readiness until it answers 200, failing with the last answer when it does not in time. */
    public static void awaitReady(String baseUrl) throws InterruptedException {
        HttpClient client = client();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The connector at " + baseUrl + " did not become ready within " + READY_TIMEOUT
                + "; last answer: " + last);
    }

    /** Stops and starts the connector's server the way an operator does, then waits for readiness. */
    public static void restart() throws IOException, InterruptedException {
        String server = System.getProperty("it.server.name", "defaultServer");
        runServerCommand("stop", server);
        runServerCommand("start", server);
        awaitReady(url());
    }

    /** Runs Liberty's {@code server} script of the build's installation with a command and a server name. */
    public static void runServerCommand(String command, String server) throws IOException, InterruptedException {
        Path script = wlp().resolve("bin/server");
        Process process = new ProcessBuilder(List.of(script.toString(), command, server))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("server " + command + " " + server + " did not finish in 180 s");
        }
        int exit = process.exitValue();
        // 1 from "stop" means the server was not running, which is what a stop wants.
        if (exit != 0 && !(command.equals("stop") && exit == 1)) {
            throw new AssertionError("server " + command + " " + server + " exited with " + exit + ": " + output);
        }
    }

    /**
     * A connection to the server's embedded database (port {@code it.db.port}, the default name, user and password),
     * for tests that write rows the way the connector would have, or check what it stored.
     */
    public static java.sql.Connection database() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + System.getProperty("it.db.port", "15432") + "/wms_shopify",
                "wms_shopify",
                databasePassword());
    }

    /**
     * The admin password the build's server generated on its first start, read where an operator reads it: the
     * server's secrets file beside its embedded database.
     */
    public static String adminPassword() throws IOException {
        return generatedSecret(secretsFile(serverName()), "wms.generated.admin-password");
    }

    /**
     * The password of the connector's own database user on the build's server: Liberty's random
     * {@code keystore_password} of the server's server.env, which the connector takes when DB_PASSWORD is not set.
     */
    public static String databasePassword() {
        try {
            return Files.readAllLines(wlp().resolve("usr/servers/" + serverName() + "/server.env")).stream()
                    .filter(line -> line.startsWith("keystore_password="))
                    .map(line -> line.substring(18))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no keystore_password in the server.env"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String serverName() {
        return System.getProperty("it.server.name", "defaultServer");
    }

    /** The secrets file of a server of the build's installation that keeps its embedded database at the default. */
    public static Path secretsFile(String server) {
        return wlp().resolve("usr/servers/" + server + "/embedded-postgres-secrets.xml");
    }

    /** One value of a connector's secrets file (a Liberty configuration file of variables). */
    public static String generatedSecret(Path file, String variable) throws IOException {
        java.util.regex.Matcher value = java.util.regex.Pattern.compile(
                        "<variable name=\"" + java.util.regex.Pattern.quote(variable) + "\" value=\"([^\"]+)\"/>")
                .matcher(Files.readString(file));
        if (!value.find()) {
            throw new AssertionError("no " + variable + " in " + file);
        }
        return value.group(1);
    }

    /** The Liberty installation the build created. */
    public static Path wlp() {
        Path wlp = Path.of(System.getProperty("it.wlp.dir", "target/liberty/wlp"));
        if (!Files.isDirectory(wlp)) {
            throw new IllegalStateException("No Liberty installation at " + wlp.toAbsolutePath()
                    + ": run the integration tests through Maven (./mvnw verify)");
        }
        return wlp;
    }
}
