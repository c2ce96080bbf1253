package wms.shopify.stock.control;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A drift reconciliation of one store: running, or its result.
 *
 * @param report the differences found (at most 200), as a JSON array of {sku, inventoryItemId, locationId,
 *        shopify, wms}
 * @param levelsRead Shopify levels of mapped, tracked variants read so far
 * @param total at most how many levels there are to read (mapped, tracked variants × mapped locations); absent
 *        while not known
 * @param cancelRequested whether it was asked to stop (it does before its next page of levels)
 */
@Schema(name = "StockReconciliation", description = "A drift reconciliation of one store.")
public record ReconciliationView(
        long id,

        @Schema(enumeration = {"running", "succeeded", "failed", "cancelled"})
        String state,

        Instant startedAt,
        String startedBy,
        Instant finishedAt,
        int checked,
        int differences,
        int corrected,
        String report,
        String message,
        int levelsRead,
        Integer total,
        boolean cancelRequested) {

    /** How far it has come: levels read, of at most how many. */
    public wms.shopify.platform.time.Progress progress() {
        return new wms.shopify.platform.time.Progress(
                this.levelsRead, this.total == null ? null : this.total.longValue(), this.startedAt);
    }
}
