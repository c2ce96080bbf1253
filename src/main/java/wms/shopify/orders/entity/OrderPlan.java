package wms.shopify.orders.entity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import wms.shopify.stores.entity.StoreLocation;

/**
 * What the WMS would get for an order: its lines still to ship mapped to WMS products, and the warehouse it ships
 * from; or why it cannot be handed over (a hold). Units Shopify assigned to another app's fulfillment service
 * location are left out of it and listed apart: that app fulfils them. Pure: the mappings are looked up by the caller
 * and passed in.
 *
 * @param lines the units still to ship, per line item and location (a line split over two locations is two)
 * @param destination where it ships from, or null when no warehouse could be found
 * @param hold why the order is held, or null
 * @param holdNote the details of the hold, for the merchant
 * @param anotherApps the units still to ship from another app's fulfillment service location: never the WMS's
 * @param requestPending whether some of the lines are of a fulfillment order the merchant requested of the WMS's own
 *     fulfillment service that the WMS has not accepted yet (request status SUBMITTED): a request to answer
 * @param awaitingRequest the units at the WMS's own service locations not requested of the service (or whose request
 *     it rejected): not lines to ship, but off sale on Shopify all the same (the store's unallocated demand)
 */
public record OrderPlan(
        List<OrderLine> lines,
        Destination destination,
        HoldReason hold,
        String holdNote,
        List<AnotherAppLine> anotherApps,
        boolean requestPending,
        List<AwaitingUnits> awaitingRequest) {

    public OrderPlan {
        lines = List.copyOf(lines);
        anotherApps = List.copyOf(anotherApps);
        awaitingRequest = List.copyOf(awaitingRequest);
    }

    /** A plan with no units waiting for a request at the WMS's own service locations. */
    public OrderPlan(
            List<OrderLine> lines,
            Destination destination,
            HoldReason hold,
            String holdNote,
            List<AnotherAppLine> anotherApps,
            boolean requestPending) {
        this(lines, destination, hold, holdNote, anotherApps, requestPending, List.of());
    }

    /** A plan with no fulfillment request waiting for the WMS's answer. */
    public OrderPlan(
            List<OrderLine> lines,
            Destination destination,
            HoldReason hold,
            String holdNote,
            List<AnotherAppLine> anotherApps) {
        this(lines, destination, hold, holdNote, anotherApps, false);
    }

    /** A plan with no units at another app's location. */
    public OrderPlan(List<OrderLine> lines, Destination destination, HoldReason hold, String holdNote) {
        this(lines, destination, hold, holdNote, List.of());
    }

    /**
     * The warehouses the lines ship from, in the order of the lines: more than one makes the order one part (feed
     * entry) per warehouse.
     */
    public List<String> warehouses() {
        return warehousesOf(this.lines);
    }

    static List<String> warehousesOf(List<OrderLine> lines) {
        Set<String> codes = new LinkedHashSet<>();
        lines.stream().map(OrderLine::warehouseCode).filter(c -> c != null).forEach(codes::add);
        return List.copyOf(codes);
    }

    /** Whether every unit left to ship is another app's: the order is not the WMS's at all. */
    public boolean allAnotherApps() {
        return this.lines.isEmpty() && !this.anotherApps.isEmpty();
    }

    /** "fulfilled by ShipFast (another app)" (every such service named once), or null when there is none. */
    public String anotherAppNote() {
        return anotherAppNote(this.anotherApps);
    }

    static String anotherAppNote(List<AnotherAppLine> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        Set<String> services = new LinkedHashSet<>();
        boolean notVisible = false;
        for (AnotherAppLine line : lines) {
            if (line.isNotVisible()) {
                notVisible = true;
            } else {
                services.add(line.serviceName());
            }
        }
        String seen = services.isEmpty()
                ? null
                : "fulfilled by " + String.join(", ", services)
                        + (services.size() == 1 ? " (another app)" : " (other apps)");
        if (!notVisible) {
            return seen;
        }
        return seen == null ? AnotherAppLine.NOT_VISIBLE : seen + "; the rest " + AnotherAppLine.NOT_VISIBLE;
    }

    /** A variant's mapping as the catalog has it. */
    public record MappedVariant(String productCode, boolean productActive, String inventoryItemId) {}

    /** A warehouse (and shipping process, if mapped) that a Shopify location ships from. */
    public record Destination(String locationId, String warehouseCode, String shippingProcessCode) {}

    /**
     * Plans an order.
     *
     * @param variants the mapped variants of the store by Shopify variant id (unmapped ones absent)
     * @param locations the store's locations mapped to a warehouse, by Shopify location id
     * @param defaultLocation the store's default location for orders, if it is mapped, else null
     */
    public static OrderPlan of(
            ShopifyOrderSnapshot order,
            Map<String, MappedVariant> variants,
            Map<String, Destination> locations,
            Destination defaultLocation) {
        return of(order, variants, locations, defaultLocation, Set.of());
    }

    /**
     * Plans an order of a store in fulfillment-service mode: a fulfillment order at one of the service's locations
     * counts only once the merchant has requested it of the WMS ({@link
     * ShopifyOrderSnapshot.FulfillmentOrder#requestedOfService}); before that, and after a rejection, its units are
     * not the WMS's to ship.
     *
     * @param serviceLocations the store's own fulfillment-service location ids (empty in merchant-managed mode)
     */
    public static OrderPlan of(
            ShopifyOrderSnapshot order,
            Map<String, MappedVariant> variants,
            Map<String, Destination> locations,
            Destination defaultLocation,
            Set<String> serviceLocations) {
        return of(order, variants, locations, defaultLocation, serviceLocations, true);
    }

    /**
     * Plans an order read with a token that may or may not see other apps' fulfillment orders. Without {@code
     * read_third_party_fulfillment_orders} Shopify leaves them out of the order's fulfillment orders: the units of a
     * line that no visible fulfillment order covers are then not the WMS's (Shopify assigned them where the connector
     * cannot see) and are kept apart as {@link AnotherAppLine#notVisible}, never handed over.
     *
     * @param seesOtherApps whether the store's grant covers {@code read_third_party_fulfillment_orders}
     */
    public static OrderPlan of(
            ShopifyOrderSnapshot order,
            Map<String, MappedVariant> variants,
            Map<String, Destination> locations,
            Destination defaultLocation,
            Set<String> serviceLocations,
            boolean seesOtherApps) {
        OrderPlan plan = planned(order, variants, locations, defaultLocation, serviceLocations, seesOtherApps);
        List<AwaitingUnits> awaiting = awaitingRequest(order, variants, serviceLocations);
        return awaiting.isEmpty()
                ? plan
                : new OrderPlan(
                        plan.lines,
                        plan.destination,
                        plan.hold,
                        plan.holdNote,
                        plan.anotherApps,
                        plan.requestPending,
                        awaiting);
    }

    /**
     * The units of the open fulfillment orders at the WMS's own service locations that are not requested of the
     * service (never requested, or rejected), per inventory item and location: the ones {@link #openQuantities(
     * ShopifyOrderSnapshot, Set)} leaves out of the lines. Units whose inventory item is unknown are left out.
     */
    static List<AwaitingUnits> awaitingRequest(
            ShopifyOrderSnapshot order, Map<String, MappedVariant> variants, Set<String> serviceLocations) {
        if (serviceLocations.isEmpty() || order.cancelledAt() != null) {
            return List.of();
        }
        Map<List<String>, Integer> units = new java.util.LinkedHashMap<>();
        for (ShopifyOrderSnapshot.FulfillmentOrder fo : order.fulfillmentOrders()) {
            if (!fo.open() || !serviceLocations.contains(fo.locationId()) || fo.requestedOfService()) {
                continue;
            }
            for (ShopifyOrderSnapshot.FulfillmentLine foLine : fo.lines()) {
                ShopifyOrderSnapshot.Line line = order.line(foLine.lineItemId());
                if (line == null || !line.requiresShipping() || foLine.remainingQuantity() <= 0) {
                    continue;
                }
                MappedVariant mapped = line.variantId() == null ? null : variants.get(line.variantId());
                String item = inventoryItem(mapped, foLine.inventoryItemId(), line);
                if (item != null) {
                    units.merge(List.of(item, fo.locationId()), foLine.remainingQuantity(), Integer::sum);
                }
            }
        }
        List<AwaitingUnits> awaiting = new ArrayList<>();
        units.forEach((key, quantity) -> awaiting.add(new AwaitingUnits(key.get(0), key.get(1), quantity)));
        return awaiting;
    }

    /** The inventory item of units of a line: the mapped variant's, else the fulfillment order's, else the line's. */
    private static String inventoryItem(
            MappedVariant mapped, String ofFulfillmentOrder, ShopifyOrderSnapshot.Line line) {
        if (mapped != null && mapped.inventoryItemId() != null) {
            return mapped.inventoryItemId();
        }
        return ofFulfillmentOrder != null ? ofFulfillmentOrder : line.inventoryItemId();
    }

    private static OrderPlan planned(
            ShopifyOrderSnapshot order,
            Map<String, MappedVariant> variants,
            Map<String, Destination> locations,
            Destination defaultLocation,
            Set<String> serviceLocations,
            boolean seesOtherApps) {
        List<OrderLine> lines = new ArrayList<>();
        List<AnotherAppLine> anotherApps = new ArrayList<>();
        Set<String> unmapped = new LinkedHashSet<>();
        Set<String> inactive = new LinkedHashSet<>();
        String firstLocation = null;
        if (!seesOtherApps) {
            for (Map.Entry<ShopifyOrderSnapshot.Line, Integer> hidden :
                    uncovered(order).entrySet()) {
                ShopifyOrderSnapshot.Line line = hidden.getKey();
                MappedVariant mapped = line.variantId() == null ? null : variants.get(line.variantId());
                anotherApps.add(AnotherAppLine.notVisible(
                        line.lineItemId(),
                        bounded(line.sku(), 255),
                        bounded(line.title(), 1000),
                        mapped == null ? null : mapped.productCode(),
                        hidden.getValue()));
            }
        }
        List<Open> opens = seesOtherApps || !order.fulfillmentOrders().isEmpty()
                ? openQuantities(order, serviceLocations)
                : List.of(); // every fulfillment order hidden: the lines' own quantities are not the WMS's either
        boolean requestPending = false;
        for (Open open : opens) {
            ShopifyOrderSnapshot.Line line = open.line();
            MappedVariant mapped = line.variantId() == null ? null : variants.get(line.variantId());
            if (StoreLocation.isAnotherAppsService(open.locationId(), open.serviceHandle(), serviceLocations)) {
                // That app fulfils them: they neither go to the WMS nor hold the order when unmapped.
                anotherApps.add(new AnotherAppLine(
                        line.lineItemId(),
                        bounded(line.sku(), 255),
                        bounded(line.title(), 1000),
                        mapped == null ? null : mapped.productCode(),
                        open.locationId(),
                        bounded(open.serviceName() == null ? "a fulfillment service" : open.serviceName(), 255),
                        open.quantity()));
                continue;
            }
            String label = describe(line);
            if (mapped == null) {
                unmapped.add(label);
            } else if (!mapped.productActive()) {
                inactive.add(label + " → " + mapped.productCode());
            }
            String item = inventoryItem(mapped, open.inventoryItemId(), line);
            if (firstLocation == null && open.locationId() != null) {
                firstLocation = open.locationId();
            }
            requestPending |= open.submitted() && serviceLocations.contains(open.locationId());
            lines.add(new OrderLine(
                    line.lineItemId(),
                    line.variantId(),
                    bounded(line.sku(), 255),
                    bounded(line.title(), 1000),
                    mapped == null ? null : mapped.productCode(),
                    item,
                    open.locationId(),
                    open.quantity(),
                    bounded(line.bundle(), 1000),
                    null,
                    null));
        }
        Destination destination = firstLocation != null && locations.containsKey(firstLocation)
                ? locations.get(firstLocation)
                : defaultLocation;
        // Each line ships from its own location's warehouse; a line at a location mapped to none goes with the order's.
        lines = lines.stream()
                .map(l -> {
                    Destination from = l.locationId() != null && locations.containsKey(l.locationId())
                            ? locations.get(l.locationId())
                            : destination;
                    return from == null ? l : l.from(from.warehouseCode(), from.shippingProcessCode());
                })
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        if (!order.complete()) {
            return new OrderPlan(
                    lines,
                    destination,
                    HoldReason.TOO_LARGE,
                    "The order has more than " + ShopifyOrderSnapshot.MOST_LINES + " lines or "
                            + ShopifyOrderSnapshot.MOST_FULFILLMENT_ORDERS
                            + " fulfillment orders, more than the connector reads of one order; it is not handed over "
                            + "in part. Ship it from Shopify's admin, or split it into smaller orders there.",
                    anotherApps);
        }
        if (!unmapped.isEmpty()) {
            return new OrderPlan(
                    lines,
                    destination,
                    HoldReason.UNMAPPED_LINE,
                    bounded(
                            "No WMS product for " + String.join(", ", unmapped)
                                    + ". Map the variant on Product Mapping, then release the order.",
                            1000),
                    anotherApps);
        }
        if (!inactive.isEmpty()) {
            return new OrderPlan(
                    lines,
                    destination,
                    HoldReason.INACTIVE_PRODUCT,
                    bounded(
                            "Mapped to a product the WMS deactivated: " + String.join(", ", inactive)
                                    + ". Map the variant to an active product, then release the order.",
                            1000),
                    anotherApps);
        }
        if (destination == null && !lines.isEmpty()) {
            return new OrderPlan(
                    lines,
                    null,
                    HoldReason.NO_WAREHOUSE,
                    "The order's location"
                            + (firstLocation == null ? "" : " (" + firstLocation + ")")
                            + " is not mapped to a warehouse and "
                            + "the store has no default location mapped to one. Map it on Store Settings, then release.",
                    anotherApps);
        }
        if (lines.isEmpty() && !anotherApps.isEmpty()) {
            return new OrderPlan(lines, null, null, null, anotherApps); // none of it is the WMS's
        }
        return new OrderPlan(lines, destination, null, null, anotherApps, requestPending);
    }

    /**
     * The units of each line still to ship that no fulfillment order Shopify showed covers: the line's unfulfilled
     * quantity less what its visible, unfinished fulfillment orders still have to fulfil. With every fulfillment order
     * visible this is nothing.
     */
    static Map<ShopifyOrderSnapshot.Line, Integer> uncovered(ShopifyOrderSnapshot order) {
        Map<String, Integer> covered = new java.util.HashMap<>();
        for (ShopifyOrderSnapshot.FulfillmentOrder fo : order.fulfillmentOrders()) {
            if (FINISHED_FULFILLMENT.contains(fo.status())) {
                continue;
            }
            for (ShopifyOrderSnapshot.FulfillmentLine foLine : fo.lines()) {
                covered.merge(foLine.lineItemId(), foLine.remainingQuantity(), Integer::sum);
            }
        }
        Map<ShopifyOrderSnapshot.Line, Integer> uncovered = new java.util.LinkedHashMap<>();
        for (ShopifyOrderSnapshot.Line line : order.lines()) {
            int hidden = line.unfulfilledQuantity() - covered.getOrDefault(line.lineItemId(), 0);
            if (line.requiresShipping() && hidden > 0) {
                uncovered.put(line, hidden);
            }
        }
        return uncovered;
    }

    /** Fulfillment order statuses whose units are no longer to fulfil there (done, cancelled or moved away). */
    private static final Set<String> FINISHED_FULFILLMENT = Set.of("CLOSED", "CANCELLED", "INCOMPLETE");

    /**
     * The units left to ship of one line item at one location.
     *
     * @param serviceHandle the handle of the fulfillment service operating the location, null when the merchant does
     */
    record Open(
            ShopifyOrderSnapshot.Line line,
            String locationId,
            String inventoryItemId,
            int quantity,
            String serviceHandle,
            String serviceName,
            boolean submitted) {

        Open(ShopifyOrderSnapshot.Line line, String locationId, String inventoryItemId, int quantity) {
            this(line, locationId, inventoryItemId, quantity, null, null, false);
        }
    }

    /**
     * The units still to ship: from the open fulfillment orders (their assigned location and remaining quantity) or,
     * when Shopify gave none, from the lines' unfulfilled quantity with no location. Lines that need no shipping are
     * left out.
     */
    static List<Open> openQuantities(ShopifyOrderSnapshot order) {
        return openQuantities(order, Set.of());
    }

    /** As {@link #openQuantities(ShopifyOrderSnapshot)}, leaving out what is not requested of the WMS's service. */
    static List<Open> openQuantities(ShopifyOrderSnapshot order, Set<String> serviceLocations) {
        List<Open> open = new ArrayList<>();
        if (!order.fulfillmentOrders().isEmpty()) {
            for (ShopifyOrderSnapshot.FulfillmentOrder fo : order.fulfillmentOrders()) {
                if (!fo.open() || (serviceLocations.contains(fo.locationId()) && !fo.requestedOfService())) {
                    continue;
                }
                for (ShopifyOrderSnapshot.FulfillmentLine foLine : fo.lines()) {
                    ShopifyOrderSnapshot.Line line = order.line(foLine.lineItemId());
                    if (line != null && line.requiresShipping() && foLine.remainingQuantity() > 0) {
                        open.add(new Open(
                                line,
                                fo.locationId(),
                                foLine.inventoryItemId(),
                                foLine.remainingQuantity(),
                                fo.serviceHandle(),
                                fo.serviceName(),
                                "SUBMITTED".equals(fo.requestStatus())));
                    }
                }
            }
            return open;
        }
        for (ShopifyOrderSnapshot.Line line : order.lines()) {
            if (line.requiresShipping() && line.unfulfilledQuantity() > 0) {
                open.add(new Open(line, null, line.inventoryItemId(), line.unfulfilledQuantity()));
            }
        }
        return open;
    }

    private static String describe(ShopifyOrderSnapshot.Line line) {
        String sku = line.sku() == null || line.sku().isBlank() ? "no SKU" : "SKU " + line.sku();
        return (line.title() == null ? "a line" : line.title()) + " (" + sku + ")";
    }

    static String bounded(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
