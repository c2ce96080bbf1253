package wms.shopify.orders.boundary;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import wms.shopify.orders.entity.FeedKind;
import wms.shopify.orders.entity.ImportedOrder;
import wms.shopify.orders.entity.OrderLine;
import wms.shopify.platform.api.Feed;

/**
 * One feed entry: an order to ship, or the cancellation of one the WMS has.
 *
 * @param revision the entry's feed position: acknowledge exactly this revision
 */
@Schema(name = "OrderEntry", description = "An order to ship, or the cancellation of an order the WMS has.")
public record OrderEntryView(
        @Schema(description = "The connector's order id, for the acknowledgement")
        long orderId,

        @Schema(description = "The feed position of this entry; acknowledge this revision")
        long revision,

        @Schema(
                description = "ORDER: ship it; CANCELLATION: cancel it (it did not ship); HOLD: stop it, it is on hold"
                        + " on Shopify (see hold); RELEASE: carry on, its hold was released; CHANGE: its lines were"
                        + " edited on Shopify (see changes): take the change or reject it")
        String kind,

        @Schema(description = "The store's myshopify.com domain")
        String store,

        @Schema(description = "Shopify's order id (GID)") String shopifyOrderId,

        @Schema(description = "The order's name on Shopify, e.g. #1001")
        String name,

        @Schema(description = "The WMS warehouse it ships from")
        String warehouse,

        @Schema(description = "The WMS shipping process, if the location is mapped to one")
        String shippingProcess,

        ShipToView shipTo,

        @Schema(description = "The customer's e-mail, for carrier notifications")
        String email,

        @Schema(description = "The customer's phone") String phone,

        @Schema(description = "The shipping method chosen at checkout")
        String shippingMethod,

        @Schema(description = "The shipping method's code") String shippingCode,
        @Schema(description = "The customer's note") String note,
        List<LineView> lines,

        @Schema(description = "What the WMS has reported shipped of it: null, PARTIALLY_SHIPPED or SHIPPED")
        String shipping,

        @Schema(
                description = "The customer fields Shopify withheld because the app is not approved for them (NAME,"
                        + " ADDRESS, EMAIL, PHONE); empty when none was: those fields are null in this entry")
        List<String> customerDataWithheld,

        @Schema(
                description = "Why fields are missing, e.g. \"address withheld by Shopify: request protected customer"
                        + " data access\"; null when none was withheld")
        String customerDataNote,

        @Schema(description = "The WMS's answer to the cancellation, once given; null before and for other orders")
        CancellationAnswerView cancellationAnswer,

        @Schema(description = "The hold on Shopify while the order is on one, else null")
        HoldView hold,

        @Schema(
                description = "CHANGE: the lines changed on Shopify since the WMS was given the order (units ordered);"
                        + " empty for other kinds")
        List<LineChangeView> changes,

        @Schema(description = "Why the WMS rejected the order's latest change, or null")
        String changeRejection,

        @Schema(
                description = "Units of the order that Shopify assigned to another app's fulfillment service"
                        + " location (a 3PL's): that app fulfils them, they are not in lines and not the WMS's to ship;"
                        + " empty when there are none")
        List<AnotherAppLineView> fulfilledByAnotherApp,

        @Schema(
                description = "When the order ships from several warehouses: each of its parts (one feed entry per"
                        + " warehouse, carrying that warehouse's lines) and whether its warehouse acknowledged this"
                        + " revision; empty for an order of one warehouse")
        List<PartView> parts)
        implements Feed.Entry {

    /** One warehouse's part of an order that ships from several. */
    @Schema(name = "OrderPart")
    public record PartView(
            @Schema(description = "The WMS warehouse code") String warehouse,

            @Schema(description = "Whether that warehouse acknowledged its entry at this revision")
            boolean acknowledged) {}

    /**
     * The feed entries of an order: one, or one per warehouse whose part is not acknowledged yet when it ships from
     * several, each with that warehouse's lines.
     *
     * @param reach the warehouses the caller may see, or null for every warehouse
     * @param kits the WMS kits among its lines' products: kit code → component code → units per kit
     */
    public static List<OrderEntryView> entries(
            ImportedOrder order, java.util.Set<String> reach, Map<String, Map<String, Long>> kits) {
        if (!order.parted()) {
            return reach == null || reach.contains(order.warehouseCode()) ? List.of(of(order, null, kits)) : List.of();
        }
        return order.pendingParts().stream()
                .filter(w -> reach == null || reach.contains(w))
                .map(w -> of(order, w, kits))
                .toList();
    }

    /** One line changed on Shopify after the WMS accepted the order. */
    @Schema(name = "OrderLineChange")
    public record LineChangeView(
            @Schema(description = "The WMS product code (null when not mapped)")
            String product,

            @Schema(description = "The Shopify line item (GID)")
            String shopifyLineItemId,

            @Schema(description = "ADDED, REMOVED or CHANGED")
            String change,

            @Schema(description = "Units ordered as the WMS had them (0 when added)")
            int oldQuantity,

            @Schema(description = "Units ordered now (0 when removed)")
            int newQuantity) {}

    /** A fulfillment hold on Shopify. */
    @Schema(name = "OrderHold")
    public record HoldView(
            @Schema(description = "Shopify's FulfillmentHoldReason, e.g. HIGH_RISK_OF_FRAUD")
            String reason,

            @Schema(description = "Shopify's reasonNotes, or null")
            String notes) {}

    /** What the WMS answered to the cancellation of an order it had. */
    @Schema(name = "CancellationAnswer")
    public record CancellationAnswerView(
            @Schema(description = "CANCELLED or TOO_LATE") String outcome,

            @Schema(description = "What had shipped (TOO_LATE)")
            List<ShippedView> shipped,

            String reason,

            @Schema(description = "When it was answered (ISO-8601)")
            String answeredAt) {}

    /** Units of one product that had shipped. */
    @Schema(name = "ShippedUnits")
    public record ShippedView(
            @Schema(description = "The WMS product code") String product, int quantity) {}

    /** Units another app fulfils: listed so that the WMS knows the order is split, never to ship. */
    @Schema(name = "AnotherAppLine")
    public record AnotherAppLineView(
            @Schema(description = "The WMS product code, if the variant is mapped")
            String product,

            int quantity,

            @Schema(description = "The Shopify line item (GID)")
            String shopifyLineItemId,

            String sku,
            String title,

            @Schema(description = "The fulfillment service's Shopify location (GID); null when Shopify did not show it")
            String location,

            @Schema(description = "Who fulfils them, e.g. \"fulfilled by ShipFast (another app)\"")
            String fulfilledBy) {}

    /** The address on the label. */
    @Schema(name = "ShipTo")
    public record ShipToView(
            String name,
            String company,
            String address1,
            String address2,
            String city,
            String province,
            String provinceCode,
            String zip,
            String countryCode,
            String phone) {}

    /** Units of one product to ship. */
    @Schema(name = "OrderLine")
    public record LineView(
            @Schema(description = "The WMS product code") String product,
            int quantity,

            @Schema(description = "The Shopify line item (GID)")
            String shopifyLineItemId,

            String sku,
            String title,

            @Schema(
                    description = "The Shopify bundle this line was sold in, as one of its components (the "
                            + "bundle's SKU, else its title); absent for a line bought on its own. The "
                            + "lines of one bundle name the same bundle.")
            String bundle,

            @Schema(
                    description = "When the product is a WMS kit (registered with components): the units of each "
                            + "component to pick for this line (the line's quantity × the units per kit), in code "
                            + "order; absent for any other product.")
            List<KitPickView> components) {}

    /** Units of one component of a kit to pick for a kit's line. */
    @Schema(name = "OrderLineKitComponent")
    public record KitPickView(String product, long quantity) {}

    /** The order as a whole: every line, the first warehouse's code. */
    public static OrderEntryView of(ImportedOrder order) {
        return of(order, null, Map.of());
    }

    /**
     * One warehouse's part of the order (its lines, its warehouse and shipping process), or the whole order when
     * {@code warehouse} is null.
     *
     * @param kits the WMS kits among its lines' products: kit code → component code → units per kit
     */
    public static OrderEntryView of(ImportedOrder order, String warehouse, Map<String, Map<String, Long>> kits) {
        List<OrderLine> lines = warehouse == null ? order.lines() : order.linesOf(warehouse);
        String process = warehouse == null
                ? order.shippingProcessCode()
                : lines.stream()
                        .map(OrderLine::shippingProcessCode)
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null);
        return new OrderEntryView(
                order.id(),
                order.feedSeq() == null ? 0 : order.feedSeq(),
                order.feedKind() == null ? "ORDER" : order.feedKind().name(),
                order.store().domain().value(),
                order.shopifyOrderId(),
                order.name(),
                warehouse == null ? order.warehouseCode() : warehouse,
                process,
                order.redactedAt() != null
                        ? null
                        : new ShipToView(
                                order.shipName(),
                                order.shipCompany(),
                                order.shipAddress1(),
                                order.shipAddress2(),
                                order.shipCity(),
                                order.shipProvince(),
                                order.shipProvinceCode(),
                                order.shipZip(),
                                order.shipCountryCode(),
                                order.shipPhone()),
                order.contactEmail(),
                order.contactPhone(),
                order.shippingMethod(),
                order.shippingCode(),
                order.note(),
                lines.stream().map(line -> line(line, kits)).toList(),
                order.shippingState(),
                order.customerDataWithheld().stream().map(Enum::name).toList(),
                order.customerDataNote(),
                order.cancellationAnswer() == null
                        ? null
                        : new CancellationAnswerView(
                                order.cancellationAnswer().name(),
                                order.shippedBeforeCancel().stream()
                                        .map(u -> new ShippedView(u.productCode(), u.quantity()))
                                        .toList(),
                                order.cancellationReason(),
                                String.valueOf(order.cancellationAnsweredAt())),
                order.shopifyHoldReason() == null
                        ? null
                        : new HoldView(order.shopifyHoldReason(), order.shopifyHoldNotes()),
                order.feedKind() == FeedKind.CHANGE
                        ? order.changes().stream()
                                .map(c -> new LineChangeView(
                                        c.productCode(),
                                        c.lineItemId(),
                                        c.kind().name(),
                                        c.oldQuantity(),
                                        c.newQuantity()))
                                .toList()
                        : List.of(),
                order.changeRejection(),
                order.anotherAppLines().stream()
                        .map(l -> new AnotherAppLineView(
                                l.productCode(),
                                l.quantity(),
                                l.lineItemId(),
                                l.sku(),
                                l.title(),
                                l.locationId(),
                                l.fulfilledBy()))
                        .toList(),
                order.parted()
                        ? order.warehouses().stream()
                                .map(w -> new PartView(w, order.partAcknowledged(w) || !order.feedPending()))
                                .toList()
                        : List.of());
    }

    private static LineView line(OrderLine line, Map<String, Map<String, Long>> kits) {
        Map<String, Long> components = line.productCode() == null ? null : kits.get(line.productCode());
        return new LineView(
                line.productCode(),
                line.quantity(),
                line.lineItemId(),
                line.sku(),
                line.title(),
                line.bundle(),
                components == null
                        ? null
                        : components.entrySet().stream()
                                .map(c -> new KitPickView(c.getKey(), c.getValue() * line.quantity()))
                                .toList());
    }
}
