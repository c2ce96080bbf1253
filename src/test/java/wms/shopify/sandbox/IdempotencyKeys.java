package wms.shopify.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Shopify's idempotency keys for one store (the {@code @idempotent(key:)} directive): a key seen before with the same
 * mutation and parameters gets the first answer again without a second write; a key seen with other parameters is
 * refused with IDEMPOTENCY_KEY_PARAMETER_MISMATCH. Keys are kept for a retention window (24 hours; Shopify does not
 * publish its own).
 */
final class IdempotencyKeys {

    static final Duration RETENTION = Duration.ofHours(24);

    /** What a key says about a new request. */
    sealed interface Verdict {
    }

    /** The key is new: run the mutation. */
    record Fresh() implements Verdict {
    }

    /** The same request was answered before: return that answer. */
    record Replay(Object answer) implements Verdict {
    }

    /** The key was used with other parameters. */
    record Mismatch() implements Verdict {
    }

    private record Entry(String fingerprint, Object answer, Instant at) {
    }

    private final Map<String, Entry> entries = new HashMap<>();

    /** {@code fingerprint} identifies the request: mutation name and arguments in a canonical form. */
    Verdict check(String key, String fingerprint, Instant now) {
        Entry entry = entries.get(key);
        if (entry == null || entry.at().plus(RETENTION).isBefore(now)) {
            return new Fresh();
        }
        return entry.fingerprint().equals(fingerprint) ? new Replay(entry.answer()) : new Mismatch();
    }

    void remember(String key, String fingerprint, Object answer, Instant now) {
        entries.put(key, new Entry(fingerprint, answer, now));
    }
}
