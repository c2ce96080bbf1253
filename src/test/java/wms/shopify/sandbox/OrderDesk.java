package wms.shopify.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How orders move through a sandbox store: placing one commits stock at its location and opens a fulfillment order;
 * {@code fulfillmentCreate} ships units of open fulfillment orders, taking them out of {@code committed} and
 * {@code on_hand}. Each step sends the webhooks Shopify sends for it.
 */
final class OrderDesk {

    /**
     * Shopify's answer to an app that fulfils a fulfillment order assigned to another app's fulfillment service
     * (community.shopify.dev/t/34584, a fulfillment order "assigned to a fulfillment service location that your app
     * doesn't own"; its {@code supportedActions} then lack CREATE_FULFILLMENT).
     */
    static final String NOT_YOUR_SERVICE = "The api_client does not have access to the fulfillment order.";

    private final Shop shop;

    OrderDesk(Shop shop) {
        this.shop = shop;
    }

    Order place(Location from, boolean paid, Map<String, Integer> quantitiesBySku) {
        return place(from, paid, quantitiesBySku, false, null);
    }

    Order place(Location from, boolean paid, Map<String, Integer> quantitiesBySku, boolean test, String note) {
        return place(from, paid, quantitiesBySku, test, note, shop.defaultCustomer());
    }

    Order place(
            Location from,
            boolean paid,
            Map<String, Integer> quantitiesBySku,
            boolean test,
            String note,
            Customer customer) {
        return place(Map.of(from, quantitiesBySku), paid, test, note, customer);
    }

    /**
     * Places one order whose lines are routed to several locations: one fulfillment order per location, as Shopify's
     * order routing makes them when no single location stocks everything.
     */
    Order place(
            Map<Location, Map<String, Integer>> quantitiesByLocation,
            boolean paid,
            boolean test,
            String note,
            Customer customer) {
        Instant at = shop.now();
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("id", Gid.of("MailingAddress", shop.nextId()));
        address.put("firstName", customer.firstName());
        address.put("lastName", customer.lastName());
        address.put("name", customer.displayName());
        address.put("company", null);
        address.put("address1", customer.address1());
        address.put("address2", "");
        address.put("city", "Louisville");
        address.put("province", "Kentucky");
        address.put("provinceCode", "KY");
        address.put("country", "United States");
        address.put("countryCodeV2", "US");
        address.put("countryCode", "US");
        address.put("zip", "40202");
        address.put("phone", customer.phone());
        address.put("email", customer.email());
        Order order = shop.register(new Order(shop.nextId(), shop.nextOrderNumber(), customer, paid, address, at));
        order.markTest(test);
        order.note(note);
        if (shop.riskAtCheckout() != null) {
            order.assessRisk(null, shop.riskAtCheckout(), List.of());
        }
        String eventId = shop.newEventId();
        List<InventoryLevel> changed = new ArrayList<>();
        quantitiesByLocation.forEach((from, quantitiesBySku) -> {
            FulfillmentOrder fulfillmentOrder = shop.register(new FulfillmentOrder(shop.nextId(), order, from, at));
            quantitiesBySku.forEach((sku, quantity) -> {
                ProductVariant variant = shop.item(sku).variant();
                if (!variant.requiresComponents()) {
                    addLine(order, fulfillmentOrder, variant, quantity, null, changed);
                    return;
                }
                // A bundle is sold as its components: one line per component, each naming the bundle's group.
                LineItemGroup group = shop.register(new LineItemGroup(shop.nextId(), variant, quantity, at));
                for (ProductVariantComponent component : variant.productVariantComponents()) {
                    addLine(
                            order,
                            fulfillmentOrder,
                            component.productVariant(),
                            quantity * component.quantity(),
                            group,
                            changed);
                }
            });
            order.add(fulfillmentOrder);
        });
        if (paid) {
            order.add(shop.register(new OrderTransaction(shop.nextId(), "SALE", order.totalPrice(), null, at)));
        }
        shop.add(order);
        shop.emit("ORDERS_CREATE", eventId, RestPayloads.order(order));
        if (paid) {
            shop.emit("ORDERS_PAID", eventId, RestPayloads.order(order));
        }
        changed.forEach(level -> shop.emit("INVENTORY_LEVELS_UPDATE", eventId, RestPayloads.inventoryLevel(level)));
        return order;
    }

