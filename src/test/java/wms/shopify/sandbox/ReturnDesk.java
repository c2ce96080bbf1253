package wms.shopify.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Returns in a sandbox store: requested by a customer or created already approved, approved into a reverse
 * fulfillment order, disposed (RESTOCKED puts units back into {@code available} and {@code on_hand} at the given
 * location), processed and closed. Only fulfilled units that are not yet being returned can be returned.
 */
final class ReturnDesk {

    private final Shop shop;

    ReturnDesk(Shop shop) {
        this.shop = shop;
    }

    /** {@code returnCreate} (approved at once) or {@code returnRequest} (awaiting approval). */
    @SuppressWarnings("unchecked")
    Map<String, Object> create(Map<String, Object> input, String inputName, boolean approved) {
        List<UserError> errors = new ArrayList<>();
        Order order = shop.find((String) input.get("orderId"), Order.class);
        if (order == null) {
            errors.add(new UserError(List.of(inputName, "orderId"), "Order does not exist.", "NOT_FOUND"));
            return payload(null, errors);
        }
        Instant at = shop.now();
        List<Map<String, Object>> lines = (List<Map<String, Object>>) input.get("returnLineItems");
        Map<FulfillmentLineItem, Integer> wanted = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> line = lines.get(i);
            List<String> path = List.of(inputName, "returnLineItems", String.valueOf(i));
            FulfillmentLineItem fli = shop.find((String) line.get("fulfillmentLineItemId"), FulfillmentLineItem.class);
            int quantity = (Integer) line.get("quantity");
            if (fli == null
                    || order.fulfillments().stream()
                            .noneMatch(f -> f.fulfillmentLineItems().contains(fli))) {
                errors.add(new UserError(path, "Fulfillment line item does not exist.", "NOT_FOUND"));
            } else if (quantity <= 0
                    || quantity + returning(order, fli) + wanted.getOrDefault(fli, 0) > fli.quantity()) {
                errors.add(new UserError(path, "Quantity is not available for return.", "INVALID"));
            } else {
                wanted.merge(fli, quantity, Integer::sum);
            }
        }
        if (!errors.isEmpty()) {
            return payload(null, errors);
        }
        Return aReturn = shop.register(
                new Return(shop.nextId(), order, order.returns().size() + 1, approved ? "OPEN" : "REQUESTED", at));
        for (Map<String, Object> line : lines) {
            FulfillmentLineItem fli = shop.find((String) line.get("fulfillmentLineItemId"), FulfillmentLineItem.class);
            aReturn.add(shop.register(new ReturnLineItem(
                    shop.nextId(),
                    fli,
                    (Integer) line.get("quantity"),
                    (String) line.get("customerNote"),
                    (String) line.get("returnReasonNote"),
                    at)));
        }
        order.add(aReturn);
        shop.add(aReturn);
        String eventId = shop.newEventId();
        if (approved) {
            openReverseFulfillment(aReturn, at);
            aReturn.open(at);
            shop.emit("RETURNS_APPROVE", eventId, RestPayloads.returnOf(aReturn));
        } else {
            shop.emit("RETURNS_REQUEST", eventId, RestPayloads.returnOf(aReturn));
        }
        return payload(aReturn, errors);
    }

    Map<String, Object> approve(Map<String, Object> input) {
        Return aReturn = shop.find((String) input.get("id"), Return.class);
        if (aReturn == null) {
            return payload(null, List.of(new UserError(List.of("input", "id"), "Return does not exist.", "NOT_FOUND")));
        }
        if (!aReturn.status().equals("REQUESTED")) {
            return payload(
                    null,
                    List.of(new UserError(
                            List.of("input", "id"),
                            "Return is not approvable. Only returns with status REQUESTED can be approved.",
                            "INVALID_STATE")));
        }
        Instant at = shop.now();
        openReverseFulfillment(aReturn, at);
        aReturn.open(at);
        shop.emit("RETURNS_APPROVE", shop.newEventId(), RestPayloads.returnOf(aReturn));
        return payload(aReturn, List.of());
    }

    /** {@code reverseFulfillmentOrderDispose}: all-or-nothing over the given dispositions. */
    Map<String, Object> dispose(List<Map<String, Object>> inputs) {
        List<UserError> errors = validateDispositions(inputs, List.of("dispositionInputs"));
        Map<String, Object> payload = new LinkedHashMap<>();
        if (!errors.isEmpty()) {
            payload.put("reverseFulfillmentOrderLineItems", null);
            payload.put("userErrors", errors);
            return payload;
        }
        payload.put("reverseFulfillmentOrderLineItems", applyDispositions(inputs));
        payload.put("userErrors", List.of());
        return payload;
    }

    /**
     * {@code returnProcess}: all-or-nothing, marks each line's units processed and applies its dispositions (the
     * dispositions of a line are its own reverse fulfillment order line's and add up to at most the units processed).
     * The return stays OPEN ({@code returnClose} ends it). Not idempotent: sent twice, the second is refused once
     * nothing is left to process. Refunds ({@code financialTransfer}) are not modelled.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> process(Map<String, Object> input) {
        Return aReturn = shop.find((String) input.get("returnId"), Return.class);
        if (aReturn == null || !aReturn.status().equals("OPEN")) {
            return payload(
                    null,
                    List.of(new UserError(
                            List.of("input", "returnId"),
                            aReturn == null ? "Return does not exist." : "Return must be open to be processed.",
                            aReturn == null ? "NOT_FOUND" : "INVALID_STATE")));
        }
        List<Map<String, Object>> lines = (List<Map<String, Object>>) input.getOrDefault("returnLineItems", List.of());
        List<UserError> errors = new ArrayList<>();
        List<Map<String, Object>> dispositions = new ArrayList<>();
        Map<ReturnLineItem, Integer> processing = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> line = lines.get(i);
            List<String> path = List.of("input", "returnLineItems", String.valueOf(i));
            ReturnLineItem rli = shop.find((String) line.get("id"), ReturnLineItem.class);
            int quantity = (Integer) line.get("quantity");
            if (rli == null || !aReturn.returnLineItems().contains(rli)) {
                errors.add(new UserError(path, "Return line item does not exist.", "NOT_FOUND"));
                continue;
            }
            int total = processing.merge(rli, quantity, Integer::sum);
            if (quantity <= 0 || total > rli.processableQuantity()) {
                errors.add(new UserError(path, "Quantity exceeds the processable quantity.", "INVALID"));
            }
            List<Map<String, Object>> own =
                    line.get("dispositions") == null ? List.of() : (List<Map<String, Object>>) line.get("dispositions");
            int disposing = 0;
            for (Map<String, Object> d : own) {
                ReverseFulfillmentOrderLineItem rfoLine = shop.find(
                        (String) d.get("reverseFulfillmentOrderLineItemId"), ReverseFulfillmentOrderLineItem.class);
                if (rfoLine != null && rfoLine.returnLineItem() != rli) {
                    errors.add(new UserError(
                            List.of("input", "returnLineItems", String.valueOf(i), "dispositions"),
                            "Reverse fulfillment order line item does not belong to the return line item.",
                            "INVALID"));
                }
                disposing += (Integer) d.get("quantity");
            }
            if (disposing > quantity) {
                errors.add(new UserError(
                        List.of("input", "returnLineItems", String.valueOf(i), "dispositions"),
                        "Dispositions exceed the quantity processed.",
                        "INVALID"));
            }
            dispositions.addAll(own);
        }
        errors.addAll(validateDispositions(dispositions, List.of("input", "returnLineItems")));
        if (!errors.isEmpty()) {
            return payload(null, errors);
        }
        processing.forEach(ReturnLineItem::process);
        applyDispositions(dispositions);
        aReturn.touch(shop.now());
        shop.emit("RETURNS_PROCESS", shop.newEventId(), RestPayloads.returnOf(aReturn));
        return payload(aReturn, List.of());
    }

    Map<String, Object> close(String id) {
        Return aReturn = shop.find(id, Return.class);
        if (aReturn == null) {
            return payload(null, List.of(new UserError(List.of("id"), "Return does not exist.", "NOT_FOUND")));
        }
        if (!aReturn.status().equals("OPEN")) {
            return payload(
                    null, List.of(new UserError(List.of("id"), "Return must be open to be closed.", "INVALID_STATE")));
        }
        aReturn.close(shop.now());
        shop.emit("RETURNS_CLOSE", shop.newEventId(), RestPayloads.returnOf(aReturn));
        return payload(aReturn, List.of());
    }

    private List<UserError> validateDispositions(List<Map<String, Object>> inputs, List<String> base) {
        List<UserError> errors = new ArrayList<>();
        Map<ReverseFulfillmentOrderLineItem, Integer> planned = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Map<String, Object> in = inputs.get(i);
            List<String> path = new ArrayList<>(base);
            path.add(String.valueOf(i));
            ReverseFulfillmentOrderLineItem line = shop.find(
                    (String) in.get("reverseFulfillmentOrderLineItemId"), ReverseFulfillmentOrderLineItem.class);
            int quantity = (Integer) in.get("quantity");
            String type = (String) in.get("dispositionType");
            if (line == null) {
                errors.add(new UserError(path, "Reverse fulfillment order line item does not exist.", "NOT_FOUND"));
                continue;
            }
            int total = planned.merge(line, quantity, Integer::sum);
            if (quantity <= 0 || line.disposedQuantity() + total > line.totalQuantity()) {
                errors.add(new UserError(path, "Quantity exceeds the quantity left to dispose.", "INVALID"));
            }
            if ("RESTOCKED".equals(type) && shop.find((String) in.get("locationId"), Location.class) == null) {
                errors.add(new UserError(path, "A valid location is required to restock.", "INVALID"));
            }
        }
        return errors;
    }

    private List<ReverseFulfillmentOrderLineItem> applyDispositions(List<Map<String, Object>> inputs) {
        Instant at = shop.now();
        String eventId = shop.newEventId();
        List<ReverseFulfillmentOrderLineItem> touched = new ArrayList<>();
        for (Map<String, Object> in : inputs) {
            ReverseFulfillmentOrderLineItem line = shop.find(
                    (String) in.get("reverseFulfillmentOrderLineItemId"), ReverseFulfillmentOrderLineItem.class);
            int quantity = (Integer) in.get("quantity");
            String type = (String) in.get("dispositionType");
            Location location = shop.find((String) in.get("locationId"), Location.class);
            line.dispose(shop.nextId(), quantity, type, location, at);
            if ("RESTOCKED".equals(type)) {
                InventoryItem item =
                        line.fulfillmentLineItem().lineItem().variant().inventoryItem();
                if (item.tracked()) {
                    InventoryLevel level = shop.activate(item, location);
                    level.change("available", quantity, at);
                    shop.emit("INVENTORY_LEVELS_UPDATE", eventId, RestPayloads.inventoryLevel(level));
                }
            }
            shop.emit(
                    "REVERSE_FULFILLMENT_ORDERS_DISPOSE",
                    eventId,
                    RestPayloads.dispositions(line, quantity, type, location));
            if (!touched.contains(line)) {
                touched.add(line);
            }
        }
        return touched;
    }

    private void openReverseFulfillment(Return aReturn, Instant at) {
        ReverseFulfillmentOrder rfo = shop.register(new ReverseFulfillmentOrder(shop.nextId(), aReturn, at));
        aReturn.returnLineItems()
                .forEach(rli ->
                        rfo.add(shop.register(new ReverseFulfillmentOrderLineItem(shop.nextId(), rfo, rli, at))));
        aReturn.add(rfo);
    }

    /** Units of a fulfillment line already in a return that is not declined or canceled. */
    private static int returning(Order order, FulfillmentLineItem fli) {
        return order.returns().stream()
                .filter(r -> !r.status().equals("CANCELED") && !r.status().equals("DECLINED"))
                .flatMap(r -> r.returnLineItems().stream())
                .filter(rli -> rli.fulfillmentLineItem() == fli)
                .mapToInt(ReturnLineItem::quantity)
                .sum();
    }

    private static Map<String, Object> payload(Return aReturn, List<UserError> errors) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("return", aReturn);
        payload.put("userErrors", errors);
        return payload;
    }
}
