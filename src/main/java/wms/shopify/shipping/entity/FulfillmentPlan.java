package wms.shopify.shipping.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How a shipment lands on Shopify: the units of each WMS product are taken from the open fulfillment order lines of
 * the order's location whose line items carry that product, as Shopify has them now (so earlier shipments are
 * already deducted there). Also recognises a fulfillment Shopify already has for the shipment.
 */
public final class FulfillmentPlan {

    /** Fulfillment order statuses that can take a fulfillment. */
    static final Set<String> FULFILLABLE = Set.of("OPEN", "IN_PROGRESS");

    /**
     * What Shopify has of an order: fulfillment orders and fulfillments.
     *
     * @param fulfillmentsComplete false when Shopify may have more fulfillments (or lines of them) than one read takes
     */
    public record ShopifyState(
            List<FulfillmentOrder> fulfillmentOrders, List<Existing> fulfillments, boolean fulfillmentsComplete) {
        public ShopifyState {
            fulfillmentOrders = List.copyOf(fulfillmentOrders);
            fulfillments = List.copyOf(fulfillments);
        }

        public ShopifyState(List<FulfillmentOrder> fulfillmentOrders, List<Existing> fulfillments) {
            this(fulfillmentOrders, fulfillments, true);
        }
    }

    public record FulfillmentOrder(String id, String status, String locationId, List<FulfillmentOrderLine> lines) {
        public FulfillmentOrder {
            lines = List.copyOf(lines);
        }
    }

    public record FulfillmentOrderLine(String id, String lineItemId, int remainingQuantity) {}

    /** A fulfillment Shopify has: its units per line item and its tracking numbers. */
    public record Existing(String id, String status, Map<String, Integer> quantities, List<String> trackingNumbers) {
        public Existing {
            quantities = Map.copyOf(quantities);
            trackingNumbers = List.copyOf(trackingNumbers);
        }
    }

    /** Units to fulfil of one fulfillment order line. */
    public record Take(String fulfillmentOrderLineId, String lineItemId, int quantity) {}

    /** The plan: what to send per fulfillment order, or why it cannot be sent. */
    public record Plan(Map<String, List<Take>> byFulfillmentOrder, String shortfall) {

        public boolean possible() {
            return this.shortfall == null;
        }

        /** Units per line item, as text ("lineItemId=quantity;..." sorted) to recognise the fulfillment later. */
        public String lineItemQuantities() {
            Map<String, Integer> sums = new TreeMap<>();
            this.byFulfillmentOrder
                    .values()
                    .forEach(takes -> takes.forEach(t -> sums.merge(t.lineItemId(), t.quantity(), Integer::sum)));
            return format(sums);
        }
    }

    private FulfillmentPlan() {}

    /**
     * Plans a shipment.
     *
     * @param wanted units per WMS product
     * @param lineItemsByProduct the order's Shopify line items of each WMS product (from the order's lines)
     * @param locationId the Shopify location the order ships from (its fulfillment orders there are used first;
     *        null: any)
     */
    public static Plan plan(
            Map<String, Integer> wanted,
            Map<String, List<String>> lineItemsByProduct,
            String locationId,
            ShopifyState shopify) {
        List<FulfillmentOrder> open = new ArrayList<>(shopify.fulfillmentOrders().stream()
                .filter(fo -> FULFILLABLE.contains(fo.status()))
                .toList());
        // The order's own location first; all fulfillment orders of one fulfillment must share a location.
        String location = locationId;
        if (location == null || open.stream().noneMatch(fo -> location.equals(fo.locationId()))) {
            return new Plan(
                    Map.of(),
                    "Shopify has no open fulfillment order at the order's location "
                            + (location == null ? "(none recorded)" : location) + ".");
        }
        open.removeIf(fo -> !location.equals(fo.locationId()));
        Map<String, List<Take>> byFo = new LinkedHashMap<>();
        List<String> short_ = new ArrayList<>();
        for (Map.Entry<String, Integer> want : wanted.entrySet()) {
            List<String> lineItems = lineItemsByProduct.getOrDefault(want.getKey(), List.of());
            int needed = want.getValue();
            for (FulfillmentOrder fo : open) {
                for (FulfillmentOrderLine line : fo.lines()) {
                    if (needed == 0) {
                        break;
                    }
                    if (lineItems.contains(line.lineItemId()) && line.remainingQuantity() > 0) {
                        int take = Math.min(needed, line.remainingQuantity());
                        byFo.computeIfAbsent(fo.id(), k -> new ArrayList<>())
                                .add(new Take(line.id(), line.lineItemId(), take));
                        needed -= take;
                    }
                }
            }
            if (needed > 0) {
                short_.add(want.getKey() + ": " + needed + " of " + want.getValue() + " not open to fulfil");
            }
        }
        if (!short_.isEmpty()) {
            return new Plan(
                    Map.of(),
                    "Shopify has fewer units left to fulfil at the location than shipped (" + String.join("; ", short_)
                            + ").");
        }
        return new Plan(byFo, null);
    }

    /**
     * The fulfillment Shopify already has for a shipment whose earlier attempt had an unclear outcome: the same
     * units per line item and, when the shipment has tracking numbers, the same ones; never one another shipment
     * already owns.
     */
    public static Existing match(
            String plannedLines, List<String> trackingNumbers, ShopifyState shopify, Set<String> claimed) {
        if (plannedLines == null) {
            return null;
        }
        for (Existing fulfillment : shopify.fulfillments()) {
            if (claimed.contains(fulfillment.id()) || "CANCELLED".equals(fulfillment.status())) {
                continue;
            }
            boolean sameLines = format(new TreeMap<>(fulfillment.quantities())).equals(plannedLines);
            boolean sameTracking = trackingNumbers.isEmpty()
                    || Set.copyOf(fulfillment.trackingNumbers()).equals(Set.copyOf(trackingNumbers));
            if (sameLines && sameTracking) {
                return fulfillment;
            }
        }
        return null;
    }

    static String format(Map<String, Integer> sums) {
        return sums.entrySet().stream()
                .filter(e -> Objects.requireNonNullElse(e.getValue(), 0) > 0)
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }
}