    /** One line of the order, with its fulfillment-order line, its units committed at the fulfillment location. */
    private void addLine(
            Order order,
            FulfillmentOrder fulfillmentOrder,
            ProductVariant variant,
            int quantity,
            LineItemGroup group,
            List<InventoryLevel> changed) {
        Instant at = shop.now();
        LineItem lineItem = shop.register(new LineItem(shop.nextId(), variant, quantity, group, at));
        order.add(lineItem);
        fulfillmentOrder.add(shop.register(new FulfillmentOrderLineItem(shop.nextId(), lineItem, quantity, at)));
        InventoryItem item = variant.inventoryItem();
        if (item.tracked()) {
            InventoryLevel level = shop.activate(item, fulfillmentOrder.location());
            level.change("available", -quantity, at);
            level.change("committed", quantity, at);
            changed.add(level);
        }
    }

    void markPaid(Order order) {
        order.paid();
        order.add(shop.register(new OrderTransaction(shop.nextId(), "SALE", order.totalPrice(), null, shop.now())));
        order.touch(shop.now());
        String eventId = shop.newEventId();
        shop.emit("ORDERS_PAID", eventId, RestPayloads.order(order));
        shop.emit("ORDERS_UPDATED", eventId, RestPayloads.order(order));
    }

    /** Shopify's fraud analysis (or a risk app) assesses the order: its risk summary changes, orders/updated is sent. */
    void assessRisk(Order order, String riskLevel, String fact) {
        if (!java.util.Set.of("HIGH", "MEDIUM", "LOW", "NONE", "PENDING").contains(riskLevel)) {
            throw new IllegalArgumentException("not a RiskAssessmentResult: " + riskLevel);
        }
        List<Map<String, Object>> facts = fact == null
                ? List.of()
                : List.of(Map.of("description", fact, "sentiment", riskLevel.equals("LOW") ? "POSITIVE" : "NEGATIVE"));
        order.assessRisk(null, riskLevel, facts);
        order.touch(shop.now());
        shop.emit("ORDERS_UPDATED", shop.newEventId(), RestPayloads.order(order));
    }

    /**
     * {@code orderRiskAssessmentCreate}: an app's assessment of an order, replacing the app's earlier one; Shopify's
     * own assessment stays. A fulfilled order is refused ({@code ORDER_ALREADY_FULFILLED}), an unknown one
     * {@code NOT_FOUND}; a fact's description is truncated to 256 characters, as Shopify documents.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> createRiskAssessment(Map<String, Object> input) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("orderRiskAssessment", null);
        Order order = shop.find((String) input.get("orderId"), Order.class);
        if (order == null) {
            payload.put(
                    "userErrors",
                    List.of(new UserError(
                            List.of("orderRiskAssessmentInput", "orderId"), "Order does not exist.", "NOT_FOUND")));
            return payload;
        }
        if (order.displayFulfillmentStatus().equals("FULFILLED")) {
            payload.put(
                    "userErrors",
                    List.of(new UserError(
                            List.of("orderRiskAssessmentInput", "orderId"),
                            "The order is already fulfilled.",
                            "ORDER_ALREADY_FULFILLED")));
            return payload;
        }
        List<Map<String, Object>> facts = new ArrayList<>();
        for (Map<String, Object> fact : (List<Map<String, Object>>) input.get("facts")) {
            String description = (String) fact.get("description");
            facts.add(Map.of(
                    "description",
                    description.length() > 256 ? description.substring(0, 256) : description,
                    "sentiment",
                    fact.get("sentiment")));
        }
        Map<String, Object> assessment = order.assessRisk("app", (String) input.get("riskLevel"), facts);
        order.touch(shop.now());
        shop.emit("ORDERS_UPDATED", shop.newEventId(), RestPayloads.order(order));
        payload.put("orderRiskAssessment", assessment);
        payload.put("userErrors", List.of());
        return payload;
    }

    void tag(Order order, List<String> tags) {
        order.tags(tags);
        order.touch(shop.now());
        shop.emit("ORDERS_UPDATED", shop.newEventId(), RestPayloads.order(order));
    }

    void editNote(Order order, String note) {
        order.note(note);
        order.touch(shop.now());
        shop.emit("ORDERS_UPDATED", shop.newEventId(), RestPayloads.order(order));
    }

    /**
     * Cancels the order: its open fulfillment orders close and the committed units are available again. A fulfillment
     * order a fulfillment service has accepted is not closed but gets a cancellation request, as the merchant cannot
     * take back work a service has; its units come back when the service accepts the cancellation.
     */
    void cancel(Order order, String reason) {
        Instant at = shop.now();
        String eventId = shop.newEventId();
        List<InventoryLevel> changed = new ArrayList<>();
        List<FulfillmentOrder> withTheService = new ArrayList<>();
        for (FulfillmentOrder fo : order.fulfillmentOrders()) {
            if (fo.location().isFulfillmentService()
                    && !fo.finished()
                    && List.of("ACCEPTED", "CANCELLATION_REJECTED").contains(fo.requestStatus())) {
                withTheService.add(fo);
                continue;
            }
            for (FulfillmentOrderLineItem li : fo.lineItems()) {
                InventoryItem item = li.lineItem().variant().inventoryItem();
                InventoryLevel level = shop.level(item, fo.location());
                if (item.tracked() && level != null && li.remainingQuantity() > 0) {
                    level.change("committed", -li.remainingQuantity(), at);
                    level.change("available", li.remainingQuantity(), at);
                    changed.add(level);
                }
            }
            fo.cancelled(at);
        }
        order.cancelled(reason, at);
        shop.emit("ORDERS_CANCELLED", eventId, RestPayloads.order(order));
        shop.emit("ORDERS_UPDATED", eventId, RestPayloads.order(order));
        changed.forEach(level -> shop.emit("INVENTORY_LEVELS_UPDATE", eventId, RestPayloads.inventoryLevel(level)));
        FulfillmentOrderDesk desk = new FulfillmentOrderDesk(shop);
        withTheService.forEach(fo -> desk.requestCancellation(fo, "The order was cancelled.", eventId));
    }

