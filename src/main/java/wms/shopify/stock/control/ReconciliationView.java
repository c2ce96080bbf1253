package wms.shopify.stock.control;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A drift reconciliation of one store: running, or its result.
 *
 * @param report the differences found (at most 200), as a JSON array of {sku, inventoryItemId, locationId,
 *        shopify, wms}
 */
@Schema(name = "StockReconciliation", description = "A drift reconciliation of one store.")
public record ReconciliationView(
        long id,

        @Schema(enumeration = {"running", "succeeded", "failed"})
        String state,

        Instant startedAt,
        String startedBy,
        Instant finishedAt,
        int checked,
        int differences,
        int corrected,
        String report,
        String message) {}
