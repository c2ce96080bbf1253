package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import wms.shopify.adminapi.control.AdminApi;
import wms.shopify.adminapi.control.AdminOperation;
import wms.shopify.adminapi.control.ConnectionPages;
import wms.shopify.adminapi.control.ShopifyUnavailableException;
import wms.shopify.orders.entity.ShopifyOrderSnapshot;
import wms.shopify.stores.control.StoreAccess;
import wms.shopify.stores.entity.Store;

/** A store's orders as Shopify has them now, read through the Admin API (so within the store's cost budget). */
@ApplicationScoped
public class ShopifyOrders {

    private static final String ORDER_GID = "gid://shopify/Order/";
    private static final String FULFILLMENT_ORDER_GID = "gid://shopify/FulfillmentOrder/";

    /** Reads of an order that changes between its pages before the import is left to try again later. */
    private static final int READS_OF_A_CHANGING_ORDER = 3;

    @Inject
    AdminApi api;

    @Inject
    StoreAccess access;

    /** Where a fulfillment order is now: its order, and its location's id and name. */
    public record FulfillmentOrderPlace(String orderId, String locationId, String locationName) {}

    /**
     * Whose a fulfillment order is and where it is now, or empty when Shopify has no such fulfillment order.
     *
     * @throws wms.shopify.adminapi.control.ShopifyUnavailableException when Shopify cannot answer now
     */
    public Optional<FulfillmentOrderPlace> fulfillmentOrder(Store store, String fulfillmentOrderId) {
        JsonObject data = this.access.call(
                store,
                token -> this.api.run(
                        store.domain(),
                        token,
                        AdminOperation.FULFILLMENT_ORDER_PLACE,
                        Json.createObjectBuilder().add("id", fulfillmentOrderId).build()));
        if (!(data.get("fulfillmentOrder") instanceof JsonObject fo)) {
            return Optional.empty();
        }
        JsonObject assigned = fo.getJsonObject("assignedLocation");
        String locationId =
                assigned != null && assigned.get("location") instanceof JsonObject l ? l.getString("id", null) : null;
        String name = assigned != null && assigned.get("name") instanceof JsonString n ? n.getString() : locationId;
        return Optional.of(new FulfillmentOrderPlace(fo.getString("orderId"), locationId, name));
    }

    /** An order listed by the sweep: its id and when it last changed. */
    public record Listed(String id, String name, Instant updatedAt) {}

