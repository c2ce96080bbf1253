package wms.shopify.shipping.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How a shipment lands on Shopify: the units of each WMS product are taken from the open fulfillment order lines whose
 * line items carry that product, as Shopify has them now (so earlier shipments are already deducted there), the
 * order's own location first, then wherever else Shopify has them open (an order split over locations, or a
 * fulfillment order moved after the WMS took the order). Shopify's {@code fulfillmentCreate} takes fulfillment orders
 * of one location only, so the units become one fulfillment per location, and, when the store ships one fulfillment
 * per parcel, one per parcel and location. Also recognises a fulfillment Shopify already has for one of them.
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
    public record Existing(
            String id, String status, Map<String, Integer> quantities, List<String> trackingNumbers, String name) {
        public Existing {
            quantities = Map.copyOf(quantities);
            trackingNumbers = List.copyOf(trackingNumbers);
        }

        /** A fulfillment whose name ("#1001.1") was not read. */
        public Existing(String id, String status, Map<String, Integer> quantities, List<String> trackingNumbers) {
            this(id, status, quantities, trackingNumbers, null);
        }
    }

    /** Units to fulfil of one fulfillment order line. */
    public record Take(String fulfillmentOrderLineId, String lineItemId, int quantity) {}

    /**
     * Units of a shipment to ship together: all of it, or one parcel's.
     *
     * @param parcel the parcel's position in the shipment, or null: the whole shipment, with all its parcels' tracking
     * @param units units per WMS product
     */
    public record Portion(Integer parcel, Map<String, Integer> units) {
        public Portion {
            units = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(units));
        }
    }

    /**
     * One fulfillment to create: fulfillment orders of one location, for one portion.
     *
     * @param byFulfillmentOrder the takes per fulfillment order id, in the order they are sent
     */
    public record Group(Integer parcel, String locationId, Map<String, List<Take>> byFulfillmentOrder) {
        public Group {
            byFulfillmentOrder = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byFulfillmentOrder));
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

    /** The plan: the fulfillments to create, or why the shipment cannot be sent. */
    public record Plan(List<Group> groups, String shortfall) {
        public Plan {
            groups = List.copyOf(groups);
        }

        public boolean possible() {
            return this.shortfall == null;
        }
    }

    private FulfillmentPlan() {}

    /**
     * Plans a shipment.
     *
     * @param portions what to ship together (one portion, or one per parcel), in order
     * @param lineItemsByProduct the order's Shopify line items of each WMS product (from the order's lines)
     * @param locationId the Shopify location the order ships from: its fulfillment orders are used first (null: no
     *        preference)
     */
    public static Plan plan(
            List<Portion> portions,
            Map<String, List<String>> lineItemsByProduct,
            String locationId,
            ShopifyState shopify) {
        List<FulfillmentOrder> open = new ArrayList<>(shopify.fulfillmentOrders().stream()
                .filter(fo -> FULFILLABLE.contains(fo.status()))
                .toList());
        // The order's own location first, the others in Shopify's order: fewer fulfillments when the units allow.
        open.sort(java.util.Comparator.comparing(fo -> !Objects.equals(fo.locationId(), locationId)));
        Map<String, Integer> left = new HashMap<>();
        open.forEach(fo -> fo.lines().forEach(line -> left.put(line.id(), line.remainingQuantity())));
        List<Group> groups = new ArrayList<>();
        List<String> short_ = new ArrayList<>();
        for (Portion portion : portions) {
            // location → fulfillment order → takes, in the order first used
            Map<String, Map<String, List<Take>>> byLocation = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> want : portion.units().entrySet()) {
                List<String> lineItems = lineItemsByProduct.getOrDefault(want.getKey(), List.of());
                int needed = want.getValue();
                for (FulfillmentOrder fo : open) {
                    for (FulfillmentOrderLine line : fo.lines()) {
                        if (needed == 0) {
                            break;
                        }
                        int available = left.getOrDefault(line.id(), 0);
                        if (lineItems.contains(line.lineItemId()) && available > 0) {
                            int take = Math.min(needed, available);
                            byLocation
                                    .computeIfAbsent(fo.locationId(), k -> new LinkedHashMap<>())
                                    .computeIfAbsent(fo.id(), k -> new ArrayList<>())
                                    .add(new Take(line.id(), line.lineItemId(), take));
                            left.put(line.id(), available - take);
                            needed -= take;
                        }
                    }
                }
                if (needed > 0) {
                    short_.add(want.getKey() + ": " + needed + " of " + want.getValue() + " not open to fulfil");
                }
            }
            // The order's location first, then the others in Shopify's order, whatever order the products came in.
            open.stream()
                    .map(FulfillmentOrder::locationId)
                    .distinct()
                    .filter(byLocation::containsKey)
                    .forEach(location -> groups.add(new Group(portion.parcel(), location, byLocation.get(location))));
        }
        if (!short_.isEmpty()) {
            return new Plan(
                    List.of(),
                    "Shopify has fewer units left to fulfil than shipped (" + String.join("; ", short_) + ").");
        }
        if (groups.isEmpty()) {
            return new Plan(List.of(), "Nothing of the shipment is left to fulfil on Shopify.");
        }
        return new Plan(groups, null);
    }

    /**
     * What is still to ship of each portion once the fulfillments already made for the shipment are deducted.
     *
     * @param done units per line item ({@link Group#lineItemQuantities()} text) of the fulfillments made, by parcel
     *        (null: the whole shipment)
     * @param productOfLineItem the WMS product of each Shopify line item of the order
     */
    public static List<Portion> remaining(
            List<Portion> portions, List<Map.Entry<Integer, String>> done, Map<String, String> productOfLineItem) {
        Map<Integer, Map<String, Integer>> left = new LinkedHashMap<>();
        portions.forEach(p -> left.put(p.parcel(), new LinkedHashMap<>(p.units())));
        for (Map.Entry<Integer, String> made : done) {
            Map<String, Integer> units = left.get(made.getKey());
            if (units == null) {
                continue;
            }
            parse(made.getValue()).forEach((lineItem, quantity) -> {
                String product = productOfLineItem.get(lineItem);
                if (product != null) {
                    units.computeIfPresent(product, (k, v) -> v - quantity);
                }
            });
        }
        List<Portion> remaining = new ArrayList<>();
        left.forEach((parcel, units) -> {
            units.values().removeIf(q -> q <= 0);
            if (!units.isEmpty()) {
                remaining.add(new Portion(parcel, units));
            }
        });
        return remaining;
    }

    /**
     * The fulfillment Shopify already has for a planned one whose sending had an unclear outcome: the same units per
     * line item and, when it carries tracking numbers, the same ones; never one another shipment (or another
     * fulfillment of this one) already owns.
     */
    public static Existing match(
            String plannedLines, List<String> trackingNumbers, ShopifyState shopify, Set<String> claimed) {
        if (plannedLines == null || plannedLines.isEmpty()) {
            return null;
        }
        for (Existing fulfillment : shopify.fulfillments()) {
            if (claimed.contains(fulfillment.id()) || "CANCELLED".equals(fulfillment.status())) {
                continue;
            }
            boolean sameLines = format(new TreeMap<>(fulfillment.quantities())).equals(plannedLines);
            boolean sameTracking = trackingNumbers.isEmpty()
                    || Set.copyOf(fulfillment.trackingNumbers()).equals(new LinkedHashSet<>(trackingNumbers));
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

    /** The units per line item of a {@link Group#lineItemQuantities()} text. */
    static Map<String, Integer> parse(String lineItemQuantities) {
        Map<String, Integer> units = new LinkedHashMap<>();
        if (lineItemQuantities == null || lineItemQuantities.isBlank()) {
            return units;
        }
        for (String pair : lineItemQuantities.split(";")) {
            int eq = pair.lastIndexOf('=');
            units.merge(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)), Integer::sum);
        }
        return units;
    }
}
