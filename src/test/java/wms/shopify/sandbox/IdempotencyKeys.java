package wms.shopify.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Shopify's idempotency keys for one store (the {@code @idempotent(key:)} directive): a key seen before with the same
 * mutation and parameters gets the first answer again without a second write; a key seen with other parameters is
 * refused with IDEMPOTENCY_KEY_PARAMETER_MISMATCH; a key whose request is still being processed (its answer not sent
 * yet) with IDEMPOTENCY_CONCURRENT_REQUEST; a key whose first attempt failed inside Shopify with
 * IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED (Shopify: "Retry with a new idempotency key"). Keys are kept for a retention
 * window (24 hours; Shopify does not publish its own).
 */
final class IdempotencyKeys {

    static final Duration RETENTION = Duration.ofHours(24);
    /** The GraphQL context entry where a request collects the keys it holds in flight until its answer is sent. */
    static final String HELD = "idempotencyKeysHeld";

    /** What a key says about a new request. */
    sealed interface Verdict {}

    /** The key is new: run the mutation. */
    record Fresh() implements Verdict {}

    /** The same request was answered before: return that answer. */
    record Replay(Object answer) implements Verdict {}

    /** The key was used with other parameters. */
    record Mismatch() implements Verdict {}

    /** A request with the key is still being processed. */
    record InFlight() implements Verdict {}

    /** The key's first attempt failed: the key is spent. */
    record PreviouslyFailed() implements Verdict {}

    private record Entry(String fingerprint, Object answer, Instant at, boolean failed) {}

    private final Map<String, Entry> entries = new HashMap<>();
    private final Set<String> inFlight = new HashSet<>();

    /** {@code fingerprint} identifies the request: mutation name and arguments in a canonical form. */
    synchronized Verdict check(String key, String fingerprint, Instant now) {
        if (inFlight.contains(key)) {
            return new InFlight();
        }
        Entry entry = entries.get(key);
        if (entry == null || entry.at().plus(RETENTION).isBefore(now)) {
            return new Fresh();
        }
        if (!entry.fingerprint().equals(fingerprint)) {
            return new Mismatch();
        }
        return entry.failed() ? new PreviouslyFailed() : new Replay(entry.answer());
    }

    synchronized void remember(String key, String fingerprint, Object answer, Instant now) {
        entries.put(key, new Entry(fingerprint, answer, now, false));
    }

    /** The attempt under this key failed inside Shopify: nothing was written, and the key may not be used again. */
    synchronized void failed(String key, String fingerprint, Instant now) {
        entries.put(key, new Entry(fingerprint, null, now, true));
    }

    /** A request starts processing under the key. */
    synchronized void begin(String key) {
        inFlight.add(key);
    }

    /** The request under the key has been answered. */
    synchronized void end(String key) {
        inFlight.remove(key);
    }
}
