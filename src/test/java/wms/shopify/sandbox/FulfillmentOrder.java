package wms.shopify.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of an order to be fulfilled from one location; Shopify creates these when the order is placed. It carries
 * two states, as Shopify's does: {@code status} (the work: OPEN, IN_PROGRESS, ON_HOLD, CLOSED...) and
 * {@code requestStatus} (the conversation with the fulfillment service of its location: UNSUBMITTED until a merchant
 * requests fulfillment, then SUBMITTED, ACCEPTED, REJECTED, CANCELLATION_REQUESTED...). {@link FulfillmentOrderDesk}
 * moves both.
 */
public final class FulfillmentOrder extends ShopifyObject {

    /** Request statuses in which the fulfillment service owns the work: no move, no hold by the merchant. */
    static final List<String> WITH_THE_SERVICE =
            List.of("SUBMITTED", "ACCEPTED", "CANCELLATION_REQUESTED", "CANCELLATION_REJECTED");

    private final Order order;
    private Location location;
    private final List<FulfillmentOrderLineItem> lineItems = new ArrayList<>();
    private final List<Fulfillment> fulfillments = new ArrayList<>();
    private final List<FulfillmentHold> holds = new ArrayList<>();
    private final List<FulfillmentOrderMerchantRequest> merchantRequests = new ArrayList<>();
    private String status = "OPEN";
    private String requestStatus = "UNSUBMITTED";

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
        return requestStatus;
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

    /**
     * What can be done next, as Shopify lists it: a merchant-managed order can be fulfilled, moved and held; one at a
     * fulfillment service is requested first, and once the service has it only a cancellation can be asked for.
     */
    public List<Map<String, String>> supportedActions() {
        List<String> actions = new ArrayList<>();
        boolean service = location.isFulfillmentService();
        switch (status) {
            case "OPEN", "IN_PROGRESS" -> {
                boolean ours = !service || location.fulfillmentService().ownedByThisApp();
                if (ours
                        && (!service
                                || requestStatus.equals("ACCEPTED")
                                || requestStatus.equals("CANCELLATION_REJECTED"))) {
                    actions.add("CREATE_FULFILLMENT");
                }
                if (service && List.of("UNSUBMITTED", "REJECTED").contains(requestStatus)) {
                    actions.add("REQUEST_FULFILLMENT");
                }
                if (service && List.of("ACCEPTED", "CANCELLATION_REJECTED").contains(requestStatus)) {
                    actions.add("REQUEST_CANCELLATION");
                }
                if (service && requestStatus.equals("SUBMITTED")) {
                    actions.add("CANCEL_FULFILLMENT_ORDER");
                }
                if (!WITH_THE_SERVICE.contains(requestStatus)) {
                    actions.add("MOVE");
                    actions.add("HOLD");
                }
            }
            case "ON_HOLD" -> {
                actions.add("RELEASE_HOLD");
                actions.add("HOLD");
                actions.add("MOVE");
            }
            default -> {}
        }
        return actions.stream().map(a -> Map.of("action", a)).toList();
    }

    public List<FulfillmentOrderLineItem> lineItems() {
        return List.copyOf(lineItems);
    }

    public List<Fulfillment> fulfillments() {
        return List.copyOf(fulfillments);
    }

    /** The holds in force; empty unless ON_HOLD. */
    public List<FulfillmentHold> fulfillmentHolds() {
        return List.copyOf(holds);
    }

    public List<FulfillmentOrderMerchantRequest> merchantRequests() {
        return List.copyOf(merchantRequests);
    }

    /** Units still to ship over all lines. */
    public int remainingQuantity() {
        return lineItems.stream()
                .mapToInt(FulfillmentOrderLineItem::remainingQuantity)
                .sum();
    }

    /** Whether any unit of this fulfillment order has shipped. */
    public boolean anyFulfilled() {
        return lineItems.stream().anyMatch(li -> li.remainingQuantity() < li.totalQuantity())
                || !fulfillments.isEmpty();
    }

    /** CLOSED or CANCELLED (or INCOMPLETE): no more work here. */
    public boolean finished() {
        return List.of("CLOSED", "CANCELLED", "INCOMPLETE").contains(status);
    }

    void add(FulfillmentOrderLineItem lineItem) {
        lineItems.add(lineItem);
    }

    /** Records a fulfillment and moves the status on: IN_PROGRESS while some units remain, CLOSED when none do. */
    void fulfilled(Fulfillment fulfillment, Instant at) {
        fulfillments.add(fulfillment);
        status = remainingQuantity() == 0 ? "CLOSED" : "IN_PROGRESS";
        touch(at);
    }

    /** The order was cancelled: nothing is left to fulfil here. */
    void cancelled(Instant at) {
        if (!"CLOSED".equals(status)) {
            status = "CLOSED";
            touch(at);
        }
    }

    void status(String newStatus, Instant at) {
        status = newStatus;
        touch(at);
    }

    void requestStatus(String newRequestStatus, Instant at) {
        requestStatus = newRequestStatus;
        touch(at);
    }

    void location(Location newLocation, Instant at) {
        location = newLocation;
        touch(at);
    }

    void add(FulfillmentHold hold) {
        holds.add(hold);
    }

    void remove(FulfillmentHold hold) {
        holds.remove(hold);
    }

    void add(FulfillmentOrderMerchantRequest request) {
        merchantRequests.add(request);
    }

    /** The status the work returns to when the last hold is released. */
    String statusWithoutHolds() {
        return anyFulfilled() ? "IN_PROGRESS" : "OPEN";
    }

    @Override
    Object searchValue(String field) {
        return switch (field) {
            case "status" -> status.toLowerCase();
            case "request_status" -> requestStatus.toLowerCase();
            case "assigned_location_id" -> location.legacyResourceId();
            case "order_id" -> order.legacyResourceId();
            default -> super.searchValue(field);
        };
    }
}
