package wms.shopify.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The part of an order to be fulfilled from one location; Shopify creates these when the order is placed. */
public final class FulfillmentOrder extends ShopifyObject {

    private final Order order;
    private final Location location;
    private final List<FulfillmentOrderLineItem> lineItems = new ArrayList<>();
    private final List<Fulfillment> fulfillments = new ArrayList<>();
    private String status = "OPEN";

    FulfillmentOrder(long id, Order order, Location location, Instant at) {
        super("FulfillmentOrder", id, at);
        this.order = order;
        this.location = location;
    }

    public Order order() {
        return order;
    }

    public String orderId() {
        return order.id();
    }

    public String orderName() {
        return order.name();
    }

    public Location location() {
        return location;
    }

    public String status() {
        return status;
    }

    public String requestStatus() {
        return "UNSUBMITTED";
    }

    public Instant fulfillAt() {
        return createdAt();
    }

    public Instant fulfillBy() {
        return null;
    }

    public Map<String, Object> assignedLocation() {
        Map<String, Object> address = location.address();
        return Map.of(
                "name",
                location.name(),
                "address1",
                address.get("address1"),
                "city",
                address.get("city"),
                "zip",
                address.get("zip"),
                "province",
                address.get("province"),
                "countryCode",
                "US",
                "location",
                location);
    }

    public Map<String, Object> destination() {
        return order.shippingAddress();
    }

    public List<Map<String, String>> supportedActions() {
        return "CLOSED".equals(status)
                ? List.of()
                : List.of(Map.of("action", "CREATE_FULFILLMENT"), Map.of("action", "MOVE"), Map.of("action", "HOLD"));
    }

    public List<FulfillmentOrderLineItem> lineItems() {
        return List.copyOf(lineItems);
    }

    public List<Fulfillment> fulfillments() {
        return List.copyOf(fulfillments);
    }

    void add(FulfillmentOrderLineItem lineItem) {
        lineItems.add(lineItem);
    }

    /** Records a fulfillment and moves the status on: IN_PROGRESS while some units remain, CLOSED when none do. */
    void fulfilled(Fulfillment fulfillment, Instant at) {
        fulfillments.add(fulfillment);
        status = lineItems.stream().allMatch(li -> li.remainingQuantity() == 0) ? "CLOSED" : "IN_PROGRESS";
        touch(at);
    }

    /** The order was cancelled: nothing is left to fulfil here. */
    void cancelled(Instant at) {
        if (!"CLOSED".equals(status)) {
            status = "CLOSED";
            touch(at);
        }
    }

    @Override
    Object searchValue(String field) {
        return switch (field) {
            case "status" -> status.toLowerCase();
            case "assigned_location_id" -> location.legacyResourceId();
            case "order_id" -> order.legacyResourceId();
            default -> super.searchValue(field);
        };
    }
}