    /** {@code fulfillmentCreate}: all fulfillment orders of one call must belong to one order and one location. */
    Map<String, Object> fulfil(Map<String, Object> input) {
        List<UserError> errors = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) input.get("lineItemsByFulfillmentOrder");
        Map<FulfillmentOrderLineItem, Integer> shipments = new LinkedHashMap<>();
        Order order = null;
        Location location = null;
        for (int i = 0; i < groups.size(); i++) {
            Map<String, Object> group = groups.get(i);
            List<String> path =
                    List.of("fulfillment", "lineItemsByFulfillmentOrder", String.valueOf(i), "fulfillmentOrderId");
            FulfillmentOrder fo = shop.find((String) group.get("fulfillmentOrderId"), FulfillmentOrder.class);
            if (fo == null) {
                errors.add(new UserError(path, "Fulfillment order does not exist.", null));
                continue;
            }
            if (!fo.status().equals("OPEN") && !fo.status().equals("IN_PROGRESS")) {
                errors.add(new UserError(
                        path,
                        "Fulfillment order " + fo.id() + " has an unfulfillable status= "
                                + fo.status().toLowerCase() + ".",
                        null));
                continue;
            }
            if (fo.location().isFulfillmentService()
                    && !fo.location().fulfillmentService().ownedByThisApp()) {
                // Another app's service: only that app fulfils it (Shopify since 2024-10, whatever the scopes).
                errors.add(new UserError(path, NOT_YOUR_SERVICE, null));
                continue;
            }
            if (fo.location().isFulfillmentService()
                    && !List.of("ACCEPTED", "CANCELLATION_REQUESTED", "CANCELLATION_REJECTED")
                            .contains(fo.requestStatus())) {
                // A fulfillment service ships what it has accepted, never a request it has not answered.
                errors.add(new UserError(
                        path,
                        "Fulfillment order " + fo.id() + " has an unfulfillable request status= "
                                + fo.requestStatus().toLowerCase() + ".",
                        null));
                continue;
            }
            if ((order != null && order != fo.order()) || (location != null && location != fo.location())) {
                errors.add(new UserError(
                        path,
                        "All fulfillment orders must belong to the same order and be assigned to the same location.",
                        null));
                continue;
            }
            order = fo.order();
            location = fo.location();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lines = (List<Map<String, Object>>) group.get("fulfillmentOrderLineItems");
            if (lines == null || lines.isEmpty()) {
                fo.lineItems().stream()
                        .filter(li -> li.remainingQuantity() > 0)
                        .forEach(li -> shipments.put(li, li.remainingQuantity()));
                continue;
            }
            for (Map<String, Object> line : lines) {
                FulfillmentOrderLineItem foli = fo.lineItems().stream()
                        .filter(li -> li.id().equals(line.get("id")))
                        .findFirst()
                        .orElse(null);
                int quantity = (Integer) line.get("quantity");
                if (foli == null) {
                    errors.add(new UserError(
                            path, "Invalid fulfillment order line item id " + line.get("id") + ".", null));
                } else if (quantity <= 0 || quantity > foli.remainingQuantity()) {
                    errors.add(new UserError(path, "Invalid fulfillment order line item quantity requested.", null));
                } else {
                    shipments.merge(foli, quantity, Integer::sum);
                }
            }
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        if (!errors.isEmpty() || shipments.isEmpty()) {
            if (errors.isEmpty()) {
                errors.add(new UserError(List.of("fulfillment"), "Nothing left to fulfill.", null));
            }
            payload.put("fulfillment", null);
            payload.put("userErrors", errors);
            return payload;
        }
        Fulfillment fulfillment =
                ship(order, location, shipments, tracking(input), Boolean.TRUE.equals(input.get("notifyCustomer")));
        payload.put("fulfillment", fulfillment);
        payload.put("userErrors", List.of());
        return payload;
    }

