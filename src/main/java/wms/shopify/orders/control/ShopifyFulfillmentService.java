package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import wms.shopify.adminapi.control.AdminApi;
import wms.shopify.adminapi.control.AdminOperation;
import wms.shopify.orders.entity.AssignedFulfillmentOrder;
import wms.shopify.stores.control.StoreAccess;
import wms.shopify.stores.entity.Store;

/**
 * The orders component's gateway to Shopify's fulfillment-service operations (it owns their JSON): registering and
 * removing the WMS's fulfillment service, listing the fulfillment orders assigned to its location, and answering the
 * merchant's fulfillment and cancellation requests. Called outside any transaction. Answers are never retried here
 * ({@code runOnce}): a caller that does not know whether an answer took reads the fulfillment order's request status
 * again before answering again.
 */
@ApplicationScoped
public class ShopifyFulfillmentService {

    @Inject
    AdminApi api;

    @Inject
    StoreAccess access;

    /** The service Shopify registered, or the user errors that refused it. */
    public record Registered(String serviceId, String locationId, String locationName, String userErrors) {}

    /** A fulfillment order as an answer left it, or the user errors that refused the answer. */
    public record Answered(String requestStatus, String userErrors) {
        public boolean refused() {
            return this.userErrors != null;
        }
    }

    /** Registers the WMS as fulfillment service (inventory management and tracking support on). */
    public Registered create(Store store, String name, String callbackUrl) {
        JsonObject payload = run(
                        store,
                        AdminOperation.FULFILLMENT_SERVICE_CREATE,
                        Json.createObjectBuilder()
                                .add("name", name)
                                .add("callbackUrl", callbackUrl)
                                .build())
                .getJsonObject("fulfillmentServiceCreate");
        String errors = userErrors(payload);
        if (errors != null || !(payload.get("fulfillmentService") instanceof JsonObject service)) {
            return new Registered(null, null, null, errors == null ? "Shopify registered no service" : errors);
        }
        JsonObject location = service.get("location") instanceof JsonObject l ? l : null;
        return new Registered(
                service.getString("id"),
                location == null ? null : location.getString("id"),
                location == null ? name : location.getString("name", name),
                location == null ? "Shopify made no location for the service" : null);
    }

    /**
     * Removes the service: with a destination its stock and open fulfillment orders go there (TRANSFER), without
     * one its location stays the merchant's with its stock (KEEP).
     *
     * @return the user errors, or null when it was removed
     */
    public String delete(Store store, String serviceId, String destinationLocationId) {
        JsonObjectBuilder variables = Json.createObjectBuilder().add("id", serviceId);
        if (destinationLocationId != null) {
            variables.add("destinationLocationId", destinationLocationId).add("inventoryAction", "TRANSFER");
        } else {
            variables.add("inventoryAction", "KEEP");
        }
        JsonObject payload = run(store, AdminOperation.FULFILLMENT_SERVICE_DELETE, variables.build())
                .getJsonObject("fulfillmentServiceDelete");
        return userErrors(payload);
    }

    /**
     * Every fulfillment order at the location in the assignment status (null: every one not closed), a page of 50
     * at a time.
     */
    public void eachAssigned(
            Store store, String locationId, String assignmentStatus, Consumer<List<AssignedFulfillmentOrder>> page) {
        eachAssigned(store, List.of(locationId), assignmentStatus, page);
    }

    /** As {@link #eachAssigned(Store, String, String, Consumer)}, at any of these locations (the services'). */
    public void eachAssigned(
            Store store,
            java.util.Collection<String> locationIds,
            String assignmentStatus,
            Consumer<List<AssignedFulfillmentOrder>> page) {
        if (locationIds.isEmpty()) {
            return;
        }
        String after = null;
        do {
            jakarta.json.JsonArrayBuilder locations = Json.createArrayBuilder();
            locationIds.forEach(locations::add);
            JsonObjectBuilder variables = Json.createObjectBuilder().add("locationIds", locations);
            if (assignmentStatus != null) {
                variables.add("assignmentStatus", assignmentStatus);
            }
            if (after != null) {
                variables.add("after", after);
            }
            JsonObject variablesBuilt = variables.build();
            JsonObject connection = this.access
                    .call(
                            store,
                            token -> this.api.run(
                                    store.domain(), token, AdminOperation.ASSIGNED_FULFILLMENT_ORDERS, variablesBuilt))
                    .getJsonObject("assignedFulfillmentOrders");
            List<AssignedFulfillmentOrder> listed = new ArrayList<>();
            for (JsonValue node : connection.getJsonArray("nodes")) {
                JsonObject fo = node.asJsonObject();
                JsonObject order = fo.get("order") instanceof JsonObject o ? o : null;
                listed.add(new AssignedFulfillmentOrder(
                        fo.getString("id"),
                        fo.getString("status", null),
                        fo.getString("requestStatus", null),
                        order == null ? null : order.getString("id"),
                        order == null ? null : order.getString("name", null)));
            }
            page.accept(listed);
            JsonObject info = connection.getJsonObject("pageInfo");
            after = info.getBoolean("hasNextPage") ? info.getString("endCursor") : null;
        } while (after != null);
    }

