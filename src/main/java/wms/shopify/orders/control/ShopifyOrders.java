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
import wms.shopify.orders.entity.ShopifyOrderSnapshot;
import wms.shopify.stores.control.StoreAccess;
import wms.shopify.stores.entity.Store;

/** A store's orders as Shopify has them now, read through the Admin API (so within the store's cost budget). */
@ApplicationScoped
public class ShopifyOrders {

    private static final String ORDER_GID = "gid://shopify/Order/";

    @Inject
    AdminApi api;

    @Inject
    StoreAccess access;

    /** An order listed by the sweep: its id and when it last changed. */
    public record Listed(String id, String name, Instant updatedAt) {}

    /**
     * The order as it is now, or empty when Shopify has no such order (deleted). Customer fields the app is not
     * approved to read come back withheld (null), and the snapshot names them: the order is imported all the same.
     */
    public Optional<ShopifyOrderSnapshot> read(Store store, String orderId) {
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
        return Optional.of(ShopifyOrderSnapshot.from(found, withheld));
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
