package wms.shopify.catalog.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import wms.shopify.catalog.entity.ProductSync;

/**
 * A Sync Products run as the API shows it.
 *
 * @param state running, succeeded or failed
 * @param startedAt when it started
 * @param finishedAt when it ended (absent while running)
 * @param variantsRead variants read from Shopify so far
 * @param matched of those, mapped to a WMS product (now or before)
 * @param unmapped of those, not mapped
 * @param ambiguous of those, several WMS products matched
 * @param problems of those, not tracked or not stocked at a mapped location
 * @param message why it failed (absent otherwise)
 */
@Schema(name = "ProductSync")
public record ProductSyncView(
        @Schema(enumeration = {"running", "succeeded", "failed"})
        String state,

        Instant startedAt,
        Instant finishedAt,
        int variantsRead,
        int matched,
        int unmapped,
        int ambiguous,
        int problems,
        String message) {

    static ProductSyncView of(ProductSync sync) {
        return new ProductSyncView(
                sync.state().name().toLowerCase(java.util.Locale.ROOT),
                sync.startedAt(),
                sync.finishedAt(),
                sync.variantsRead(),
                sync.matched(),
                sync.unmapped(),
                sync.ambiguous(),
                sync.problems(),
                sync.message());
    }
}
