package wms.shopify.stock.control;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A push as the Stock page's list shows it: its state and counts, and the first SKUs it carries (up to 5, the WMS
 * product code where the item has no SKU), each linked to its item trace.
 */
public record PushRow(
        long id,
        String store,
        String mode,
        String state,
        int quantities,
        int attempts,
        String reason,
        Instant createdAt,
        Instant finishedAt,
        List<String> skus)
        implements Serializable {

    /** The SKUs as one text (the CSV export's), "…" after them when the push carries more. */
    public String skuText() {
        String more = this.quantities > this.skus.size() ? "…" : "";
        return this.skus.isEmpty() ? more : String.join(", ", this.skus) + (more.isEmpty() ? "" : ", " + more);
    }
}
