package wms.shopify.stock.entity;

import java.time.Instant;

/**
 * A push claimed for sending: its stored key and input are sent exactly as they were stored, on every attempt.
 *
 * @param payload the input of the write of {@code available}; empty when the push writes only {@code safety_stock}
 * @param oldestChangeAt when the oldest movement it carries arrived (for the push latency), or null
 * @param safetyPayload the input of its second mutation, the write of {@code safety_stock} (buffers shown as safety
 *     stock), or null when it has none
 */
public record OpenPush(
        long id,
        long storeId,
        String mode,
        String idempotencyKey,
        String payload,
        int quantities,
        int attempt,
        Instant oldestChangeAt,
        String safetyPayload) {

    /** A push that writes only {@code available}. */
    public OpenPush(
            long id,
            long storeId,
            String mode,
            String idempotencyKey,
            String payload,
            int quantities,
            int attempt,
            Instant oldestChangeAt) {
        this(id, storeId, mode, idempotencyKey, payload, quantities, attempt, oldestChangeAt, null);
    }

    public boolean absolute() {
        return "ABSOLUTE".equals(this.mode);
    }

    /** Whether it writes {@code available} (else only {@code safety_stock}). */
    public boolean writesAvailable() {
        return this.payload != null && !this.payload.isEmpty();
    }

    /** Whether it writes {@code safety_stock} too. */
    public boolean writesSafetyStock() {
        return this.safetyPayload != null;
    }

    /**
     * The idempotency key of its {@code safety_stock} mutation: derived from the push's own, so every attempt sends
     * the same (Shopify refuses one key with other parameters, and the two mutations differ).
     */
    public String safetyIdempotencyKey() {
        return this.idempotencyKey + ":safety_stock";
    }
}
