package wms.shopify.shipping.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import wms.shopify.adminapi.control.AdminApi;
import wms.shopify.adminapi.control.AdminOperation;
import wms.shopify.adminapi.control.ConnectionPages;
import wms.shopify.shipping.entity.FulfillmentPlan;
import wms.shopify.stores.control.StoreAccess;
import wms.shopify.stores.entity.Store;

/** An order's fulfillments on Shopify: read what is there, create one per location, update their tracking. */
@ApplicationScoped
public class ShopifyFulfillments {

    /** What OrderFulfillments.graphql reads at most: a full page may mean Shopify has more. */
    static final int MOST_FULFILLMENTS = 10;

    /** The fulfillment orders and the lines of one that a read takes at most (as an order's import does). */
    static final int MOST_FULFILLMENT_ORDERS = 50;

    static final int MOST_LINES = 2500;

    @Inject
    AdminApi api;

    @Inject
    StoreAccess access;

    /**
     * Shopify's answer to a write: the fulfillment's id and name ("#1001.1"; null when not asked), or its user
     * errors.
     */
    public record Written(String fulfillmentId, String userErrors, String fulfillmentName) {
        public Written(String fulfillmentId, String userErrors) {
            this(fulfillmentId, userErrors, null);
        }
    }

    /**
     * The order's fulfillment orders and fulfillments as Shopify has them now (a read: retried by AdminApi), their
     * connections read on page by page where Shopify has more than the first query takes.
     */
    public FulfillmentPlan.ShopifyState read(Store store, String orderId) {
        JsonObject data = this.access.call(
                store,
                token -> this.api.run(
                        store.domain(),
                        token,
                        AdminOperation.ORDER_FULFILLMENTS,
                        Json.createObjectBuilder().add("id", orderId).build()));
        if (!(data.get("order") instanceof JsonObject order)) {
            return new FulfillmentPlan.ShopifyState(List.of(), List.of());
        }
        JsonObject allFulfillmentOrders = ConnectionPages.complete(
                order.getJsonObject("fulfillmentOrders"),
                after -> page(store, AdminOperation.ORDER_FULFILLMENT_ORDERS, orderId, after, "order")
                        .getJsonObject("fulfillmentOrders"),
                MOST_FULFILLMENT_ORDERS,
                fo -> Json.createObjectBuilder(fo)
                        .add(
                                "lineItems",
                                ConnectionPages.complete(
                                        fo.getJsonObject("lineItems"),
                                        after -> page(
                                                        store,
                                                        AdminOperation.FULFILLMENT_ORDER_LINE_ITEMS,
                                                        fo.getString("id"),
                                                        after,
                                                        "fulfillmentOrder")
                                                .getJsonObject("lineItems"),
                                        MOST_LINES,
                                        line -> line))
                        .build());
        // Beyond the bounds an order is held at import (never handed to the WMS), so no shipment meets a cut read.
        List<FulfillmentPlan.FulfillmentOrder> fos = new ArrayList<>();
        for (JsonValue value : allFulfillmentOrders.getJsonArray("nodes")) {
            JsonObject fo = value.asJsonObject();
            JsonObject assigned = fo.getJsonObject("assignedLocation");
            String location =
                    assigned != null && assigned.get("location") instanceof JsonObject l ? l.getString("id") : null;
            List<FulfillmentPlan.FulfillmentOrderLine> lines = new ArrayList<>();
            for (JsonValue lv : fo.getJsonObject("lineItems").getJsonArray("nodes")) {
                JsonObject line = lv.asJsonObject();
                lines.add(new FulfillmentPlan.FulfillmentOrderLine(
                        line.getString("id"),
                        line.getJsonObject("lineItem").getString("id"),
                        line.getInt("remainingQuantity")));
            }
            fos.add(new FulfillmentPlan.FulfillmentOrder(fo.getString("id"), fo.getString("status"), location, lines));
        }
        List<FulfillmentPlan.Existing> existing = new ArrayList<>();
        // A list Shopify does not page: a full one may mean Shopify has more.
        boolean complete = order.getJsonArray("fulfillments").size() < MOST_FULFILLMENTS;
        for (JsonValue value : order.getJsonArray("fulfillments")) {
            JsonObject f = value.asJsonObject();
            Map<String, Integer> quantities = new HashMap<>();
            JsonObject fulfillmentLines = ConnectionPages.complete(
                    f.getJsonObject("fulfillmentLineItems"),
                    after -> page(store, AdminOperation.FULFILLMENT_LINE_ITEMS, f.getString("id"), after, "fulfillment")
                            .getJsonObject("fulfillmentLineItems"),
                    MOST_LINES,
                    line -> line);
            complete &= !ConnectionPages.hasNextPage(fulfillmentLines);
            for (JsonValue lv : fulfillmentLines.getJsonArray("nodes")) {
                JsonObject line = lv.asJsonObject();
                quantities.merge(
                        line.getJsonObject("lineItem").getString("id"),
                        line.isNull("quantity") ? 0 : line.getInt("quantity"),
                        Integer::sum);
            }
            List<String> numbers = new ArrayList<>();
            for (JsonValue tv : f.getJsonArray("trackingInfo")) {
                JsonObject tracking = tv.asJsonObject();
                if (!tracking.isNull("number")) {
                    numbers.add(tracking.getString("number"));
                }
            }
            existing.add(new FulfillmentPlan.Existing(
                    f.getString("id"),
                    f.getString("status", "SUCCESS"),
                    quantities,
                    numbers,
                    f.getString("name", null)));
        }
        return new FulfillmentPlan.ShopifyState(fos, existing, complete);
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

    /**
     * Creates one fulfillment (fulfillment orders of one location), once: never retried here, as a repeat could
     * fulfil twice.
     *
     * @throws wms.shopify.adminapi.control.ShopifyUnavailableException when the outcome is unknown
     */
    public Written create(Store store, FulfillmentPlan.Group group, JsonObject tracking, boolean notifyCustomer) {
        JsonArrayBuilder groups = Json.createArrayBuilder();
        group.byFulfillmentOrder().forEach((fo, takes) -> {
            JsonArrayBuilder lines = Json.createArrayBuilder();
            takes.forEach(t -> lines.add(Json.createObjectBuilder()
                    .add("id", t.fulfillmentOrderLineId())
                    .add("quantity", t.quantity())));
            groups.add(
                    Json.createObjectBuilder().add("fulfillmentOrderId", fo).add("fulfillmentOrderLineItems", lines));
        });
        JsonObjectBuilder fulfillment = Json.createObjectBuilder()
                .add("notifyCustomer", notifyCustomer)
                .add("lineItemsByFulfillmentOrder", groups);
        if (tracking != null) {
            fulfillment.add("trackingInfo", tracking);
        }
        JsonObject data = this.access.call(
                store,
                token -> this.api.runOnce(
                        store.domain(),
                        token,
                        AdminOperation.FULFILLMENT_CREATE,
                        Json.createObjectBuilder()
                                .add("fulfillment", fulfillment)
                                .build()));
        return written(data.getJsonObject("fulfillmentCreate"));
    }

    /** Replaces the tracking of a fulfillment (safe to repeat: the same tracking again changes nothing). */
    public Written updateTracking(Store store, String fulfillmentId, JsonObject tracking, boolean notifyCustomer) {
        JsonObject data = this.access.call(
                store,
                token -> this.api.runOnce(
                        store.domain(),
                        token,
                        AdminOperation.FULFILLMENT_TRACKING_INFO_UPDATE,
                        Json.createObjectBuilder()
                                .add("fulfillmentId", fulfillmentId)
                                .add("trackingInfoInput", tracking)
                                .add("notifyCustomer", notifyCustomer)
                                .build()));
        return written(data.getJsonObject("fulfillmentTrackingInfoUpdate"));
    }

    private static Written written(JsonObject payload) {
        List<String> errors = new ArrayList<>();
        for (JsonValue e : payload.getJsonArray("userErrors")) {
            errors.add(e.asJsonObject().getString("message", "error"));
        }
        if (!errors.isEmpty()) {
            return new Written(null, String.join("; ", errors));
        }
        return new Written(
                payload.get("fulfillment") instanceof JsonObject f ? f.getString("id") : null,
                payload.get("fulfillment") instanceof JsonObject ? null : "Shopify returned no fulfillment",
                payload.get("fulfillment") instanceof JsonObject f ? f.getString("name", null) : null);
    }

    /**
     * The tracking input: Shopify's carrier name when it knows the carrier (it then builds the links itself), else
     * the carrier as named, with the URLs; one number and URL, or the lists for several parcels.
     */
    public static JsonObject tracking(String company, List<String> numbers, List<String> urls) {
        if (company == null && numbers.isEmpty() && urls.isEmpty()) {
            return null;
        }
        JsonObjectBuilder info = Json.createObjectBuilder();
        if (company != null) {
            info.add("company", company);
        }
        if (numbers.size() == 1) {
            info.add("number", numbers.get(0));
        } else if (!numbers.isEmpty()) {
            info.add("numbers", Json.createArrayBuilder(numbers));
        }
        if (urls.size() == 1 && numbers.size() <= 1) {
            info.add("url", urls.get(0));
        } else if (!urls.isEmpty()) {
            info.add("urls", Json.createArrayBuilder(urls));
        }
        return info.build();
    }
}
