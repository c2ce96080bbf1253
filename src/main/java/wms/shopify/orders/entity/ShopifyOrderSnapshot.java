package wms.shopify.orders.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A snapshot of an order as Shopify had it when read by id through the Admin API ({@code Order.graphql}): what the
 * connector decides on, applied to the {@link ImportedOrder}. Never built from a webhook body, which may be stale,
 * reordered or a duplicate.
 *
 * @param financialStatus {@code displayFinancialStatus} in lower case (paid, pending, authorized...), or ""
 * @param fulfillmentStatus {@code displayFulfillmentStatus} in lower case (unfulfilled, partially_fulfilled...)
 * @param shippingMethod the shipping line's title, or null
 * @param complete false when Shopify had more lines or fulfillment orders than one read takes
 */
public record ShopifyOrderSnapshot(
        String id,
        String name,
        Instant createdAt,
        Instant updatedAt,
        boolean test,
        boolean closed,
        Instant cancelledAt,
        String financialStatus,
        String fulfillmentStatus,
        String email,
        String phone,
        String note,
        ShipTo shipTo,
        String shippingMethod,
        String shippingCode,
        List<Line> lines,
        List<FulfillmentOrder> fulfillmentOrders,
        boolean complete) {

    /** Fulfillment order statuses with units still to ship from their location. */
    private static final Set<String> OPEN_FULFILLMENT = Set.of("OPEN", "IN_PROGRESS", "SCHEDULED", "ON_HOLD");

    public ShopifyOrderSnapshot {
        lines = List.copyOf(lines);
        fulfillmentOrders = List.copyOf(fulfillmentOrders);
    }

    /** One line item: a variant (null when deleted) and its quantities. */
    public record Line(
            String lineItemId,
            String variantId,
            String inventoryItemId,
            String sku,
            String title,
            int quantity,
            int unfulfilledQuantity,
            boolean requiresShipping) {}

    /** The part of the order to be fulfilled from one location. */
    public record FulfillmentOrder(String id, String status, String locationId, List<FulfillmentLine> lines) {

        public FulfillmentOrder {
            lines = List.copyOf(lines);
        }

        public boolean open() {
            return OPEN_FULFILLMENT.contains(this.status);
        }
    }

    /** A line of a fulfillment order: which line item, and how many units remain to ship from there. */
    public record FulfillmentLine(String lineItemId, String inventoryItemId, int remainingQuantity) {}

    /** Where the parcel goes: only what a carrier label needs. */
    public record ShipTo(
            String name,
            String company,
            String address1,
            String address2,
            String city,
            String province,
            String provinceCode,
            String zip,
            String countryCode,
            String phone) {}

    /** The store filters' order status: cancelled, else closed, else open. */
    public String orderStatus() {
        return this.cancelledAt != null ? "cancelled" : this.closed ? "closed" : "open";
    }

    /** Whether some of the order has been shipped already (fulfilled on Shopify). */
    public boolean shipped() {
        return "fulfilled".equals(this.fulfillmentStatus) || "partially_fulfilled".equals(this.fulfillmentStatus);
    }

    public Line line(String lineItemId) {
        return this.lines.stream()
                .filter(l -> l.lineItemId().equals(lineItemId))
                .findFirst()
                .orElse(null);
    }

    /** Reads Shopify's answer to {@code Order.graphql}. */
    public static ShopifyOrderSnapshot from(JsonObject order) {
        List<Line> lines = new ArrayList<>();
        boolean complete = !hasNextPage(order.getJsonObject("lineItems"));
        for (JsonValue value : order.getJsonObject("lineItems").getJsonArray("nodes")) {
            JsonObject line = value.asJsonObject();
            JsonObject variant = object(line, "variant");
            JsonObject item = variant == null ? null : object(variant, "inventoryItem");
            lines.add(new Line(
                    line.getString("id"),
                    variant == null ? null : variant.getString("id"),
                    item == null ? null : item.getString("id"),
                    text(line, "sku"),
                    text(line, "name"),
                    line.getInt("quantity"),
                    line.getInt("unfulfilledQuantity"),
                    line.getBoolean("requiresShipping", true)));
        }
        List<FulfillmentOrder> fulfillmentOrders = new ArrayList<>();
        JsonObject foConnection = object(order, "fulfillmentOrders");
        if (foConnection != null) {
            complete &= !hasNextPage(foConnection);
            for (JsonValue value : foConnection.getJsonArray("nodes")) {
                JsonObject fo = value.asJsonObject();
                JsonObject assigned = object(fo, "assignedLocation");
                JsonObject location = assigned == null ? null : object(assigned, "location");
                List<FulfillmentLine> foLines = new ArrayList<>();
                complete &= !hasNextPage(fo.getJsonObject("lineItems"));
                for (JsonValue lineValue : fo.getJsonObject("lineItems").getJsonArray("nodes")) {
                    JsonObject line = lineValue.asJsonObject();
                    foLines.add(new FulfillmentLine(
                            line.getJsonObject("lineItem").getString("id"),
                            text(line, "inventoryItemId"),
                            line.getInt("remainingQuantity")));
                }
                fulfillmentOrders.add(new FulfillmentOrder(
                        fo.getString("id"),
                        fo.getString("status"),
                        location == null ? null : location.getString("id"),
                        foLines));
            }
        }
        JsonObject address = object(order, "shippingAddress");
        ShipTo shipTo = address == null
                ? null
                : new ShipTo(
                        text(address, "name"),
                        text(address, "company"),
                        text(address, "address1"),
                        text(address, "address2"),
                        text(address, "city"),
                        text(address, "province"),
                        text(address, "provinceCode"),
                        text(address, "zip"),
                        text(address, "countryCodeV2"),
                        text(address, "phone"));
        JsonObject shipping = object(order, "shippingLine");
        return new ShopifyOrderSnapshot(
                order.getString("id"),
                text(order, "name"),
                instant(order, "createdAt"),
                instant(order, "updatedAt"),
                order.getBoolean("test", false),
                order.getBoolean("closed", false),
                instant(order, "cancelledAt"),
                lower(text(order, "displayFinancialStatus")),
                lower(text(order, "displayFulfillmentStatus")),
                text(order, "email"),
                text(order, "phone"),
                text(order, "note"),
                shipTo,
                shipping == null ? null : text(shipping, "title"),
                shipping == null ? null : text(shipping, "code"),
                lines,
                fulfillmentOrders,
                complete);
    }

    private static boolean hasNextPage(JsonObject connection) {
        JsonObject info = connection == null ? null : object(connection, "pageInfo");
        return info != null && info.getBoolean("hasNextPage", false);
    }

    private static JsonObject object(JsonObject parent, String name) {
        JsonValue value = parent.get(name);
        return value instanceof JsonObject object ? object : null;
    }

    private static String text(JsonObject parent, String name) {
        JsonValue value = parent.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL
                ? null
                : value.getValueType() == JsonValue.ValueType.STRING ? parent.getString(name) : value.toString();
    }

    private static Instant instant(JsonObject parent, String name) {
        String value = text(parent, name);
        return value == null ? null : Instant.parse(value);
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
