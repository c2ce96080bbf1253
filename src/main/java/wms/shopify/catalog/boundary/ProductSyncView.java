package wms.shopify.catalog.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import wms.shopify.catalog.entity.ProductSync;

/**
 * A Sync Products run as the API shows it.
 *
 * @param state running, succeeded, failed or cancelled
 * @param startedAt when it started
 * @param finishedAt when it ended (absent while running)
 * @param variantsRead variants read from Shopify so far
 * @param matched of those, mapped to a WMS product (now or before)
 * @param unmapped of those, not mapped
 * @param ambiguous of those, several WMS products matched
 * @param problems of those, not tracked or not stocked at a mapped location
 * @param message why it failed, or that it was cancelled (absent otherwise)
 * @param total variants Shopify counted when the sync started (absent while not known)
 * @param secondsLeft while running, an estimate of the time left at the rate so far (absent while not known)
 * @param cancelRequested whether it was asked to stop (it does at its next page)
 */
@Schema(name = "ProductSync")
public record ProductSyncView(
        @Schema(enumeration = {"running", "succeeded", "failed", "cancelled"})
        String state,

        Instant startedAt,
        Instant finishedAt,
        int variantsRead,
        int matched,
        int unmapped,
        int ambiguous,
        int problems,
        String message,
        Integer total,
        Long secondsLeft,
        boolean cancelRequested) {

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
                sync.message(),
                sync.total(),
                sync.running()
                        ? wms.shopify.catalog.control.ProductSyncs.progress(sync)
                                .remaining(java.time.Instant.now())
                                .map(java.time.Duration::toSeconds)
                                .orElse(null)
                        : null,
                sync.cancelRequested());
    }
}
