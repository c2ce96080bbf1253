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
     * nothing is left to process. With {@code financialTransfer.issueRefund} the same mutation refunds: each order
     * transaction (an amount against a SALE or CAPTURE of the order, at most what is still refundable on it unless
     * {@code allowOverRefunding}) becomes a REFUND transaction of one Refund on the order, whose refund lines are the
     * processed return lines at their line items' prices; the return lines' refunded quantities grow by them.
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
        Map<String, Object> refund = input.get("financialTransfer") instanceof Map<?, ?> transfer
                        && transfer.get("issueRefund") instanceof Map<?, ?> issue
                ? (Map<String, Object>) issue
                : null;
        List<Map.Entry<OrderTransaction, java.math.BigDecimal>> refunding =
                refund == null ? List.of() : refundTransactions(aReturn.order(), refund, errors);
        if (!errors.isEmpty()) {
            return payload(null, errors);
        }
        processing.forEach(ReturnLineItem::process);
        applyDispositions(dispositions);
        if (refund != null) {
            refund(aReturn, processing, refunding);
        }
        aReturn.touch(shop.now());
        shop.emit("RETURNS_PROCESS", shop.newEventId(), RestPayloads.returnOf(aReturn));
        return payload(aReturn, List.of());
    }

    /**
     * The order transactions of an {@code issueRefund}, each with its amount, checked against the order: a SALE or
     * CAPTURE of it, a positive amount in the order's currency, no more than is still refundable on it.
     */
    @SuppressWarnings("unchecked")
    private List<Map.Entry<OrderTransaction, java.math.BigDecimal>> refundTransactions(
            Order order, Map<String, Object> refund, List<UserError> errors) {
        List<Map.Entry<OrderTransaction, java.math.BigDecimal>> refunding = new ArrayList<>();
        List<Map<String, Object>> transactions = (List<Map<String, Object>>) refund.get("orderTransactions");
        boolean overRefunding = Boolean.TRUE.equals(refund.get("allowOverRefunding"));
        Map<OrderTransaction, java.math.BigDecimal> perParent = new LinkedHashMap<>();
        for (int i = 0; i < transactions.size(); i++) {
            Map<String, Object> transaction = transactions.get(i);
            List<String> path =
                    List.of("input", "financialTransfer", "issueRefund", "orderTransactions", String.valueOf(i));
            OrderTransaction parent = shop.find((String) transaction.get("parentId"), OrderTransaction.class);
            if (parent == null || !order.transactions().contains(parent)) {
                errors.add(new UserError(path, "Parent transaction does not exist.", "NOT_FOUND"));
                continue;
            }
            if (!parent.kind().equals("SALE") && !parent.kind().equals("CAPTURE")) {
                errors.add(new UserError(path, "Parent transaction must be a sale or a capture.", "INVALID"));
                continue;
            }
            Map<String, Object> money = (Map<String, Object>) transaction.get("transactionAmount");
            java.math.BigDecimal amount;
            try {
                amount = new java.math.BigDecimal(money.get("amount").toString());
            } catch (NumberFormatException e) {
                errors.add(new UserError(path, "Transaction amount is not a number.", "NOT_A_NUMBER"));
                continue;
            }
            if (amount.signum() <= 0) {
                errors.add(new UserError(path, "Transaction amount must be greater than 0.", "GREATER_THAN"));
                continue;
            }
            if (!"USD".equals(money.get("currencyCode"))) {
                errors.add(new UserError(path, "Currency must match the order's currency.", "INVALID"));
                continue;
            }
            java.math.BigDecimal total = perParent.merge(parent, amount, java.math.BigDecimal::add);
            if (!overRefunding && total.compareTo(order.refundable(parent)) > 0) {
                errors.add(new UserError(
                        path,
                        "Refund amount exceeds the refundable amount of the transaction.",
                        "LESS_THAN_OR_EQUAL_TO"));
                continue;
            }
            refunding.add(Map.entry(parent, amount));
        }
        return refunding;
    }

    /** One Refund on the order: the processed return lines at their prices, moved by the given transactions. */
    private void refund(
            Return aReturn,
            Map<ReturnLineItem, Integer> processed,
            List<Map.Entry<OrderTransaction, java.math.BigDecimal>> transactions) {
        Instant at = shop.now();
        List<Refund.RefundLine> lines = new ArrayList<>();
        processed.forEach((line, quantity) -> {
            LineItem item = line.fulfillmentLineItem().lineItem();
            lines.add(new Refund.RefundLine(
                    item, quantity, item.price().multiply(java.math.BigDecimal.valueOf(quantity))));
            line.refunded(quantity);
        });
        List<OrderTransaction> moved = transactions.stream()
                .map(t -> shop.register(new OrderTransaction(shop.nextId(), "REFUND", t.getValue(), t.getKey(), at)))
                .toList();
        aReturn.order().add(shop.register(new Refund(shop.nextId(), aReturn, lines, moved, at)));
        aReturn.order().touch(at);
    }

    /**
     * {@code Return.suggestedFinancialOutcome}: what Shopify would refund for these return lines and quantities, from
     * the line items' prices (the sandbox has no discounts, taxes or duties; shipping is not included): a
     * RefundReturnOutcome whose suggested transaction is that amount against the order's SALE, capped at what is
     * still refundable on it (none when the order was not paid).
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> suggestedOutcome(Return aReturn, List<Map<String, Object>> lines) {
        java.math.BigDecimal subtotal = java.math.BigDecimal.ZERO;
        for (Map<String, Object> line : lines) {
            ReturnLineItem rli = shop.find((String) line.get("id"), ReturnLineItem.class);
            if (rli == null || !aReturn.returnLineItems().contains(rli)) {
                continue; // Shopify leaves out what is not a line of this return
            }
            int quantity = Math.min((Integer) line.get("quantity"), rli.refundableQuantity());
            subtotal = subtotal.add(
                    rli.fulfillmentLineItem().lineItem().price().multiply(java.math.BigDecimal.valueOf(quantity)));
        }
        Order order = aReturn.order();
        java.math.BigDecimal refundable = order.transactions().stream()
                .filter(t -> t.kind().equals("SALE") || t.kind().equals("CAPTURE"))
                .map(order::refundable)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        java.math.BigDecimal amount = subtotal.min(refundable).max(java.math.BigDecimal.ZERO);
        List<Map<String, Object>> suggested = new ArrayList<>();
        java.math.BigDecimal left = amount;
        for (OrderTransaction sale : order.transactions()) {
            if ((sale.kind().equals("SALE") || sale.kind().equals("CAPTURE")) && left.signum() > 0) {
                java.math.BigDecimal take = left.min(order.refundable(sale));
                if (take.signum() > 0) {
                    Map<String, Object> transaction = new LinkedHashMap<>();
                    transaction.put("amountSet", Money.bag(take));
                    transaction.put("gateway", sale.gateway());
                    transaction.put("kind", "SUGGESTED_REFUND");
                    transaction.put("parentTransaction", sale);
                    suggested.add(transaction);
                    left = left.subtract(take);
                }
            }
        }
        Map<String, Object> transfer = new LinkedHashMap<>();
        transfer.put("amount", Money.bag(amount));
        transfer.put("suggestedTransactions", suggested);
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("discountedSubtotal", Money.bag(subtotal));
        outcome.put("financialTransfer", transfer);
        outcome.put("maximumRefundable", Money.bag(refundable));
        return outcome;
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