    /**
     * The order as it is now, or empty when Shopify has no such order (deleted). Customer fields the app is not
     * approved to read come back withheld (null), and the snapshot names them: the order is imported all the same.
     * An ordinary order is one query; a larger one's lines and fulfillment orders are read on page by page (up to
     * {@link ShopifyOrderSnapshot#MOST_LINES} lines, {@link ShopifyOrderSnapshot#MOST_FULFILLMENT_ORDERS} fulfillment
     * orders; beyond, the snapshot is incomplete and the order held). An order that changed between its pages is read
     * again from the start, so a snapshot is never pieced together from two versions of the order. ({@code updatedAt}
     * is to the second: a change within the second of the first page goes unseen here, and its own
     * {@code orders/updated} has the order read again.)
     *
     * @throws wms.shopify.adminapi.control.ShopifyUnavailableException when a page cannot be read now, or the order
     *     kept changing while it was read: the whole read is to be tried again, nothing of it is applied
     */
    public Optional<ShopifyOrderSnapshot> read(Store store, String orderId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return readOnce(store, orderId);
            } catch (ChangedWhileRead e) {
                if (attempt >= READS_OF_A_CHANGING_ORDER) {
                    throw new ShopifyUnavailableException("The order " + orderId + " changed while its "
                            + "pages were read, " + attempt + " times in a row; it is read again later");
                }
            }
        }
    }

    private Optional<ShopifyOrderSnapshot> readOnce(Store store, String orderId) {
        AdminApi.Read read = this.access.call(
                store,
                token -> this.api.read(
                        store.domain(),
                        token,
                        AdminOperation.ORDER,
                        Json.createObjectBuilder().add("id", orderId).build()));
        JsonValue order = read.data() == null ? null : read.data().get("order");
        if (!(order instanceof JsonObject found)) {
            return Optional.empty();
        }
        java.util.Set<ShopifyOrderSnapshot.CustomerField> withheld =
                java.util.EnumSet.noneOf(ShopifyOrderSnapshot.CustomerField.class);
        read.withheld().stream()
                .filter(path -> !path.isEmpty() && path.get(0).equals("order"))
                .map(ShopifyOrderSnapshot.CustomerField::ofPath)
                .forEach(withheld::add);
        return Optional.of(ShopifyOrderSnapshot.from(whole(store, found), withheld));
    }

    /** The order's answer with its line items and fulfillment orders complete (the answer itself when it is). */
    private JsonObject whole(Store store, JsonObject order) {
        JsonObject lines = order.getJsonObject("lineItems");
        JsonObject fulfillmentOrders = order.get("fulfillmentOrders") instanceof JsonObject c ? c : null;
        boolean foLinesMissing = fulfillmentOrders != null
                && fulfillmentOrders.getJsonArray("nodes").stream()
                        .anyMatch(fo ->
                                ConnectionPages.hasNextPage(fo.asJsonObject().getJsonObject("lineItems")));
        if (!ConnectionPages.hasNextPage(lines) && !ConnectionPages.hasNextPage(fulfillmentOrders) && !foLinesMissing) {
            return order;
        }
        String id = order.getString("id");
        String version = order.getString("updatedAt", "");
        JsonObjectBuilder whole = Json.createObjectBuilder(order);
        whole.add(
                "lineItems",
                ConnectionPages.complete(
                        lines,
                        after -> page(store, AdminOperation.ORDER_LINE_ITEMS, id, after, version, "order")
                                .getJsonObject("lineItems"),
                        ShopifyOrderSnapshot.MOST_LINES,
                        line -> line));
        if (fulfillmentOrders != null) {
            whole.add(
                    "fulfillmentOrders",
                    ConnectionPages.complete(
                            fulfillmentOrders,
                            after -> page(store, AdminOperation.ORDER_FULFILLMENT_ORDERS, id, after, version, "order")
                                    .getJsonObject("fulfillmentOrders"),
                            ShopifyOrderSnapshot.MOST_FULFILLMENT_ORDERS,
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
                                                                    version,
                                                                    "fulfillmentOrder")
                                                            .getJsonObject("lineItems"),
                                                    ShopifyOrderSnapshot.MOST_LINES,
                                                    line -> line))
                                    .build()));
        }
        return whole.build();
    }

    /**
     * One follow-up page: the object {@code root} of the answer, checked to be of the order version the first page
     * was (its own {@code updatedAt}, or its order's).
     */
    private JsonObject page(
            Store store, AdminOperation operation, String id, String after, String version, String root) {
        JsonObject data = this.access.call(
                store, token -> this.api.run(store.domain(), token, operation, ConnectionPages.variables(id, after)));
        if (!(data.get(root) instanceof JsonObject found)) {
            throw new ChangedWhileRead(); // deleted meanwhile: the next read finds it gone
        }
        JsonObject dated = found.get("order") instanceof JsonObject order ? order : found;
        if (!version.equals(dated.getString("updatedAt", ""))) {
            throw new ChangedWhileRead();
        }
        return found;
    }

    /** The order changed between the pages of one read. */
    private static final class ChangedWhileRead extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ChangedWhileRead() {
            super(null, null, false, false);
        }
    }

    /**
     * Shopify's answer to a hold or a release: done, or the user errors it gave ({@code code}: message).
     *
     * @param codes Shopify's user error codes, e.g. DUPLICATE_FULFILLMENT_HOLD_HANDLE
     */
    public record HoldAnswer(List<String> codes, List<String> messages) {

        public boolean done() {
            return this.messages.isEmpty();
        }
    }

    /**
     * Puts every line of a fulfillment order on hold for the WMS, under the connector's handle: a second hold of the
     * WMS on it is refused by Shopify (DUPLICATE_FULFILLMENT_HOLD_HANDLE), never placed twice. Sent once: a write.
     */
    public HoldAnswer hold(Store store, String fulfillmentOrderId, String reason, String notes) {
        JsonObjectBuilder hold = Json.createObjectBuilder()
                .add("reason", reason)
                .add("handle", ShopifyOrderSnapshot.Hold.WMS_HANDLE)
                .add("notifyMerchant", false);
        if (notes != null) {
            hold.add("reasonNotes", notes);
        }
        JsonObject data = this.access.call(
                store,
                token -> this.api.runOnce(
                        store.domain(),
                        token,
                        AdminOperation.FULFILLMENT_ORDER_HOLD,
                        Json.createObjectBuilder()
                                .add("id", fulfillmentOrderId)
                                .add("fulfillmentHold", hold)
                                .build()));
        return answer(data.getJsonObject("fulfillmentOrderHold"));
    }

    /** Releases the named holds of a fulfillment order (never all of them: the merchant's stay). */
    public HoldAnswer release(Store store, String fulfillmentOrderId, List<String> holdIds) {
        jakarta.json.JsonArrayBuilder ids = Json.createArrayBuilder();
        holdIds.forEach(ids::add);
        JsonObject data = this.access.call(
                store,
                token -> this.api.runOnce(
                        store.domain(),
                        token,
                        AdminOperation.FULFILLMENT_ORDER_RELEASE_HOLD,
                        Json.createObjectBuilder()
                                .add("id", fulfillmentOrderId)
                                .add("holdIds", ids)
                                .build()));
        return answer(data.getJsonObject("fulfillmentOrderReleaseHold"));
    }

    private static HoldAnswer answer(JsonObject payload) {
        List<String> codes = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (JsonValue value : payload.getJsonArray("userErrors")) {
            JsonObject error = value.asJsonObject();
            codes.add(error.getString("code", ""));
            messages.add(error.getString("message", "error"));
        }
        return new HoldAnswer(codes, messages);
    }

    /** Lists the orders updated in [from, until], oldest change first, a page of 100 at a time. */
    public void eachUpdated(Store store, Instant from, Instant until, Consumer<List<Listed>> page) {
        String query = "updated_at:>='" + from.truncatedTo(ChronoUnit.SECONDS) + "' AND updated_at:<='"
                + until.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1) + "'";
        String after = null;
        do {
            JsonObjectBuilder variables = Json.createObjectBuilder().add("query", query);
            if (after != null) {
                variables.add("after", after);
            }
            JsonObject orders = this.access
                    .call(
                            store,
                            token -> this.api.run(
                                    store.domain(), token, AdminOperation.ORDERS_UPDATED_SINCE, variables.build()))
                    .getJsonObject("orders");
            List<Listed> listed = new ArrayList<>();
            for (JsonValue node : orders.getJsonArray("nodes")) {
                JsonObject order = node.asJsonObject();
                listed.add(new Listed(
                        order.getString("id"),
                        order.getString("name", null),
                        Instant.parse(order.getString("updatedAt"))));
            }
            page.accept(listed);
            JsonObject info = orders.getJsonObject("pageInfo");
            after = info.getBoolean("hasNextPage") ? info.getString("endCursor") : null;
        } while (after != null);
    }

    /** The order an {@code orders/edited} body names: {@code order_edit.order_id}, numeric. */
    public static Optional<String> editedOrderIdOf(JsonObject body) {
        return body.get("order_edit") instanceof JsonObject edit
                        && edit.get("order_id") instanceof JsonNumber id
                        && id.isIntegral()
                ? Optional.of(ORDER_GID + id.longValue())
                : Optional.empty();
    }

    /**
     * The fulfillment order a {@code fulfillment_orders/*} body names: {@code fulfillment_order.id}, a global id
     * (these bodies carry global ids, unlike the REST resources).
     */
    public static Optional<String> fulfillmentOrderIdOf(JsonObject body) {
        return body.get("fulfillment_order") instanceof JsonObject fo
                        && fo.get("id") instanceof JsonString id
                        && id.getString().startsWith(FULFILLMENT_ORDER_GID)
                ? Optional.of(id.getString())
                : Optional.empty();
    }

    /**
     * The order a webhook body names: its {@code admin_graphql_api_id}, else its numeric {@code id} as a GID.
     *
     * @param topLevel the body's top-level fields ({@code WebhookReceived.topLevel}); empty when it is no JSON object
     */
    public static Optional<String> orderIdOf(Optional<JsonObject> topLevel) {
        if (topLevel.isEmpty()) {
            return Optional.empty();
        }
        JsonObject body = topLevel.get();
        if (body.get("admin_graphql_api_id") instanceof JsonString gid
                && gid.getString().startsWith(ORDER_GID)) {
            return Optional.of(gid.getString());
        }
        return body.get("id") instanceof JsonNumber id && id.isIntegral()
                ? Optional.of(ORDER_GID + id.longValue())
                : Optional.empty();
    }
}
