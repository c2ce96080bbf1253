package wms.shopify.stock.entity;

import java.time.Instant;

/**
 * A push claimed for sending: its stored key and input are sent exactly as they were stored, on every attempt.
 *
 * @param oldestChangeAt when the oldest movement it carries arrived (for the push latency), or null
 */
public record OpenPush(
        long id,
        long storeId,
        String mode,
        String idempotencyKey,
        String payload,
        int quantities,
        int attempt,
        Instant oldestChangeAt) {

    public boolean absolute() {
        return "ABSOLUTE".equals(this.mode);
    }
}
