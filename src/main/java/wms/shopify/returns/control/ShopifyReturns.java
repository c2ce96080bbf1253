package wms.shopify.returns.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import wms.shopify.adminapi.control.AdminApi;
import wms.shopify.adminapi.control.AdminOperation;
import wms.shopify.adminapi.control.ConnectionPages;
import wms.shopify.returns.entity.DisposalPlan;
import wms.shopify.stores.control.StoreAccess;
import wms.shopify.stores.entity.Store;

/** A store's returns on Shopify: read one by id, create one, process received units, close it. */
@ApplicationScoped
public class ShopifyReturns {

    /** The lines of one return, reverse fulfillment order or fulfillment that a read takes at most (for memory). */
    static final int MOST_LINES = 2500;

    @Inject
    AdminApi api;

    @Inject
    StoreAccess access;

    /** A return as Shopify has it now. */
    public record ShopifyReturn(
            String id,
            String name,
            String status,
            String orderId,
            List<Line> lines,
            List<DisposalPlan.ReverseLine> reverseLines) {}

    /** A returned line: units of an order line item (its fulfillment line), with the variant behind it. */
    public record Line(
            String returnLineItemId,
            String fulfillmentLineItemId,
            String lineItemId,
            String sku,
            String variantId,
            int quantity) {}

    public Optional<ShopifyReturn> read(Store store, String returnId) {
        JsonObject data = this.access.call(
                store,
                token -> this.api.run(
                        store.domain(),
                        token,
                        AdminOperation.RETURN,
                        Json.createObjectBuilder().add("id", returnId).build()));
        if (!(data.get("return") instanceof JsonObject found)) {
            return Optional.empty();
        }
        JsonObject returnLines = ConnectionPages.complete(
                found.getJsonObject("returnLineItems"),
                after -> page(store, AdminOperation.RETURN_LINE_ITEMS, returnId, after, "return")
                        .getJsonObject("returnLineItems"),
                MOST_LINES,
                line -> line);
        List<Line> lines = new ArrayList<>();
        for (JsonValue value : returnLines.getJsonArray("nodes")) {
            JsonObject line = value.asJsonObject();
            if (!line.containsKey("fulfillmentLineItem")) {
                continue; // another kind of return line (not a returned order line)
            }
            JsonObject fli = line.getJsonObject("fulfillmentLineItem");
            JsonObject item = fli.getJsonObject("lineItem");
            JsonValue variant = item.get("variant");
            lines.add(new Line(
                    line.getString("id"),
                    fli.getString("id"),
                    item.getString("id"),
                    item.isNull("sku") ? null : item.getString("sku"),
                    variant instanceof JsonObject v ? v.getString("id") : null,
                    line.getInt("quantity")));
        }
        List<DisposalPlan.ReverseLine> reverse = new ArrayList<>();
        for (JsonValue value : found.getJsonObject("reverseFulfillmentOrders").getJsonArray("nodes")) {
            JsonObject rfo = value.asJsonObject();
            if ("CANCELED".equals(rfo.getString("status", ""))) {
                continue;
            }
            JsonObject reverseLines = ConnectionPages.complete(
                    rfo.getJsonObject("lineItems"),
                    after -> page(
                                    store,
                                    AdminOperation.REVERSE_FULFILLMENT_ORDER_LINE_ITEMS,
                                    rfo.getString("id"),
                                    after,
                                    "reverseFulfillmentOrder")
                            .getJsonObject("lineItems"),
                    MOST_LINES,
                    line -> line);
            for (JsonValue lv : reverseLines.getJsonArray("nodes")) {
                JsonObject line = lv.asJsonObject();
                int disposed = 0;
                for (JsonValue d : line.getJsonArray("dispositions")) {
                    disposed += d.asJsonObject().getInt("quantity");
                }
                String fli = line.get("fulfillmentLineItem") instanceof JsonObject f ? f.getString("id") : null;
                reverse.add(new DisposalPlan.ReverseLine(
                        line.getString("id"), fli, line.getInt("totalQuantity"), disposed));
            }
        }
        return Optional.of(new ShopifyReturn(
                found.getString("id"),
                found.getString("name", null),
                found.getString("status"),
                found.getJsonObject("order").getString("id"),
                lines,
                reverse));
    }

    /** One follow-up page of a read: the object {@code root} of the answer, which must still be there. */
    private JsonObject page(Store store, AdminOperation operation, String id, String after, String root) {
        return ConnectionPages.found(
                this.access.call(
                        store,
                        token -> this.api.run(store.domain(), token, operation, ConnectionPages.variables(id, after))),
                root,
                id);
    }

    /** A fulfilled line of an order: what a return can be created for. */
    public record FulfilledLine(String fulfillmentLineItemId, String lineItemId, int quantity) {}

