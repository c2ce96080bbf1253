package wms.shopify.orders.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import wms.shopify.orders.entity.FeedEntryAdded;
import wms.shopify.platform.web.RestClients;

/**
 * Optional (WMS_ORDER_CALLBACK_URL): tells the WMS at once that the feed has a new entry, by a POST of
 * {@code {"orderId", "revision", "kind", "store", "shopifyOrderId"}} after the entry committed, on its own thread,
 * retried with a growing pause (MicroProfile Fault Tolerance). Only a hint: the feed stays the source of truth, and
 * a callback that never got through loses nothing, since the entry waits in the feed until acknowledged.
 */
@ApplicationScoped
public class WmsCallback {

    private static final Logger LOG = Logger.getLogger(WmsCallback.class.getName());

    @Inject
    @ConfigProperty(name = "wms.orders.callback-url")
    java.util.Optional<String> url;

    @Inject
    WmsCallback self;

    /** The one client of the configured address, built on first use. */
    private final RestClients<WmsCallbackClient> clients =
            RestClients.of(WmsCallbackClient.class, Duration.ofSeconds(5), Duration.ofSeconds(10));

    /** Closes the client when the application stops. */
    @PreDestroy
    void closeClient() {
        this.clients.close();
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeedEntryAdded entry) {
        if (this.url.isEmpty() || this.url.get().isBlank()) {
            return;
        }
        this.self.send(entry).whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.warning(() -> "The WMS callback for order " + entry.orderId() + " (revision " + entry.revision()
                        + ") failed after its retries: " + failure + ". The entry waits in the feed.");
            }
        });
    }

    /** One POST, retried on any failure; each attempt may take 10 s. */
    @Asynchronous
    @Retry(maxRetries = 5, delay = 500, jitter = 200, maxDuration = 120_000)
    @Timeout(10_000)
    public CompletionStage<Void> send(FeedEntryAdded entry) {
        JsonObject body = Json.createObjectBuilder()
                .add("orderId", entry.orderId())
                .add("revision", entry.revision())
                .add("kind", entry.kind())
                .add("store", entry.shop())
                .add("shopifyOrderId", entry.shopifyOrderId())
                .build();
        WmsCallbackClient wms =
                this.clients.to(URI.create(this.url.orElseThrow().trim()));
        try (Response answer = wms.entryAdded(body)) {
            if (answer.getStatus() / 100 != 2) {
                throw new IllegalStateException("the WMS answered " + answer.getStatus());
            }
            return CompletableFuture.completedFuture(null);
        } catch (ProcessingException e) {
            throw new IllegalStateException("the WMS could not be reached: " + e.getMessage(), e);
        }
    }
}
