package wms.shopify.returns.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import wms.shopify.platform.api.Feed;
import wms.shopify.returns.entity.ShopReturn;

/** One expected return in the feed. */
@Schema(name = "ReturnEntry", description = "A return the WMS should expect: the units, per WMS product.")
public record ReturnEntryView(
        @Schema(description = "The connector's return id, for the acknowledgement and the receipt")
        long returnId,

        @Schema(description = "The feed position of this entry; acknowledge this revision")
        long revision,

        @Schema(description = "The store's myshopify.com domain")
        String store,

        @Schema(description = "Shopify's return id (GID)") String shopifyReturnId,

        @Schema(description = "The return's name on Shopify, e.g. #1001-R1")
        String name,

        @Schema(description = "The connector's order id, when the order came through the order feed")
        Long orderId,

        @Schema(description = "Shopify's order id (GID)") String shopifyOrderId,

        @Schema(description = "The WMS warehouse the order shipped from, when known")
        String warehouse,

        @Schema(
                description = "REQUESTED (not approved yet), OPEN (approved) or CLOSED (closed on Shopify: with state "
                        + "CLOSED before it was received, do not expect it any more)")
        String shopifyStatus,

        @Schema(description = "EXPECTED, RECEIVED or CLOSED")
        String state,

        List<LineView> lines)
        implements Feed.Entry {

    @Schema(name = "ReturnLine")
    public record LineView(
            @Schema(description = "The WMS product code") String product,
            int quantity,
            @Schema(description = "Units received so far") int received,
            String sku) {}

    public static ReturnEntryView of(ShopReturn r) {
        return new ReturnEntryView(
                r.id(),
                r.feedSeq() == null ? 0 : r.feedSeq(),
                r.store().domain().value(),
                r.shopifyReturnId(),
                r.name(),
                r.order() == null ? null : r.order().id(),
                r.shopifyOrderId(),
                r.order() == null ? null : r.order().warehouseCode(),
                r.shopifyStatus(),
                r.state().name(),
                r.lines().stream()
                        .map(l -> new LineView(l.productCode(), l.quantity(), l.received(), l.sku()))
                        .toList());
    }
}
