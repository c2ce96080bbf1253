package wms.shopify.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * An app's webhook endpoint for tests: it records every delivery (headers with lower-case names, the exact body bytes,
 * when it arrived) and answers each call with the status a test chose for that call number (1, 2, ...).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One delivery as the app received it. */
    record Delivery(Map<String, String> headers, byte[] body, long arrivedAtNanos) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String topic() {
            return header("X-Shopify-Topic");
        }

        JsonNode json() {
            try {
                return AdminClient.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    private WebhookReceiver(IntUnaryOperator statusForCall) throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long arrived = System.nanoTime();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            int status = statusForCall.applyAsInt(calls.incrementAndGet());
            deliveries.add(new Delivery(headers, body, arrived));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** An endpoint that accepts everything with 200. */
    static WebhookReceiver accepting() throws IOException {
        return new WebhookReceiver(call -> 200);
    }

    /** An endpoint whose answer depends on the call number, e.g. {@code call -> call <= 7 ? 500 : 200}. */
    static WebhookReceiver answering(IntUnaryOperator statusForCall) throws IOException {
        return new WebhookReceiver(statusForCall);
    }

    String uri() {
        return "http://localhost:" + server.getAddress().getPort() + "/webhooks";
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    List<Delivery> deliveries(String topic) {
        return deliveries.stream().filter(d -> topic.equals(d.topic())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