    /** The order's fulfilled lines (from its fulfillments, as Shopify has them now). */
    public List<FulfilledLine> fulfilledLines(Store store, String orderId) {
        JsonObject data = this.access.call(
                store,
                token -> this.api.run(
                        store.domain(),
                        token,
                        AdminOperation.ORDER_FULFILLMENTS,
                        Json.createObjectBuilder().add("id", orderId).build()));
        List<FulfilledLine> lines = new ArrayList<>();
        if (data.get("order") instanceof JsonObject order) {
            for (JsonValue f : order.getJsonArray("fulfillments")) {
                if ("CANCELLED".equals(f.asJsonObject().getString("status", ""))) {
                    continue;
                }
                String fulfillmentId = f.asJsonObject().getString("id");
                JsonObject fulfillmentLines = ConnectionPages.complete(
                        f.asJsonObject().getJsonObject("fulfillmentLineItems"),
                        after -> page(store, AdminOperation.FULFILLMENT_LINE_ITEMS, fulfillmentId, after, "fulfillment")
                                .getJsonObject("fulfillmentLineItems"),
                        MOST_LINES,
                        line -> line);
                for (JsonValue lv : fulfillmentLines.getJsonArray("nodes")) {
                    JsonObject line = lv.asJsonObject();
                    lines.add(new FulfilledLine(
                            line.getString("id"),
                            line.getJsonObject("lineItem").getString("id"),
                            line.isNull("quantity") ? 0 : line.getInt("quantity")));
                }
            }
        }
        return lines;
    }