    /** Accepts the merchant's fulfillment request for one fulfillment order. */
    public Answered acceptFulfillment(Store store, String fulfillmentOrderId) {
        return answer(
                store,
                AdminOperation.FULFILLMENT_ORDER_ACCEPT_FULFILLMENT_REQUEST,
                "fulfillmentOrderAcceptFulfillmentRequest",
                Json.createObjectBuilder().add("id", fulfillmentOrderId));
    }

    /**
     * Rejects the merchant's fulfillment request for one fulfillment order.
     *
     * @param reason a value of Shopify's {@code FulfillmentOrderRejectionReason}
     */
    public Answered rejectFulfillment(Store store, String fulfillmentOrderId, String reason, String message) {
        JsonObjectBuilder variables =
                Json.createObjectBuilder().add("id", fulfillmentOrderId).add("reason", reason);
        if (message != null) {
            variables.add("message", message);
        }
        return answer(
                store,
                AdminOperation.FULFILLMENT_ORDER_REJECT_FULFILLMENT_REQUEST,
                "fulfillmentOrderRejectFulfillmentRequest",
                variables);
    }

    /** Accepts the merchant's cancellation request for one fulfillment order. */
    public Answered acceptCancellation(Store store, String fulfillmentOrderId, String message) {
        return answerCancellation(
                store,
                AdminOperation.FULFILLMENT_ORDER_ACCEPT_CANCELLATION_REQUEST,
                "fulfillmentOrderAcceptCancellationRequest",
                fulfillmentOrderId,
                message);
    }

    /** Rejects the merchant's cancellation request for one fulfillment order, with the WMS's reason. */
    public Answered rejectCancellation(Store store, String fulfillmentOrderId, String message) {
        return answerCancellation(
                store,
                AdminOperation.FULFILLMENT_ORDER_REJECT_CANCELLATION_REQUEST,
                "fulfillmentOrderRejectCancellationRequest",
                fulfillmentOrderId,
                message);
    }

    private Answered answerCancellation(
            Store store, AdminOperation operation, String field, String fulfillmentOrderId, String message) {
        JsonObjectBuilder variables = Json.createObjectBuilder().add("id", fulfillmentOrderId);
        if (message != null) {
            variables.add("message", message);
        }
        return answer(store, operation, field, variables);
    }

    private Answered answer(Store store, AdminOperation operation, String field, JsonObjectBuilder variables) {
        JsonObject built = variables.build();
        JsonObject payload = this.access
                .call(store, token -> this.api.runOnce(store.domain(), token, operation, built))
                .getJsonObject(field);
        String errors = userErrors(payload);
        JsonObject fo = payload.get("fulfillmentOrder") instanceof JsonObject f ? f : null;
        return new Answered(fo == null ? null : fo.getString("requestStatus", null), errors);
    }

    private JsonObject run(Store store, AdminOperation operation, JsonObject variables) {
        return this.access.call(store, token -> this.api.runOnce(store.domain(), token, operation, variables));
    }

    /** The user errors' messages joined, or null when there were none. */
    private static String userErrors(JsonObject payload) {
        List<String> errors = new ArrayList<>();
        if (payload != null && payload.get("userErrors") instanceof jakarta.json.JsonArray list) {
            for (JsonValue e : list) {
                errors.add(e.asJsonObject().getString("message", "error"));
            }
        }
        return errors.isEmpty() ? null : String.join("; ", errors);
    }
}
