package wms.shopify.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;

/**
 * A second Liberty server of the build's installation running the same application, configured as an operator
 * would (server.env) and on free ports: for tests that need the connector configured otherwise than the build's
 * own server (no database, the Shopify sandbox).
 */
public final class ExtraServer {

    /** What "server create" wrote in server.env, kept to write it anew with each start's environment. */
    private static final String CREATED_ENVIRONMENT = "server.env.created";

    /** What a later start keeps of the server's directory. */
    private static final java.util.Set<String> KEPT = java.util.Set.of("workarea", "resources", CREATED_ENVIRONMENT);

    private final String name;
    private final Path directory;
    private final int httpPort;
    private final int httpsPort;

    private ExtraServer(String name, Path directory, int httpPort, int httpsPort) {
        this.name = name;
        this.directory = directory;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
    }

    /**
     * Starts a server with these environment lines, configured afresh; does not wait for readiness. The server is
     * created once per build: a later start (the next test class's JVM) keeps only Liberty's workarea (so that it
     * starts warm) and the keystore it made; everything a run leaves (transaction and messaging logs, generated
     * secrets) is removed, its logs moved to {@code target/extra-server-logs/<name>-<time>}, and the configuration,
     * ports and environment are written anew.
     */
    public static ExtraServer start(String name, int httpPort, List<String> environment)
            throws IOException, InterruptedException {
        int httpsPort = freePort();
        Path wlp = ConnectorServer.wlp();
        Path directory = wlp.resolve("usr/servers/" + name);
        Path createdEnvironment = directory.resolve(CREATED_ENVIRONMENT);
        if (Files.isDirectory(directory)) {
            ConnectorServer.runServerCommand("stop", name);
        }
        if (Files.isRegularFile(createdEnvironment)) {
            // The last run's logs are kept beside the build's output, for a failure of the class that made them.
            Path logs = directory.resolve("logs");
            if (Files.isDirectory(logs)) {
                Path kept = wlp.getParent().getParent().resolve("extra-server-logs");
                Files.createDirectories(kept);
                Files.move(logs, kept.resolve(name + "-" + System.currentTimeMillis()));
            }
            try (var entries = Files.list(directory)) {
                for (Path entry : entries.toList()) {
                    if (!KEPT.contains(entry.getFileName().toString())) {
                        deleteRecursively(entry);
                    }
                }
            }
        } else {
            if (Files.isDirectory(directory)) {
                deleteRecursively(directory);
            }
            ConnectorServer.runServerCommand("create", name);
            // "server create" wrote the server's own random keystore_password in server.env, as it does for any server
            Path env = directory.resolve("server.env");
            Files.writeString(createdEnvironment, Files.isRegularFile(env) ? Files.readString(env) : "");
        }
        Path project = Path.of("").toAbsolutePath();
        Path built = wlp.resolve("usr/servers/" + System.getProperty("it.server.name", "defaultServer"));
        for (String file : List.of("server.xml", "jvm.options", "bootstrap.properties")) {
            Files.copy(
                    project.resolve("liberty").resolve(file),
                    directory.resolve(file),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        copy(built.resolve("lib/jdbc/postgresql.jar"), directory.resolve("lib/jdbc/postgresql.jar"));
        copy(
                built.resolve("apps/wms-shopify-connector.war.xml"),
                directory.resolve("apps/wms-shopify-connector.war.xml"));
        Files.writeString(
                directory.resolve("bootstrap.properties"),
                "\nhttp.port=" + httpPort + "\nhttps.port=" + httpsPort + "\n",
                StandardOpenOption.APPEND);
        Files.writeString(
                directory.resolve("server.env"),
                Files.readString(createdEnvironment) + "\n" + String.join("\n", environment) + "\n");
        ConnectorServer.runServerCommand("start", name);
        return new ExtraServer(name, directory, httpPort, httpsPort);
    }

    /** A free port, e.g. for a server that must know its own address in advance (its callback URL). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public void stop() throws IOException, InterruptedException {
        ConnectorServer.runServerCommand("stop", this.name);
    }

    /** Kills the server's JVM at once, as {@code kill -9} does: no shutdown, nothing flushed or finished. */
    public void kill() throws Exception {
        long pid = pid();
        Process kill = new ProcessBuilder("kill", "-9", String.valueOf(pid))
                .redirectErrorStream(true)
                .start();
        kill.waitFor();
        java.util.Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent()) {
            process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** The process id of the server's running JVM (from Liberty's pid file). */
    public long pid() throws IOException {
        Path pidFile = ConnectorServer.wlp().resolve("usr/servers/.pid/" + this.name + ".pid");
        return Long.parseLong(Files.readString(pidFile).trim());
    }

    /** Starts the server again as it is configured (after a stop or a kill); does not wait for readiness. */
    public void startAgain() throws IOException, InterruptedException {
        ConnectorServer.runServerCommand("start", this.name);
    }

    public String baseUrl() {
        return "http://localhost:" + this.httpPort;
    }

    /** The root URL of its HTTPS port (self-signed certificate), without a trailing slash. */
    public String httpsUrl() {
        return "https://localhost:" + this.httpsPort;
    }

    public int httpPort() {
        return this.httpPort;
    }

    /** The HTTPS port (self-signed certificate), where /metrics is read with its credential. */
    public int httpsPort() {
        return this.httpsPort;
    }

    public Path directory() {
        return this.directory;
    }

    public String log() throws IOException {
        return Files.readString(this.directory.resolve("logs/messages.log"));
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
