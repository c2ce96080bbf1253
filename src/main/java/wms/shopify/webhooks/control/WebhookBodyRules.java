package wms.shopify.webhooks.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Optional;
import wms.shopify.adminapi.entity.ShopDomain;
import wms.shopify.webhooks.entity.WebhookReceived;

/**
 * What the body of a delivery must look like for its topic before any component acts on it. Shopify signs only the
 * body; the topic and the shop come from headers anyone can rewrite, so a validly signed body sent again under
 * another topic (a product update as {@code app/uninstalled}) or for another shop must change nothing. Per topic
 * (docs/architecture.md, "Webhook intake"):
 * <ul>
 * <li>{@code app/uninstalled}: the Shop resource, its {@code id} and a {@code myshopify_domain} that is the header's
 * shop;</li>
 * <li>{@code app/scopes_update}: a {@code current} list of scopes (the grant is the store's own: nothing in the body
 * names another shop);</li>
 * <li>{@code shop/redact}, {@code customers/redact}, {@code customers/data_request}: a {@code shop_domain} that is
 * the header's shop, and for the customer topics a {@code customer} object;</li>
 * <li>{@code orders/create}, {@code /updated}, {@code /paid}, {@code /cancelled}, {@code /fulfilled},
 * {@code /partially_fulfilled}: an order, its numeric {@code id} and the matching {@code admin_graphql_api_id}
 * ({@code gid://shopify/Order/<id>}). An order does not name its shop: the order is read again by that id from the
 * header's store, so an order of another shop is not found there and nothing is imported;</li>
 * <li>{@code returns/*}: a return, likewise ({@code gid://shopify/Return/<id>}), read again from the store;</li>
 * <li>{@code fulfillment_orders/moved}: a {@code moved_fulfillment_order} object and the GraphQL id of a location as
 * {@code destination_location_id} (Shopify sends these topics with GraphQL ids); the moved fulfillment order's order
 * is asked of the header's store, so one of another shop is not found there.</li>
 * <li>{@code fulfillment_order_notification} (a fulfillment service's callback): a {@code kind} of
 * {@code FULFILLMENT_REQUEST} or {@code CANCELLATION_REQUEST}.</li>
 * </ul>
 * Other topics are only kept, and no component acts on them.
 */
public final class WebhookBodyRules {

    /** The order topics whose body is the Order resource. */
    private static final java.util.Set<String> ORDER_TOPICS = java.util.Set.of(
            "orders/create",
            "orders/updated",
            "orders/paid",
            "orders/cancelled",
            "orders/fulfilled",
            "orders/partially_fulfilled");

    private WebhookBodyRules() {}

    /**
     * Why a delivery's body does not suit its topic or its shop, or empty when it does (or no rule applies).
     *
     * @param shop the store the delivery came for (its X-Shopify-Shop-Domain)
     * @param topLevel the body's top-level fields ({@link WebhookReceived#topLevel}), empty when it is no JSON object
     */
    public static Optional<String> refusal(String topic, ShopDomain shop, Optional<JsonObject> topLevel) {
        if (!hasRule(topic)) {
            return Optional.empty();
        }
        if (topLevel.isEmpty()) {
            return Optional.of("the body is not a JSON object, so it is no " + topic + " body.");
        }
        JsonObject json = topLevel.get();
        return switch (topic) {
            case "app/uninstalled" -> number(json, "id").or(() -> sameShop(json, "myshopify_domain", shop));
            case "app/scopes_update" ->
                json.get("current") instanceof JsonArray
                        ? Optional.empty()
                        : Optional.of("the body has no \"current\" list of access scopes.");
            case "shop/redact" -> sameShop(json, "shop_domain", shop);
            case "customers/redact", "customers/data_request" ->
                sameShop(json, "shop_domain", shop)
                        .or(() -> json.get("customer") instanceof JsonObject
                                ? Optional.empty()
                                : Optional.of("the body has no \"customer\" object."));
            case "fulfillment_orders/moved" ->
                json.get("moved_fulfillment_order") instanceof JsonObject
                                && json.get("destination_location_id") instanceof JsonString location
                                && location.getString().startsWith("gid://shopify/Location/")
                        ? Optional.empty()
                        : Optional.of("the body has no \"moved_fulfillment_order\" and \"destination_location_id\" "
                                + "of a fulfillment order's move.");
            case WebhookReceived.FULFILLMENT_ORDER_NOTIFICATION ->
                json.get("kind") instanceof JsonString kind
                                && java.util.Set.of("FULFILLMENT_REQUEST", "CANCELLATION_REQUEST")
                                        .contains(kind.getString())
                        ? Optional.empty()
                        : Optional.of("the body's \"kind\" is neither FULFILLMENT_REQUEST nor CANCELLATION_REQUEST.");
            default -> ORDER_TOPICS.contains(topic) ? resource(json, "Order") : resource(json, "Return");
        };
    }

    private static boolean hasRule(String topic) {
        return topic.equals("app/uninstalled")
                || topic.equals("app/scopes_update")
                || WebhookIntake.COMPLIANCE_TOPICS.contains(topic)
                || ORDER_TOPICS.contains(topic)
                || topic.startsWith("returns/")
                || topic.equals("fulfillment_orders/moved")
                || topic.equals(WebhookReceived.FULFILLMENT_ORDER_NOTIFICATION);
    }

    /** A REST resource as Shopify sends it: a numeric id and the GraphQL id of the same object of that type. */
    private static Optional<String> resource(JsonObject json, String type) {
        if (!(json.get("id") instanceof JsonNumber id) || !id.isIntegral()) {
            return Optional.of("the body has no numeric \"id\" of a " + type.toLowerCase() + ".");
        }
        String expected = "gid://shopify/" + type + "/" + id.longValue();
        if (!(json.get("admin_graphql_api_id") instanceof JsonString gid)
                || !gid.getString().equals(expected)) {
            return Optional.of("the body's \"admin_graphql_api_id\" is not " + expected + ": it is no "
                    + type.toLowerCase() + ".");
        }
        return Optional.empty();
    }

    private static Optional<String> number(JsonObject json, String field) {
        return json.get(field) instanceof JsonNumber number && number.isIntegral()
                ? Optional.empty()
                : Optional.of("the body has no numeric \"" + field + "\".");
    }

    private static Optional<String> sameShop(JsonObject json, String field, ShopDomain shop) {
        if (!(json.get(field) instanceof JsonString named)) {
            return Optional.of("the body has no \"" + field + "\" naming the shop.");
        }
        return named.getString().equalsIgnoreCase(shop.value())
                ? Optional.empty()
                : Optional.of("the body's \"" + field + "\" names " + WebhookIntake.printable(named.getString())
                        + ", not " + shop + ".");
    }
}
