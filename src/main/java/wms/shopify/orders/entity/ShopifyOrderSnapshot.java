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
 * @param complete false when Shopify had more lines or fulfillment orders than a read takes ({@link #MOST_LINES},
 *        {@link #MOST_FULFILLMENT_ORDERS})
 * @param withheld the protected customer fields Shopify withheld (null in this read) because the app is not approved
 *        for them; empty when none was
 * @param riskRecommendation Shopify's fraud recommendation ({@code risk.recommendation}: CANCEL, INVESTIGATE, ACCEPT,
 *        NONE), null when the read did not give one
 * @param tags the order's tags
 * @param salesChannel where it was placed ({@code sourceName}: web, pos, an app...), or null
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
        boolean complete,
        Set<CustomerField> withheld,
        String riskRecommendation,
        List<String> tags,
        String salesChannel) {

    /**
     * The lines an order is read with at most (and a fulfillment order): pages of 200 (250), bounding what one import
     * holds in memory; an order with more is held, never imported in part.
     */
    public static final int MOST_LINES = 2500;

    /** The fulfillment orders an order is read with at most (10 pages of 5). */
    public static final int MOST_FULFILLMENT_ORDERS = 50;

    /** Fulfillment order statuses with units still to ship from their location. */
    private static final Set<String> OPEN_FULFILLMENT = Set.of("OPEN", "IN_PROGRESS", "SCHEDULED", "ON_HOLD");

    public ShopifyOrderSnapshot {
        lines = List.copyOf(lines);
        fulfillmentOrders = List.copyOf(fulfillmentOrders);
        withheld = withheld.isEmpty() ? Set.of() : java.util.EnumSet.copyOf(withheld);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** An order read without its risk assessment, tags and sales channel. */
    public ShopifyOrderSnapshot(
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
            boolean complete,
            Set<CustomerField> withheld) {
        this(
                id,
                name,
                createdAt,
                updatedAt,
                test,
                closed,
                cancelledAt,
                financialStatus,
                fulfillmentStatus,
                email,
                phone,
                note,
                shipTo,
                shippingMethod,
                shippingCode,
                lines,
                fulfillmentOrders,
                complete,
                withheld,
                null,
                List.of(),
                null);
    }

    /**
     * The four kinds of protected customer data Shopify approves separately ("Work with protected customer data");
     * one the app is not approved for comes back null, and the order is imported without it.
     */
    public enum CustomerField {
        NAME("name"),
        ADDRESS("address"),
        EMAIL("email"),
        PHONE("phone");

        private final String word;

        CustomerField(String word) {
            this.word = word;
        }

        /**
         * The field of an order read whose path Shopify named as withheld: the order's own {@code email} and
         * {@code phone}, and in its shipping address the names, the phone, and the address lines, city and zip.
         */
        public static CustomerField ofPath(List<String> path) {
            String last = path.isEmpty() ? "" : path.get(path.size() - 1);
            boolean inAddress = path.contains("shippingAddress");
            return switch (last) {
                case "email" -> EMAIL;
                case "phone" -> PHONE;
                case "name", "firstName", "lastName" -> inAddress ? NAME : ADDRESS;
                default -> ADDRESS;
            };
        }

        /**
         * What the Orders page and the WMS feed say, e.g. "address withheld by Shopify: request protected customer
         * data access"; null when nothing was withheld.
         */
        public static String note(Set<CustomerField> fields) {
            if (fields == null || fields.isEmpty()) {
                return null;
            }
            List<String> words =
                    java.util.EnumSet.copyOf(fields).stream().map(f -> f.word).toList();
            String list = words.size() == 1
                    ? words.get(0)
                    : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
            return list + " withheld by Shopify: request protected customer data access";
        }
    }

    /**
     * One line item: a variant (null when deleted) and its quantities.
     *
     * @param quantity as ordered at checkout
     * @param currentQuantity as ordered now: after edits and removals (a fulfillment does not change it)
     * @param bundle the bundle it was sold as a component of (Shopify's {@code lineItemGroup}: its variant's SKU, else
     *     its title), null for a line bought on its own
     */
    public record Line(
            String lineItemId,
            String variantId,
            String inventoryItemId,
            String sku,
            String title,
            int quantity,
            int unfulfilledQuantity,
            boolean requiresShipping,
            int currentQuantity,
            String bundle) {

        /** A line never edited: ordered now as at checkout. */
        public Line(
                String lineItemId,
                String variantId,
                String inventoryItemId,
                String sku,
                String title,
                int quantity,
                int unfulfilledQuantity,
                boolean requiresShipping) {
            this(
                    lineItemId,
                    variantId,
                    inventoryItemId,
                    sku,
                    title,
                    quantity,
                    unfulfilledQuantity,
                    requiresShipping,
                    quantity,
                    null);
        }
    }

    /**
     * The part of the order to be fulfilled from one location, with the holds on it (status ON_HOLD).
     *
     * @param requestStatus the conversation with a fulfillment service (UNSUBMITTED at a merchant's location; at a
     *     service's: SUBMITTED once the merchant asked, ACCEPTED, REJECTED, CANCELLATION_REQUESTED...)
     * @param serviceHandle the handle of the fulfillment service operating the location, null when the merchant does
     * @param serviceName that service's name
     */
    public record FulfillmentOrder(
            String id,
            String status,
            String requestStatus,
            String locationId,
            List<FulfillmentLine> lines,
            List<Hold> holds,
            String serviceHandle,
            String serviceName) {

        public FulfillmentOrder {
            lines = List.copyOf(lines);
            holds = List.copyOf(holds);
            requestStatus = requestStatus == null ? "UNSUBMITTED" : requestStatus;
        }

        /** A fulfillment order on no hold at a merchant-managed location. */
        public FulfillmentOrder(String id, String status, String locationId, List<FulfillmentLine> lines) {
            this(id, status, "UNSUBMITTED", locationId, lines, List.of(), null, null);
        }

        /** A fulfillment order on no hold, in this conversation with a fulfillment service. */
        public FulfillmentOrder(
                String id, String status, String requestStatus, String locationId, List<FulfillmentLine> lines) {
            this(id, status, requestStatus, locationId, lines, List.of(), null, null);
        }

        /** A fulfillment order never submitted to a service, with these holds, at this location's service if any. */
        public FulfillmentOrder(
                String id,
                String status,
                String locationId,
                List<FulfillmentLine> lines,
                List<Hold> holds,
                String serviceHandle,
                String serviceName) {
            this(id, status, "UNSUBMITTED", locationId, lines, holds, serviceHandle, serviceName);
        }

        public boolean open() {
            return OPEN_FULFILLMENT.contains(this.status);
        }

        /**
         * Whether a fulfillment service has been asked for this work and not let go of it: requested (SUBMITTED),
         * accepted, or with a cancellation asked or refused. Only such a fulfillment order at the WMS's service
         * location is the WMS's to ship.
         */
        public boolean requestedOfService() {
            return REQUESTED_OF_SERVICE.contains(this.requestStatus);
        }

        /** Whether it is on hold with units still to ship. */
        public boolean heldWithUnits() {
            return "ON_HOLD".equals(this.status) && this.lines.stream().anyMatch(l -> l.remainingQuantity() > 0);
        }
    }

    /**
     * A fulfillment hold (Shopify's {@code FulfillmentHold}).
     *
     * @param reason Shopify's {@code FulfillmentHoldReason}, e.g. HIGH_RISK_OF_FRAUD
     * @param handle the placing app's handle for it ("" by default); the connector's own holds carry
     *     {@link #WMS_HANDLE}
     */
    public record Hold(String id, String handle, String reason, String reasonNotes) {

        /** The handle of the holds the connector places for the WMS. */
        public static final String WMS_HANDLE = "wms-connector";

        public boolean placedForTheWms() {
            return WMS_HANDLE.equals(this.handle);
        }
    }

    /**
     * The hold that stops the WMS order, or empty: the first hold of a fulfillment order on hold with units still to
     * ship (the WMS ships the order as one, so a hold on any part of it stops it). A fulfillment order on hold whose
     * holds Shopify did not list is held for OTHER.
     */
    public java.util.Optional<Hold> hold() {
        return this.fulfillmentOrders.stream()
                .filter(FulfillmentOrder::heldWithUnits)
                .findFirst()
                .map(fo -> fo.holds().isEmpty()
                        ? new Hold(null, null, "OTHER", null)
                        : fo.holds().get(0));
    }

    /** Request statuses in which the service has the work (see {@link FulfillmentOrder#requestedOfService}). */
    private static final Set<String> REQUESTED_OF_SERVICE =
            Set.of("SUBMITTED", "ACCEPTED", "CANCELLATION_REQUESTED", "CANCELLATION_REJECTED");

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

    /** The bundle a line was sold in: its variant's SKU where it has one, else its title; null outside a bundle. */
    private static String bundle(JsonObject group) {
        if (group == null) {
            return null;
        }
        String sku = text(group, "variantSku");
        return sku != null && !sku.isBlank() ? sku : text(group, "title");
    }

    /** Reads Shopify's answer to {@code Order.graphql}, with every customer field readable. */
    public static ShopifyOrderSnapshot from(JsonObject order) {
        return from(order, Set.of());
    }

    /** Reads Shopify's answer to {@code Order.graphql}, whose {@code withheld} fields Shopify did not give. */
    public static ShopifyOrderSnapshot from(JsonObject order, Set<CustomerField> withheld) {
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
                    line.getBoolean("requiresShipping", true),
                    line.containsKey("currentQuantity") && !line.isNull("currentQuantity")
                            ? line.getInt("currentQuantity")
                            : line.getInt("quantity"),
                    bundle(object(line, "lineItemGroup"))));
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
                List<Hold> holds = new ArrayList<>();
                if (fo.get("fulfillmentHolds") instanceof jakarta.json.JsonArray listed) {
                    for (JsonValue holdValue : listed) {
                        JsonObject hold = holdValue.asJsonObject();
                        holds.add(new Hold(
                                text(hold, "id"),
                                text(hold, "handle"),
                                text(hold, "reason"),
                                text(hold, "reasonNotes")));
                    }
                }
                // A service location whose service Shopify did not name is still a service's, never the merchant's.
                boolean operated = location != null && location.getBoolean("isFulfillmentService", false);
                JsonObject service = operated ? object(location, "fulfillmentService") : null;
                String handle = service == null ? null : text(service, "handle");
                String serviceName = service == null ? null : text(service, "serviceName");
                fulfillmentOrders.add(new FulfillmentOrder(
                        fo.getString("id"),
                        fo.getString("status"),
                        text(fo, "requestStatus"),
                        location == null ? null : location.getString("id"),
                        foLines,
                        holds,
                        operated ? (handle == null ? "" : handle) : null,
                        operated ? (serviceName == null ? "a fulfillment service" : serviceName) : null));
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
        JsonObject risk = object(order, "risk");
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
                complete,
                withheld,
                risk == null ? null : text(risk, "recommendation"),
                tags(order),
                text(order, "sourceName"));
    }

    private static List<String> tags(JsonObject order) {
        List<String> tags = new ArrayList<>();
        if (order.get("tags") instanceof jakarta.json.JsonArray array) {
            for (JsonValue tag : array) {
                if (tag instanceof jakarta.json.JsonString text) {
                    tags.add(text.getString());
                }
            }
        }
        return tags;
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
