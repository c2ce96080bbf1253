package wms.shopify.stock.control;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One write to Shopify and the movements behind it (what its referenceDocumentUri leads to).
 *
 * @param state sending, pushed, stale (refused by compare-and-set, recomputed in a new push), rejected (refused by
 *        Shopify; its entries parked or pushed again) or failed (parked after repeated failures, retried later)
 */
@Schema(name = "StockPush", description = "One write to Shopify and the movements behind it.")
public record PushView(
        long id,
        String store,
        String mode,
        String state,
        int quantities,
        int attempts,
        String reason,
        Instant createdAt,
        Instant finishedAt,
        List<Movement> movements) {

    @Schema(name = "StockPushMovement")
    public record Movement(
            String movementId,
            String type,
            String product,
            String warehouse,
            long delta,
            long sellableAfter,
            long sequence) {}
}
