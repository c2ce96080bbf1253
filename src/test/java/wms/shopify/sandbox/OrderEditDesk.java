package wms.shopify.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Order edits as Shopify makes them: {@code orderEditBegin} opens a {@link CalculatedOrder}, {@code orderEditAddVariant}
 * and {@code orderEditSetQuantity} stage changes on it, and {@code orderEditCommit} applies them to the order at once:
 * a raised or new line commits stock and gets fulfillment order units, a lowered line gives its unshipped units back
 * ({@code currentQuantity} drops, {@code quantity} stays as ordered). Units already shipped, or with a fulfillment
 * service that has the request, cannot be edited away. The commit sends {@code orders/edited} (the edit's additions
 * and removals with their deltas) and {@code orders/updated}.
 */
final class OrderEditDesk {

    private final Shop shop;

    OrderEditDesk(Shop shop) {
        this.shop = shop;
    }

    Map<String, Object> begin(String orderId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("calculatedOrder", null);
        payload.put("orderEditSession", null);
        Order order = shop.find(orderId, Order.class);
        if (order == null) {
            return refused(payload, "id", "The order does not exist.");
        }
        if (order.cancelledAt() != null) {
            return refused(payload, "id", "A cancelled order cannot be edited.");
        }
        Instant at = shop.now();
        CalculatedOrder edit = shop.register(new CalculatedOrder(shop.nextId(), order, at));
        for (LineItem li : order.lineItems()) {
            if (li.currentQuantity() == 0) {
                continue;
            }
            int fixed = li.fulfilledQuantity()
                    + order.fulfillmentOrders().stream()
                            .filter(fo ->
                                    !fo.finished() && FulfillmentOrder.WITH_THE_SERVICE.contains(fo.requestStatus()))
                            .flatMap(fo -> fo.lineItems().stream())
                            .filter(foli -> foli.lineItem() == li)
                            .mapToInt(FulfillmentOrderLineItem::remainingQuantity)
                            .sum();
            edit.add(shop.register(new CalculatedLineItem(
                    shop.nextId(), li, li.variant(), null, li.currentQuantity(), li.currentQuantity() - fixed, at)));
        }
        return staged(payload, edit);
    }

