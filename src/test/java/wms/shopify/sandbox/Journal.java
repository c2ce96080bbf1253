package wms.shopify.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What happened to one sandbox store, for tests to assert on: every request received, every mutation attempted (and
 * whether it was applied, replayed from its idempotency key or rejected) and every webhook delivery attempt.
 */
public final class Journal {

    /** One HTTP request to the store's Admin API or OAuth endpoints. */
    public record Request(
            Instant at,
            String method,
            String path,
            int status,
            String operationName,
            String body,
            Integer requestedQueryCost,
            Integer actualQueryCost,
            String errorCode) {}

    /** What became of a mutation. */
    public enum Outcome {
        /** It changed the store. */
        APPLIED,
        /** Its idempotency key had been seen with the same parameters: the first answer was returned again. */
        REPLAYED,
        /** It changed nothing: user errors or a top-level error. */
        REJECTED
    }

    /**
     * One mutation: its name, idempotency key, arguments, the largest input array it carried, its outcome and the codes
     * (or messages) of its errors.
     */
    public record Mutation(
            Instant at,
            String name,
            String idempotencyKey,
            Map<String, Object> arguments,
            int largestInputArray,
            Outcome outcome,
            List<String> errors) {}

    /** One webhook delivery attempt. {@code status} is the subscriber's HTTP status, or -1 when none came back. */
    public record Webhook(
            Instant at,
            String topic,
            String uri,
            String webhookId,
            String eventId,
            int attempt,
            int status,
            WebhookOutcome outcome,
            String body) {}

    /** What became of one delivery attempt. */
    public enum WebhookOutcome {
        DELIVERED,
        FAILED,
        DROPPED
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Mutation> mutations = new CopyOnWriteArrayList<>();
    private final List<Webhook> webhooks = new CopyOnWriteArrayList<>();

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Mutation> mutations() {
        return List.copyOf(mutations);
    }

    /** The mutations of one name, e.g. {@code inventorySetQuantities}. */
    public List<Mutation> mutations(String name) {
        return mutations.stream().filter(m -> m.name().equals(name)).toList();
    }

    /** The mutations of one name that changed the store. */
    public List<Mutation> applied(String name) {
        return mutations(name).stream()
                .filter(m -> m.outcome() == Outcome.APPLIED)
                .toList();
    }

    /** The largest input array any mutation carried (Shopify refuses more than 250 entries). */
    public int largestInputArray() {
        return mutations.stream().mapToInt(Mutation::largestInputArray).max().orElse(0);
    }

    public List<Webhook> webhooks() {
        return List.copyOf(webhooks);
    }

    /** The delivery attempts of one REST topic, e.g. {@code orders/create}. */
    public List<Webhook> webhooks(String topic) {
        return webhooks.stream().filter(w -> w.topic().equals(topic)).toList();
    }

    /** Forgets everything recorded so far. */
    public void clear() {
        requests.clear();
        mutations.clear();
        webhooks.clear();
    }

    void record(Request request) {
        requests.add(request);
    }

    void record(Mutation mutation) {
        mutations.add(mutation);
    }

    void record(Webhook webhook) {
        webhooks.add(webhook);
    }
}