    private Fulfillment ship(
            Order order,
            Location location,
            Map<FulfillmentOrderLineItem, Integer> shipments,
            List<Map<String, Object>> trackingInfo,
            boolean notifyCustomer) {
        Instant at = shop.now();
        String eventId = shop.newEventId();
        List<FulfillmentLineItem> lines = new ArrayList<>();
        List<InventoryLevel> changed = new ArrayList<>();
        shipments.forEach((foli, quantity) -> {
            foli.ship(quantity);
            foli.lineItem().fulfil(quantity);
            lines.add(shop.register(new FulfillmentLineItem(shop.nextId(), foli.lineItem(), quantity, at)));
            InventoryItem item = foli.lineItem().variant().inventoryItem();
            InventoryLevel level = shop.level(item, location);
            if (item.tracked() && level != null) {
                level.change("committed", -quantity, at);
                changed.add(level);
            }
        });
        Fulfillment fulfillment = shop.register(new Fulfillment(
                shop.nextId(), order, location, order.fulfillments().size() + 1, lines, trackingInfo, at));
        fulfillment.notifyCustomer(notifyCustomer);
        order.add(fulfillment);
        order.touch(at);
        order.fulfillmentOrders().stream()
                .filter(fo -> fo.lineItems().stream().anyMatch(shipments::containsKey))
                .forEach(fo -> fo.fulfilled(fulfillment, at));
        shop.emit("FULFILLMENTS_CREATE", eventId, RestPayloads.fulfillment(fulfillment));
        shop.emit("ORDERS_UPDATED", eventId, RestPayloads.order(order));
        shop.emit(
                order.displayFulfillmentStatus().equals("FULFILLED")
                        ? "ORDERS_FULFILLED"
                        : "ORDERS_PARTIALLY_FULFILLED",
                eventId,
                RestPayloads.order(order));
        changed.forEach(level -> shop.emit("INVENTORY_LEVELS_UPDATE", eventId, RestPayloads.inventoryLevel(level)));
        return fulfillment;
    }

    /** {@code fulfillmentTrackingInfoUpdate}: replaces a fulfillment's tracking information. */
    Map<String, Object> updateTracking(String fulfillmentId, Map<String, Object> trackingInfoInput) {
        Map<String, Object> payload = new LinkedHashMap<>();
        Fulfillment fulfillment = shop.find(fulfillmentId, Fulfillment.class);
        if (fulfillment == null) {
            payload.put("fulfillment", null);
            payload.put(
                    "userErrors",
                    List.of(new UserError(List.of("fulfillmentId"), "Fulfillment does not exist.", null)));
            return payload;
        }
        fulfillment.trackingInfo(tracking(Map.of("trackingInfo", trackingInfoInput)), shop.now());
        shop.emit("FULFILLMENTS_UPDATE", shop.newEventId(), RestPayloads.fulfillment(fulfillment));
        payload.put("fulfillment", fulfillment);
        payload.put("userErrors", List.of());
        return payload;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tracking(Map<String, Object> input) {
        Map<String, Object> info = (Map<String, Object>) input.get("trackingInfo");
        if (info == null) {
            return List.of();
        }
        List<String> numbers = info.get("numbers") != null
                ? (List<String>) info.get("numbers")
                : info.get("number") != null ? List.of((String) info.get("number")) : List.of();
        List<String> urls = info.get("urls") != null
                ? (List<String>) info.get("urls")
                : info.get("url") != null ? List.of(info.get("url").toString()) : List.of();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < Math.max(numbers.size(), urls.size()); i++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("company", info.get("company"));
            entry.put("number", i < numbers.size() ? numbers.get(i) : null);
            entry.put("url", i < urls.size() ? urls.get(i) : null);
            entries.add(entry);
        }
        if (entries.isEmpty() && info.get("company") != null) {
            entries.add(new LinkedHashMap<>(Map.of("company", info.get("company"))));
        }
        return entries;
    }
}
