package wms.shopify.stock.control;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a stock movement call did.
 *
 * @param accepted movements stored now
 * @param duplicates ids of movements received before (nothing was done for them again)
 * @param changes pending store changes the new movements went into (one per store, inventory item and location)
 */
@Schema(name = "StockMovementReport", description = "What a stock movement call did.")
public record IntakeResult(
        @Schema(example = "3") int accepted,

        @Schema(description = "movement ids received before: ignored")
        List<String> duplicates,

        @Schema(example = "2", description = "store changes that absorbed the new movements")
        int changes) {}