    /**
     * Creates an approved return on Shopify (with its reverse fulfillment order), once: never retried here.
     *
     * @return the new return's id, or null with the user errors in {@code refusal[0]}
     */
    public String create(
            Store store, String orderId, java.util.Map<String, Integer> quantityByFulfillmentLine, String[] refusal) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        quantityByFulfillmentLine.forEach((fli, quantity) -> lines.add(Json.createObjectBuilder()
                .add("fulfillmentLineItemId", fli)
                .add("quantity", quantity)
                .add("returnReasonNote", "Received by the warehouse without a return request")));
        JsonObject data = this.access.call(
                store,
                token -> this.api.runOnce(
                        store.domain(),
                        token,
                        AdminOperation.RETURN_CREATE,
                        Json.createObjectBuilder()
                                .add(
                                        "returnInput",
                                        Json.createObjectBuilder()
                                                .add("orderId", orderId)
                                                .add("returnLineItems", lines))
                                .build()));
        JsonObject payload = data.getJsonObject("returnCreate");
        refusal[0] = userErrors(payload);
        return refusal[0] == null && payload.get("return") instanceof JsonObject r ? r.getString("id") : null;
    }

    /**
     * Processes the received units of the return ({@code returnProcess}), once: not retried here, the caller judges
     * an unclear outcome. Each disposal is sent as a disposition of the return line behind its reverse fulfillment
     * order line, and that line's processed quantity is the sum of its dispositions. The customer is not notified.
     * Without {@code refund} no refund is issued (no {@code financialTransfer}): the merchant refunds in Shopify's
     * admin. With it, the refund Shopify suggests for those lines and quantities ({@code suggestedFinancialOutcome},
     * shipping not included) is issued in the same mutation, against the order transactions Shopify names; when
     * Shopify suggests nothing to refund (an unpaid order, an amount refunded already) the units are processed alone.
     *
     * @return Shopify's user errors, or null when it processed them
     */
    public String process(Store store, ShopifyReturn read, List<DisposalPlan.Disposal> disposals, String locationId) {
        return process(store, read, disposals, locationId, false);
    }

    /** As {@link #process(Store, ShopifyReturn, List, String)}, issuing the refund too when {@code refund}. */
    public String process(
            Store store, ShopifyReturn read, List<DisposalPlan.Disposal> disposals, String locationId, boolean refund) {
        java.util.Map<String, String> returnLineByFulfillmentLine = new java.util.HashMap<>();
        read.lines()
                .forEach(l -> returnLineByFulfillmentLine.putIfAbsent(l.fulfillmentLineItemId(), l.returnLineItemId()));
        java.util.Map<String, String> returnLineByReverseLine = new java.util.HashMap<>();
        read.reverseLines()
                .forEach(r -> returnLineByReverseLine.put(
                        r.id(), returnLineByFulfillmentLine.get(r.fulfillmentLineItemId())));
        java.util.Map<String, List<DisposalPlan.Disposal>> byReturnLine = new java.util.LinkedHashMap<>();
        for (DisposalPlan.Disposal d : disposals) {
            String returnLine = returnLineByReverseLine.get(d.reverseLineId());
            if (returnLine == null) {
                return "no return line behind reverse fulfillment order line " + d.reverseLineId();
            }
            byReturnLine.computeIfAbsent(returnLine, k -> new ArrayList<>()).add(d);
        }
        JsonArrayBuilder lines = Json.createArrayBuilder();
        JsonArrayBuilder refunded = Json.createArrayBuilder();
        byReturnLine.forEach((returnLine, ofLine) -> refunded.add(Json.createObjectBuilder()
                .add("id", returnLine)
                .add(
                        "quantity",
                        ofLine.stream()
                                .mapToInt(DisposalPlan.Disposal::quantity)
                                .sum())));
        byReturnLine.forEach((returnLine, ofLine) -> {
            JsonArrayBuilder dispositions = Json.createArrayBuilder();
            for (DisposalPlan.Disposal d : ofLine) {
                var disposition = Json.createObjectBuilder()
                        .add("reverseFulfillmentOrderLineItemId", d.reverseLineId())
                        .add("quantity", d.quantity())
                        .add("dispositionType", d.restock() ? "RESTOCKED" : "NOT_RESTOCKED");
                if (d.restock()) {
                    disposition.add("locationId", locationId);
                }
                dispositions.add(disposition);
            }
            lines.add(Json.createObjectBuilder()
                    .add("id", returnLine)
                    .add(
                            "quantity",
                            ofLine.stream()
                                    .mapToInt(DisposalPlan.Disposal::quantity)
                                    .sum())
                    .add("dispositions", dispositions));
        });
        var input = Json.createObjectBuilder()
                .add("returnId", read.id())
                .add("returnLineItems", lines)
                .add("notifyCustomer", false);
        if (refund) {
            JsonArrayBuilder transactions = suggestedRefund(store, read.id(), refunded);
            JsonArray suggested = transactions.build();
            if (!suggested.isEmpty()) {
                input.add(
                        "financialTransfer",
                        Json.createObjectBuilder()
                                .add("issueRefund", Json.createObjectBuilder().add("orderTransactions", suggested)));
            }
        }
        JsonObject variables = Json.createObjectBuilder().add("input", input).build();
        JsonObject data = this.access.call(
                store, token -> this.api.runOnce(store.domain(), token, AdminOperation.RETURN_PROCESS, variables));
        return userErrors(data.getJsonObject("returnProcess"));
    }

    /**
     * The order transactions to refund the return lines against, as Shopify suggests them ({@code
     * ReturnProcess}'s {@code ReturnRefundOrderTransactionInput}: the amount in the order's presentment currency and the
     * parent SALE or CAPTURE transaction); empty when Shopify suggests no refund.
     */
    private JsonArrayBuilder suggestedRefund(Store store, String returnId, JsonArrayBuilder lines) {
        JsonObject data = this.access.call(
                store,
                token -> this.api.run(
                        store.domain(),
                        token,
                        AdminOperation.RETURN_REFUND_SUGGESTION,
                        Json.createObjectBuilder()
                                .add("id", returnId)
                                .add("lines", lines)
                                .build()));
        JsonArrayBuilder transactions = Json.createArrayBuilder();
        if (!(data.get("return") instanceof JsonObject found)
                || !(found.get("suggestedFinancialOutcome") instanceof JsonObject outcome)
                || !(outcome.get("financialTransfer") instanceof JsonObject transfer)
                || !(transfer.get("suggestedTransactions") instanceof JsonArray suggested)) {
            return transactions; // nothing to refund (or an invoice, for an exchange the connector never makes)
        }
        for (JsonValue value : suggested) {
            JsonObject transaction = value.asJsonObject();
            JsonObject money = transaction.getJsonObject("amountSet").getJsonObject("presentmentMoney");
            if (!(transaction.get("parentTransaction") instanceof JsonObject parent)
                    || new java.math.BigDecimal(money.getString("amount")).signum() <= 0) {
                continue;
            }
            transactions.add(Json.createObjectBuilder()
                    .add(
                            "transactionAmount",
                            Json.createObjectBuilder()
                                    .add("amount", money.getString("amount"))
                                    .add("currencyCode", money.getString("currencyCode")))
                    .add("parentId", parent.getString("id")));
        }
        return transactions;
    }

    /** Closes the return (closing one that is closed already is refused by Shopify: the caller reads first). */
    public String close(Store store, String returnId) {
        JsonObject data = this.access.call(
                store,
                token -> this.api.runOnce(
                        store.domain(),
                        token,
                        AdminOperation.RETURN_CLOSE,
                        Json.createObjectBuilder().add("id", returnId).build()));
        return userErrors(data.getJsonObject("returnClose"));
    }

    private static String userErrors(JsonObject payload) {
        List<String> errors = new ArrayList<>();
        for (JsonValue e : payload.getJsonArray("userErrors")) {
            errors.add(e.asJsonObject().getString("message", "error"));
        }
        return errors.isEmpty() ? null : String.join("; ", errors);
    }
}