    Map<String, Object> addVariant(Map<String, Object> arguments) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("calculatedLineItem", null);
        payload.put("calculatedOrder", null);
        payload.put("orderEditSession", null);
        CalculatedOrder edit = open((String) arguments.get("id"), payload);
        if (edit == null) {
            return payload;
        }
        ProductVariant variant = shop.find((String) arguments.get("variantId"), ProductVariant.class);
        int quantity = ((Number) arguments.get("quantity")).intValue();
        String locationId = (String) arguments.get("locationId");
        Location location = locationId == null
                ? edit.originalOrder().fulfillmentOrders().get(0).location()
                : shop.find(locationId, Location.class);
        if (variant == null) {
            return refused(payload, "variantId", "The variant does not exist.");
        }
        if (quantity <= 0) {
            return refused(payload, "quantity", "Quantity must be greater than 0.");
        }
        if (location == null || !location.isActive()) {
            return refused(payload, "locationId", "Location does not exist.");
        }
        if (!Boolean.TRUE.equals(arguments.get("allowDuplicates"))
                && edit.lineItems().stream().anyMatch(l -> l.variant() == variant)) {
            return refused(
                    payload,
                    "variantId",
                    "The variant is already on the order; pass allowDuplicates to add it as another line.");
        }
        CalculatedLineItem line =
                shop.register(new CalculatedLineItem(shop.nextId(), null, variant, location, quantity, 0, shop.now()));
        edit.add(line);
        payload.put("calculatedLineItem", line);
        return staged(payload, edit);
    }

    Map<String, Object> setQuantity(Map<String, Object> arguments) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("calculatedLineItem", null);
        payload.put("calculatedOrder", null);
        payload.put("orderEditSession", null);
        CalculatedOrder edit = open((String) arguments.get("id"), payload);
        if (edit == null) {
            return payload;
        }
        String lineId = (String) arguments.get("lineItemId");
        CalculatedLineItem line = edit.lineItems().stream()
                .filter(l -> l.id().equals(lineId))
                .findFirst()
                .orElse(null);
        int quantity = ((Number) arguments.get("quantity")).intValue();
        if (line == null) {
            return refused(payload, "lineItemId", "The line item is not part of this order edit.");
        }
        if (quantity < 0) {
            return refused(payload, "quantity", "Quantity must be greater than or equal to 0.");
        }
        if (quantity < line.fixedQuantity()) {
            return refused(
                    payload,
                    "quantity",
                    "Quantity cannot be less than the " + line.fixedQuantity()
                            + " units already fulfilled or with a fulfillment service.");
        }
        line.quantity(quantity, !Boolean.FALSE.equals(arguments.get("restock")));
        payload.put("calculatedLineItem", line);
        return staged(payload, edit);
    }

    Map<String, Object> commit(String id, Boolean notifyCustomer, String staffNote) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("order", null);
        payload.put("successMessages", null);
        CalculatedOrder edit = open(id, payload);
        if (edit == null) {
            return payload;
        }
        Instant at = shop.now();
        String eventId = shop.newEventId();
        Order order = edit.originalOrder();
        List<Map<String, Object>> additions = new ArrayList<>();
        List<Map<String, Object>> removals = new ArrayList<>();
        List<InventoryLevel> changed = new ArrayList<>();
        for (CalculatedLineItem line : edit.lineItems()) {
            if (line.added()) {
                LineItem li = shop.register(new LineItem(shop.nextId(), line.variant(), line.quantity(), at));
                order.add(li);
                FulfillmentOrder fo = shop.register(new FulfillmentOrder(shop.nextId(), order, line.location(), at));
                fo.add(shop.register(new FulfillmentOrderLineItem(shop.nextId(), li, line.quantity(), at)));
                order.add(fo);
                commitStock(li, line.location(), line.quantity(), at, changed);
                additions.add(delta(li, line.quantity()));
                continue;
            }
            LineItem li = line.lineItem();
            int delta = line.quantity() - li.currentQuantity();
            if (delta > 0) {
                li.added(delta);
                FulfillmentOrderLineItem open =
                        editable(order, li).stream().findFirst().orElse(null);
                Location location;
                if (open != null) {
                    open.putIn(delta);
                    location = owner(order, open).location();
                } else {
                    FulfillmentOrder first = order.fulfillmentOrders().stream()
                            .filter(fo -> fo.lineItems().stream().anyMatch(f -> f.lineItem() == li))
                            .findFirst()
                            .orElseThrow();
                    location = first.location();
                    FulfillmentOrder fo = shop.register(new FulfillmentOrder(shop.nextId(), order, location, at));
                    fo.add(shop.register(new FulfillmentOrderLineItem(shop.nextId(), li, delta, at)));
                    order.add(fo);
                }
                commitStock(li, location, delta, at, changed);
                additions.add(delta(li, delta));
            } else if (delta < 0) {
                int left = -delta;
                li.removed(left);
                for (FulfillmentOrderLineItem foli : editable(order, li)) {
                    int take = Math.min(left, foli.remainingQuantity());
                    FulfillmentOrder fo = owner(order, foli);
                    foli.takeOut(take);
                    commitStock(li, fo.location(), -take, at, changed);
                    if (fo.remainingQuantity() == 0) {
                        fo.status("CLOSED", at);
                    }
                    left -= take;
                    if (left == 0) {
                        break;
                    }
                }
                removals.add(delta(li, -delta));
            }
        }
        edit.committed(Boolean.TRUE.equals(notifyCustomer), staffNote, at);
        order.touch(at);
        payload.put("order", order);
        payload.put("successMessages", List.of("Order updated"));
        payload.put("userErrors", List.of());
        shop.emit("ORDERS_EDITED", eventId, RestPayloads.orderEdit(edit, additions, removals));
        shop.emit("ORDERS_UPDATED", eventId, RestPayloads.order(order));
        changed.stream()
                .distinct()
                .forEach(level -> shop.emit("INVENTORY_LEVELS_UPDATE", eventId, RestPayloads.inventoryLevel(level)));
        return payload;
    }

    /** A successful answer about an edit: the calculated order and its session. */
    private static Map<String, Object> staged(Map<String, Object> payload, CalculatedOrder edit) {
        payload.put("calculatedOrder", edit);
        payload.put("orderEditSession", Map.of("id", Gid.of("OrderEditSession", edit.legacyResourceId())));
        payload.put("userErrors", List.of());
        return payload;
    }

    /** The order's fulfillment order lines for {@code li} whose units an edit may change (not shipped, not sent). */
    private static List<FulfillmentOrderLineItem> editable(Order order, LineItem li) {
        return order.fulfillmentOrders().stream()
                .filter(fo -> !fo.finished() && !FulfillmentOrder.WITH_THE_SERVICE.contains(fo.requestStatus()))
                .flatMap(fo -> fo.lineItems().stream())
                .filter(foli -> foli.lineItem() == li && foli.remainingQuantity() > 0)
                .toList();
    }

    private static FulfillmentOrder owner(Order order, FulfillmentOrderLineItem foli) {
        return order.fulfillmentOrders().stream()
                .filter(fo -> fo.lineItems().contains(foli))
                .findFirst()
                .orElseThrow();
    }

    /** Commits (or, negative, releases) units of a line at a location, as placing the order did. */
    private void commitStock(LineItem li, Location location, int units, Instant at, List<InventoryLevel> changed) {
        InventoryItem item = li.variant().inventoryItem();
        if (!item.tracked()) {
            return;
        }
        InventoryLevel level = shop.activate(item, location);
        level.change("available", -units, at);
        level.change("committed", units, at);
        changed.add(level);
    }

    private static Map<String, Object> delta(LineItem li, int units) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", li.legacyResourceId());
        entry.put("delta", units);
        return entry;
    }

    /** The edit named, if it can still be changed; else null with the user error in the payload. */
    private CalculatedOrder open(String id, Map<String, Object> payload) {
        CalculatedOrder edit = shop.find(id, CalculatedOrder.class);
        if (edit == null) {
            refused(payload, "id", "The calculated order does not exist.");
            return null;
        }
        if (edit.committed()) {
            refused(payload, "id", "The calculated order has already been committed.");
            return null;
        }
        return edit;
    }

    private static Map<String, Object> refused(Map<String, Object> payload, String field, String message) {
        payload.put("userErrors", List.of(new UserError(List.of(field), message, null)));
        return payload;
    }
}
