package wms.shopify.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shopify's fulfillment-order state machine in a sandbox store: the merchant's requests to a fulfillment service and
 * the service's answers ({@code fulfillmentOrderSubmitFulfillmentRequest}, {@code ...AcceptFulfillmentRequest},
 * {@code ...RejectFulfillmentRequest}, {@code ...SubmitCancellationRequest}, {@code ...AcceptCancellationRequest},
 * {@code ...RejectCancellationRequest}), holds ({@code fulfillmentOrderHold}, {@code ...ReleaseHold}) and moves
 * ({@code fulfillmentOrderMove}). A transition the current state does not allow changes nothing and answers a user
 * error; each one that happens sends the {@code fulfillment_orders/*} webhook Shopify sends for it, and a request to a
 * service also goes to its callback ({@code fulfillment_order_notification}).
 */
final class FulfillmentOrderDesk {

    /** Shopify: "Each app can place up to 10 active holds per fulfillment order". */
    static final int HOLD_LIMIT = 10;

    static final String NOT_FOUND = "Fulfillment order does not exist.";

    private final Shop shop;

    FulfillmentOrderDesk(Shop shop) {
        this.shop = shop;
    }

    // ---- requests: the merchant asks, the fulfillment service answers -----------------------------------------

    /**
     * {@code fulfillmentOrderSubmitFulfillmentRequest} (the merchant's side): an OPEN fulfillment order at a
     * fulfillment service's location whose request is UNSUBMITTED (or was REJECTED) becomes SUBMITTED and the service
     * is told. Asking for some units only keeps those in this fulfillment order and puts the rest in a new, unsubmitted
     * one.
     */
    Map<String, Object> submitFulfillmentRequest(String id, String message, List<Map<String, Object>> lines) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("originalFulfillmentOrder", null);
        payload.put("submittedFulfillmentOrder", null);
        payload.put("unsubmittedFulfillmentOrder", null);
        FulfillmentOrder fo = shop.find(id, FulfillmentOrder.class);
        String refusal = fo == null
                ? NOT_FOUND
                : !fo.location().isFulfillmentService()
                        ? "Fulfillment order is not assigned to a fulfillment service location."
                        : !fo.status().equals("OPEN")
                                ? "Cannot request fulfillment for a fulfillment order with status "
                                        + fo.status().toLowerCase() + "."
                                : !List.of("UNSUBMITTED", "REJECTED").contains(fo.requestStatus())
                                        ? "Fulfillment has already been requested for this fulfillment order "
                                                + "(request status "
                                                + fo.requestStatus().toLowerCase() + ")."
                                        : null;
        if (refusal != null) {
            return refused(payload, "id", refusal);
        }
        Map<FulfillmentOrderLineItem, Integer> asked = new LinkedHashMap<>();
        List<UserError> errors = lineQuantities(fo, lines, "fulfillmentOrderLineItems", asked, null);
        if (!errors.isEmpty()) {
            payload.put("userErrors", errors);
            return payload;
        }
        Instant at = shop.now();
        String eventId = shop.newEventId();
        FulfillmentOrder unsubmitted = asked.isEmpty() ? null : splitOffAllBut(fo, asked, at);
        fo.requestStatus("SUBMITTED", at);
        FulfillmentOrderMerchantRequest request = request(fo, "FULFILLMENT_REQUEST", message, at);
        payload.put("originalFulfillmentOrder", fo);
        payload.put("submittedFulfillmentOrder", fo);
        payload.put("unsubmittedFulfillmentOrder", unsubmitted);
        payload.put("userErrors", List.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("original_fulfillment_order", RestPayloads.fulfillmentOrderRef(fo));
        body.put("submitted_fulfillment_order", RestPayloads.fulfillmentOrderRef(fo));
        body.put(
                "unsubmitted_fulfillment_order",
                unsubmitted == null ? null : RestPayloads.fulfillmentOrderRef(unsubmitted));
        body.put("fulfillment_order_merchant_request", RestPayloads.merchantRequest(request));
        shop.emit("FULFILLMENT_ORDERS_FULFILLMENT_REQUEST_SUBMITTED", eventId, body);
        shop.notify(fo.location().fulfillmentService(), "FULFILLMENT_REQUEST");
        return payload;
    }

    /** {@code fulfillmentOrderAcceptFulfillmentRequest}: SUBMITTED becomes ACCEPTED and the work IN_PROGRESS. */
    Map<String, Object> acceptFulfillmentRequest(String id, String message) {
        return answer(
                id,
                "SUBMITTED",
                "fulfillment request",
                fo -> {
                    fo.status("IN_PROGRESS", shop.now());
                    fo.requestStatus("ACCEPTED", shop.now());
                    return "FULFILLMENT_ORDERS_FULFILLMENT_REQUEST_ACCEPTED";
                },
                message,
                null);
    }

    /**
     * {@code fulfillmentOrderRejectFulfillmentRequest}: SUBMITTED becomes REJECTED; the work stays OPEN for the
     * merchant to move or request again.
     */
    Map<String, Object> rejectFulfillmentRequest(String id, String reason, String message) {
        return answer(
                id,
                "SUBMITTED",
                "fulfillment request",
                fo -> {
                    fo.status("OPEN", shop.now());
                    fo.requestStatus("REJECTED", shop.now());
                    return "FULFILLMENT_ORDERS_FULFILLMENT_REQUEST_REJECTED";
                },
                message,
                reason);
    }

    /**
     * {@code fulfillmentOrderSubmitCancellationRequest} (the merchant's side): once the service has ACCEPTED the work
     * (or refused an earlier cancellation), the merchant can only ask it to cancel: CANCELLATION_REQUESTED, and the
     * service is told.
     */
    Map<String, Object> submitCancellationRequest(String id, String message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("fulfillmentOrder", null);
        FulfillmentOrder fo = shop.find(id, FulfillmentOrder.class);
        String refusal = fo == null
                ? NOT_FOUND
                : fo.finished()
                        ? "Cannot request cancellation for a fulfillment order with status "
                                + fo.status().toLowerCase() + "."
                        : !List.of("ACCEPTED", "CANCELLATION_REJECTED").contains(fo.requestStatus())
                                ? "Cannot request cancellation for a fulfillment order with request status "
                                        + fo.requestStatus().toLowerCase() + "."
                                : null;
        if (refusal != null) {
            return refused(payload, "id", refusal);
        }
        requestCancellation(fo, message, shop.newEventId());
        payload.put("fulfillmentOrder", fo);
        payload.put("userErrors", List.of());
        return payload;
    }

    /** The cancellation request itself, also made when the merchant cancels an order the service has accepted. */
    void requestCancellation(FulfillmentOrder fo, String message, String eventId) {
        Instant at = shop.now();
        fo.requestStatus("CANCELLATION_REQUESTED", at);
        FulfillmentOrderMerchantRequest request = request(fo, "CANCELLATION_REQUEST", message, at);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fulfillment_order", RestPayloads.fulfillmentOrderRef(fo));
        body.put("fulfillment_order_merchant_request", RestPayloads.merchantRequest(request));
        shop.emit("FULFILLMENT_ORDERS_CANCELLATION_REQUEST_SUBMITTED", eventId, body);
        shop.notify(fo.location().fulfillmentService(), "CANCELLATION_REQUEST");
    }

    /**
     * {@code fulfillmentOrderAcceptCancellationRequest}: the fulfillment order is CLOSED with CANCELLATION_ACCEPTED.
     * The units not shipped go back to the merchant: in a new OPEN fulfillment order at the same location (as
     * {@code fulfillmentOrderCancel} documents its replacement), or, when the order itself was cancelled, back to
     * {@code available}.
     */
    Map<String, Object> acceptCancellationRequest(String id, String message) {
        return answer(
                id,
                "CANCELLATION_REQUESTED",
                "cancellation request",
                fo -> {
                    Instant at = shop.now();
                    Map<FulfillmentOrderLineItem, Integer> left = new LinkedHashMap<>();
                    fo.lineItems().stream()
                            .filter(li -> li.remainingQuantity() > 0)
                            .forEach(li -> left.put(li, li.remainingQuantity()));
                    if (fo.order().cancelledAt() != null) {
                        release(fo, left, at);
                    } else if (!left.isEmpty()) {
                        splitOff(fo, left, fo.location(), at);
                    }
                    fo.status("CLOSED", at);
                    fo.requestStatus("CANCELLATION_ACCEPTED", at);
                    return "FULFILLMENT_ORDERS_CANCELLATION_REQUEST_ACCEPTED";
                },
                message,
                null);
    }

    /** {@code fulfillmentOrderRejectCancellationRequest}: CANCELLATION_REJECTED; the service carries on. */
    Map<String, Object> rejectCancellationRequest(String id, String message) {
        return answer(
                id,
                "CANCELLATION_REQUESTED",
                "cancellation request",
                fo -> {
                    fo.status("IN_PROGRESS", shop.now());
                    fo.requestStatus("CANCELLATION_REJECTED", shop.now());
                    return "FULFILLMENT_ORDERS_CANCELLATION_REQUEST_REJECTED";
                },
                message,
                null);
    }

    /** A fulfillment service's answer to the request a fulfillment order is waiting on. */
    private Map<String, Object> answer(
            String id,
            String awaited,
            String what,
            java.util.function.Function<FulfillmentOrder, String> transition,
            String message,
            String reason) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("fulfillmentOrder", null);
        FulfillmentOrder fo = shop.find(id, FulfillmentOrder.class);
        String refusal = fo == null
                ? NOT_FOUND
                : !fo.location().isFulfillmentService()
                        ? "Fulfillment order is not assigned to a fulfillment service location."
                        : !fo.location().fulfillmentService().ownedByThisApp()
                                ? "The fulfillment order is not assigned to the requesting fulfillment service."
                                : !fo.requestStatus().equals(awaited) || fo.finished()
                                        ? "Cannot answer a " + what + " for a fulfillment order with status "
                                                + fo.status().toLowerCase() + " and request status "
                                                + fo.requestStatus().toLowerCase() + "."
                                        : null;
        if (refusal != null) {
            return refused(payload, "id", refusal);
        }
        String topic = transition.apply(fo);
        payload.put("fulfillmentOrder", fo);
        payload.put("userErrors", List.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fulfillment_order", RestPayloads.fulfillmentOrderRef(fo));
        body.put("message", message);
        if (reason != null) {
            body.put("reason", reason.toLowerCase());
        }
        shop.emit(topic, shop.newEventId(), body);
        return payload;
    }

    // ---- holds -------------------------------------------------------------------------------------------------

    /**
     * {@code fulfillmentOrderHold}: the fulfillment order goes ON_HOLD with one more hold (at most
     * {@value #HOLD_LIMIT}, each with its own handle). Holding some units only keeps those here and puts the rest in a
     * new OPEN fulfillment order ({@code remainingFulfillmentOrder}); an order already on hold cannot be split so.
     */
    Map<String, Object> hold(String id, Map<String, Object> input) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("fulfillmentHold", null);
        payload.put("fulfillmentOrder", null);
        payload.put("remainingFulfillmentOrder", null);
        FulfillmentOrder fo = shop.find(id, FulfillmentOrder.class);
        if (fo == null) {
            return refused(payload, List.of("id"), NOT_FOUND, "FULFILLMENT_ORDER_NOT_FOUND");
        }
        if (fo.finished() || FulfillmentOrder.WITH_THE_SERVICE.contains(fo.requestStatus())) {
            return refused(
                    payload,
                    List.of("id"),
                    "The fulfillment order cannot be placed on hold (status "
                            + fo.status().toLowerCase() + ", request status "
                            + fo.requestStatus().toLowerCase() + ").",
                    null);
        }
        String handle = input.get("handle") == null ? "" : (String) input.get("handle");
        if (fo.fulfillmentHolds().size() >= HOLD_LIMIT) {
            return refused(
                    payload,
                    List.of("id"),
                    "The maximum number of fulfillment holds for this fulfillment order has been reached for this app."
                            + " An app can only have up to " + HOLD_LIMIT + " holds on a single fulfillment order"
                            + " at any one time.",
                    "FULFILLMENT_ORDER_HOLD_LIMIT_REACHED");
        }
        if (fo.fulfillmentHolds().stream().anyMatch(h -> h.handle().equals(handle))) {
            return refused(
                    payload,
                    List.of("fulfillmentHold", "handle"),
                    "The handle provided for the fulfillment hold is already in use by this app for another hold on"
                            + " this fulfillment order.",
                    "DUPLICATE_FULFILLMENT_HOLD_HANDLE");
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) input.get("fulfillmentOrderLineItems");
        Map<FulfillmentOrderLineItem, Integer> held = new LinkedHashMap<>();
        List<UserError> errors = lineQuantities(
                fo, lines, "fulfillmentHold.fulfillmentOrderLineItems", held, "INVALID_LINE_ITEM_QUANTITY");
        if (errors.isEmpty() && !held.isEmpty() && fo.status().equals("ON_HOLD")) {
            errors.add(new UserError(
                    List.of("fulfillmentHold", "fulfillmentOrderLineItems"),
                    "The fulfillment order is not in a splittable state.",
                    "FULFILLMENT_ORDER_NOT_SPLITTABLE"));
        }
        if (!errors.isEmpty()) {
            payload.put("userErrors", errors);
            return payload;
        }
        Instant at = shop.now();
        FulfillmentOrder remaining = held.isEmpty() ? null : splitOffAllBut(fo, held, at);
        FulfillmentHold hold = shop.register(new FulfillmentHold(
                shop.nextId(),
                (String) input.get("reason"),
                (String) input.get("reasonNotes"),
                handle,
                (String) input.get("externalId"),
                at));
        fo.add(hold);
        fo.status("ON_HOLD", at);
        payload.put("fulfillmentHold", hold);
        payload.put("fulfillmentOrder", fo);
        payload.put("remainingFulfillmentOrder", remaining);
        payload.put("userErrors", List.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fulfillment_order", RestPayloads.fulfillmentOrderRef(fo));
        body.put("remaining_fulfillment_order", remaining == null ? null : RestPayloads.fulfillmentOrderRef(remaining));
        body.put("fulfillment_hold", RestPayloads.hold(hold));
        body.put("created_fulfillment_hold", RestPayloads.hold(hold));
        shop.emit("FULFILLMENT_ORDERS_PLACED_ON_HOLD", shop.newEventId(), body);
        return payload;
    }

    /**
     * {@code fulfillmentOrderReleaseHold}: the named holds of this fulfillment order (all when none are named) are
     * released; when none is left, the work is OPEN again (IN_PROGRESS if some units shipped).
     */
    Map<String, Object> releaseHold(String id, List<String> holdIds) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("fulfillmentOrder", null);
        FulfillmentOrder fo = shop.find(id, FulfillmentOrder.class);
        if (fo == null) {
            return refused(payload, List.of("id"), NOT_FOUND, "FULFILLMENT_ORDER_NOT_FOUND");
        }
        if (!fo.status().equals("ON_HOLD")) {
            return refused(payload, List.of("id"), "The fulfillment order is not on hold.", null);
        }
        // Shopify releases only the named holds that belong to this fulfillment order.
        List<FulfillmentHold> released = fo.fulfillmentHolds().stream()
                .filter(h -> holdIds == null || holdIds.contains(h.id()))
                .toList();
        if (released.isEmpty()) {
            return refused(
                    payload,
                    List.of("holdIds"),
                    "None of the fulfillment holds belong to this fulfillment order.",
                    "FULFILLMENT_ORDER_NOT_FOUND");
        }
        Instant at = shop.now();
        released.forEach(fo::remove);
        if (fo.fulfillmentHolds().isEmpty()) {
            fo.status(fo.statusWithoutHolds(), at);
        } else {
            fo.touch(at);
        }
        payload.put("fulfillmentOrder", fo);
        payload.put("userErrors", List.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fulfillment_order", RestPayloads.fulfillmentOrderRef(fo));
        body.put(
                "released_fulfillment_hold_ids",
                released.stream().map(FulfillmentHold::id).toList());
        shop.emit("FULFILLMENT_ORDERS_HOLD_RELEASED", shop.newEventId(), body);
        return payload;
    }

    // ---- moves -------------------------------------------------------------------------------------------------

    /**
     * {@code fulfillmentOrderMove}: the units not yet shipped (or the named ones) go to another location. With nothing
     * shipped and everything moved, the fulfillment order itself changes location; otherwise a new one at the
     * destination takes the moved units and the original keeps the rest, CLOSED when nothing is left to ship there.
     * Refused while a fulfillment service has the work (SUBMITTED, ACCEPTED, CANCELLATION_REQUESTED or
     * CANCELLATION_REJECTED), for a closed fulfillment order, and when the destination does not stock an item.
     * The committed units move with the work.
     */
    Map<String, Object> move(String id, String newLocationId, List<Map<String, Object>> lines) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("movedFulfillmentOrder", null);
        payload.put("originalFulfillmentOrder", null);
        payload.put("remainingFulfillmentOrder", null);
        FulfillmentOrder fo = shop.find(id, FulfillmentOrder.class);
        Location destination = shop.find(newLocationId, Location.class);
        String refusal = fo == null
                ? NOT_FOUND
                : fo.finished()
                        ? "Cannot move a fulfillment order with status "
                                + fo.status().toLowerCase() + "."
                        : FulfillmentOrder.WITH_THE_SERVICE.contains(fo.requestStatus())
                                ? "Cannot move a fulfillment order with request status "
                                        + fo.requestStatus().toLowerCase()
                                        + ": the fulfillment service must first accept a cancellation request."
                                : null;
        if (refusal != null) {
            return refused(payload, "id", refusal);
        }
        if (destination == null || !destination.isActive()) {
            return refused(payload, "newLocationId", "Location does not exist.");
        }
        if (destination == fo.location()) {
            return refused(payload, "newLocationId", "The fulfillment order is already assigned to this location.");
        }
        Map<FulfillmentOrderLineItem, Integer> moving = new LinkedHashMap<>();
        List<UserError> errors = lineQuantities(fo, lines, "fulfillmentOrderLineItems", moving, null);
        if (!errors.isEmpty()) {
            payload.put("userErrors", errors);
            return payload;
        }
        if (moving.isEmpty()) {
            fo.lineItems().stream()
                    .filter(li -> li.remainingQuantity() > 0)
                    .forEach(li -> moving.put(li, li.remainingQuantity()));
        }
        for (FulfillmentOrderLineItem li : moving.keySet()) {
            InventoryItem item = li.variant().inventoryItem();
            if (item.tracked() && shop.level(item, destination) == null) {
                return refused(
                        payload,
                        "newLocationId",
                        "The destination location does not stock " + li.sku() + " (inventory item " + item.id() + ").");
            }
        }
        if (moving.isEmpty()) {
            return refused(payload, "id", "The fulfillment order has no unfulfilled line items to move.");
        }
        Instant at = shop.now();
        String eventId = shop.newEventId();
        Location source = fo.location();
        List<InventoryLevel> changed = new ArrayList<>();
        moving.forEach((li, units) -> {
            InventoryItem item = li.variant().inventoryItem();
            if (item.tracked()) {
                InventoryLevel from = shop.level(item, source);
                InventoryLevel to = shop.level(item, destination);
                if (from != null) {
                    from.change("committed", -units, at);
                    from.change("available", units, at);
                    changed.add(from);
                }
                to.change("available", -units, at);
                to.change("committed", units, at);
                changed.add(to);
            }
        });
        boolean whole = !fo.anyFulfilled()
                && moving.entrySet().stream()
                        .allMatch(e -> e.getValue() == e.getKey().remainingQuantity())
                && fo.lineItems().stream()
                        .filter(li -> li.remainingQuantity() > 0)
                        .allMatch(moving::containsKey);
        FulfillmentOrder moved;
        if (whole) {
            fo.location(destination, at);
            fo.requestStatus("UNSUBMITTED", at);
            moved = fo;
        } else {
            moved = splitOff(fo, moving, destination, at);
            if (fo.remainingQuantity() == 0) {
                fo.status("CLOSED", at);
            }
        }
        payload.put("movedFulfillmentOrder", moved);
        payload.put("originalFulfillmentOrder", fo);
        payload.put("userErrors", List.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("original_fulfillment_order", RestPayloads.fulfillmentOrderRef(fo));
        body.put("moved_fulfillment_order", RestPayloads.fulfillmentOrderRef(moved));
        body.put("destination_location_id", destination.id());
        body.put(
                "fulfillment_order_line_items_requested",
                lines == null
                        ? List.of()
                        : lines.stream()
                                .map(l -> Map.of("id", l.get("id"), "quantity", l.get("quantity")))
                                .toList());
        body.put("source_location", Map.of("id", source.id()));
        shop.emit("FULFILLMENT_ORDERS_MOVED", eventId, body);
        changed.stream()
                .distinct()
                .forEach(level -> shop.emit("INVENTORY_LEVELS_UPDATE", eventId, RestPayloads.inventoryLevel(level)));
        return payload;
    }

    // ---- what the transitions share ----------------------------------------------------------------------------

    /**
     * Reads {@code [{id, quantity}]} against a fulfillment order's lines into {@code into}; the errors Shopify gives
     * for an unknown line, a line named twice, a quantity of 0 or less, and more than the line has left.
     */
    private static List<UserError> lineQuantities(
            FulfillmentOrder fo,
            List<Map<String, Object>> lines,
            String field,
            Map<FulfillmentOrderLineItem, Integer> into,
            String quantityCode) {
        List<UserError> errors = new ArrayList<>();
        if (lines == null) {
            return errors;
        }
        List<String> path = List.of(field.split("\\."));
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> line : lines) {
            String lineId = (String) line.get("id");
            int quantity = ((Number) line.get("quantity")).intValue();
            FulfillmentOrderLineItem li = fo.lineItems().stream()
                    .filter(l -> l.id().equals(lineId))
                    .findFirst()
                    .orElse(null);
            if (!seen.add(lineId)) {
                errors.add(new UserError(
                        path,
                        "The fulfillment order line item " + lineId + " is given more than once.",
                        quantityCode == null ? null : "DUPLICATED_FULFILLMENT_ORDER_LINE_ITEMS"));
            } else if (li == null) {
                errors.add(new UserError(path, "Invalid fulfillment order line item id " + lineId + ".", null));
            } else if (quantity <= 0) {
                errors.add(new UserError(
                        path, "Quantity must be greater than 0.", quantityCode == null ? null : "GREATER_THAN_ZERO"));
            } else if (quantity > li.remainingQuantity()) {
                errors.add(
                        new UserError(path, "Invalid fulfillment order line item quantity requested.", quantityCode));
            } else {
                into.put(li, quantity);
            }
        }
        return errors;
    }

    /**
     * Keeps only {@code kept} units in {@code fo} and moves every other unshipped unit to a new fulfillment order at
     * the same location; the new one, or null when nothing else was left.
     */
    private FulfillmentOrder splitOffAllBut(
            FulfillmentOrder fo, Map<FulfillmentOrderLineItem, Integer> kept, Instant at) {
        Map<FulfillmentOrderLineItem, Integer> rest = new LinkedHashMap<>();
        for (FulfillmentOrderLineItem li : fo.lineItems()) {
            int left = li.remainingQuantity() - kept.getOrDefault(li, 0);
            if (left > 0) {
                rest.put(li, left);
            }
        }
        return rest.isEmpty() ? null : splitOff(fo, rest, fo.location(), at);
    }

    /** A new OPEN, unsubmitted fulfillment order of the order at {@code location} with these units of {@code fo}. */
    FulfillmentOrder splitOff(
            FulfillmentOrder fo, Map<FulfillmentOrderLineItem, Integer> units, Location location, Instant at) {
        FulfillmentOrder split = shop.register(new FulfillmentOrder(shop.nextId(), fo.order(), location, at));
        units.forEach((li, quantity) -> {
            li.takeOut(quantity);
            split.add(shop.register(new FulfillmentOrderLineItem(shop.nextId(), li.lineItem(), quantity, at)));
        });
        fo.order().add(split);
        fo.touch(at);
        return split;
    }

    /** Committed units that will not ship go back to {@code available} (an order cancelled). */
    private void release(FulfillmentOrder fo, Map<FulfillmentOrderLineItem, Integer> units, Instant at) {
        String eventId = shop.newEventId();
        units.forEach((li, quantity) -> {
            InventoryItem item = li.variant().inventoryItem();
            InventoryLevel level = shop.level(item, fo.location());
            if (item.tracked() && level != null) {
                level.change("committed", -quantity, at);
                level.change("available", quantity, at);
                shop.emit("INVENTORY_LEVELS_UPDATE", eventId, RestPayloads.inventoryLevel(level));
            }
        });
    }

    private FulfillmentOrderMerchantRequest request(FulfillmentOrder fo, String kind, String message, Instant at) {
        FulfillmentOrderMerchantRequest request =
                shop.register(new FulfillmentOrderMerchantRequest(shop.nextId(), fo, kind, message, at));
        fo.add(request);
        return request;
    }

    private static Map<String, Object> refused(Map<String, Object> payload, String field, String message) {
        return refused(payload, List.of(field), message, null);
    }

    private static Map<String, Object> refused(
            Map<String, Object> payload, List<String> field, String message, String code) {
        payload.put("userErrors", List.of(new UserError(field, message, code)));
        return payload;
    }
}
