package wms.shopify.returns.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import wms.shopify.returns.entity.DisposalPlan;
import wms.shopify.shopify.control.AdminApi;
import wms.shopify.shopify.control.AdminOperation;
import wms.shopify.stores.control.StoreAccess;
import wms.shopify.stores.entity.Store;

/** A store's returns on Shopify: read one by id, dispose of received units, close it. */
@ApplicationScoped
public class ShopifyReturns {

    @Inject
    AdminApi api;

    @Inject
    StoreAccess access;

    /** A return as Shopify has it now. */
    public record ShopifyReturn(String id, String name, String status, String orderId, List<Line> lines,
            List<DisposalPlan.ReverseLine> reverseLines) {
    }

    /** A returned line: units of an order line item (its fulfillment line), with the variant behind it. */
    public record Line(String returnLineItemId, String fulfillmentLineItemId, String lineItemId, String sku,
            String variantId, int quantity) {
    }

    public Optional<ShopifyReturn> read(Store store, String returnId) {
        JsonObject data = this.access.call(store, token -> this.api.run(store.domain(), token, AdminOperation.RETURN,
                Json.createObjectBuilder().add("id", returnId).build()));
        if (!(data.get("return") instanceof JsonObject found)) {
            return Optional.empty();
        }
        List<Line> lines = new ArrayList<>();
        for (JsonValue value : found.getJsonObject("returnLineItems").getJsonArray("nodes")) {
            JsonObject line = value.asJsonObject();
            if (!line.containsKey("fulfillmentLineItem")) {
                continue; // another kind of return line (not a returned order line)
            }
            JsonObject fli = line.getJsonObject("fulfillmentLineItem");
            JsonObject item = fli.getJsonObject("lineItem");
            JsonValue variant = item.get("variant");
            lines.add(new Line(line.getString("id"), fli.getString("id"), item.getString("id"),
                    item.isNull("sku") ? null : item.getString("sku"),
                    variant instanceof JsonObject v ? v.getString("id") : null, line.getInt("quantity")));
        }
        List<DisposalPlan.ReverseLine> reverse = new ArrayList<>();
        for (JsonValue value : found.getJsonObject("reverseFulfillmentOrders").getJsonArray("nodes")) {
            JsonObject rfo = value.asJsonObject();
            if ("CANCELED".equals(rfo.getString("status", ""))) {
                continue;
            }
            for (JsonValue lv : rfo.getJsonObject("lineItems").getJsonArray("nodes")) {
                JsonObject line = lv.asJsonObject();
                int disposed = 0;
                for (JsonValue d : line.getJsonArray("dispositions")) {
                    disposed += d.asJsonObject().getInt("quantity");
                }
                String fli = line.get("fulfillmentLineItem") instanceof JsonObject f ? f.getString("id") : null;
                reverse.add(new DisposalPlan.ReverseLine(line.getString("id"), fli, line.getInt("totalQuantity"),
                        disposed));
            }
        }
        return Optional.of(new ShopifyReturn(found.getString("id"), found.getString("name", null),
                found.getString("status"), found.getJsonObject("order").getString("id"), lines, reverse));
    }

    /** Disposes of units, once (not retried here: the caller judges an unclear outcome). Answers user errors. */
    public String dispose(Store store, List<DisposalPlan.Disposal> disposals, String locationId) {
        JsonArrayBuilder inputs = Json.createArrayBuilder();
        for (DisposalPlan.Disposal d : disposals) {
            var input = Json.createObjectBuilder().add("reverseFulfillmentOrderLineItemId", d.reverseLineId())
                    .add("quantity", d.quantity()).add("dispositionType", d.restock() ? "RESTOCKED" : "NOT_RESTOCKED");
            if (d.restock()) {
                input.add("locationId", locationId);
            }
            inputs.add(input);
        }
        JsonObject data = this.access.call(store, token -> this.api.runOnce(store.domain(), token,
                AdminOperation.REVERSE_FULFILLMENT_ORDER_DISPOSE,
                Json.createObjectBuilder().add("dispositionInputs", inputs).build()));
        return userErrors(data.getJsonObject("reverseFulfillmentOrderDispose"));
    }

    /** Closes the return (closing one that is closed already is refused by Shopify: the caller reads first). */
    public String close(Store store, String returnId) {
        JsonObject data = this.access.call(store, token -> this.api.runOnce(store.domain(), token,
                AdminOperation.RETURN_CLOSE, Json.createObjectBuilder().add("id", returnId).build()));
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
